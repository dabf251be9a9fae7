import { pathTo, serviceApiRoutes } from '@carcar/common/contract/routes';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { serviceApi } from '../../../lib/api-client';
import type { PaymentMethod, RepairOrder } from '../types';
import { refreshOrder } from './update-repair-order';

export interface PaymentBody {
  amount: number;
  method: PaymentMethod;
  reference?: string;
}

/** `POST /api/repair-orders/:id/payments/`: the order closes when the balance reaches 0. */
export function useTakePayment(orderId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: PaymentBody) =>
      (await serviceApi.post<RepairOrder>(pathTo(serviceApiRoutes.repairOrders.takePayment, { id: orderId }), body))
        .data,
    onSuccess: (order) => refreshOrder(queryClient, order),
  });
}
