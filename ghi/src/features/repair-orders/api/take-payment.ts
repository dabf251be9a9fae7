import { serviceApiRoutes } from '@carcar/common/contract/routes';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { serviceApi } from '../../../lib/api-client';
import { callRoute } from '../../../lib/route-call';
import type { PaymentMethod } from '../types';
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
    mutationFn: (body: PaymentBody) =>
      callRoute(serviceApi, serviceApiRoutes.repairOrders.takePayment, { id: orderId }, { body }),
    onSuccess: (order) => refreshOrder(queryClient, order),
  });
}
