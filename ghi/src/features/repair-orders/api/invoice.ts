import { pathTo, serviceApiRoutes } from '@carcar/common/contract/routes';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { serviceApi } from '../../../lib/api-client';
import type { RepairOrder } from '../types';
import { refreshOrder } from './update-repair-order';

/** `POST /api/repair-orders/:id/invoice/`; a 409 says what still stands in the way. */
export function useInvoice(orderId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async () =>
      (await serviceApi.post<RepairOrder>(pathTo(serviceApiRoutes.repairOrders.invoice, { id: orderId }))).data,
    onSuccess: (order) => refreshOrder(queryClient, order),
  });
}
