import { pathTo, serviceApiRoutes } from '@carcar/common/contract/routes';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { serviceApi } from '../../../lib/api-client';
import type { RepairOrder } from '../types';
import { refreshOrder } from './update-repair-order';

/** `DELETE /api/repair-orders/:id/` with the reason: the order stays on record, void. */
export function useVoidRepairOrder(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (reason: string) =>
      (await serviceApi.delete<RepairOrder>(pathTo(serviceApiRoutes.repairOrders.remove, { id }), { data: { reason } }))
        .data,
    onSuccess: (order) => refreshOrder(queryClient, order),
  });
}
