import { serviceApiRoutes } from '@carcar/common/contract/routes';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { serviceApi } from '../../../lib/api-client';
import { callRoute } from '../../../lib/route-call';
import { refreshOrder } from './update-repair-order';

/** `DELETE /api/repair-orders/:id/` with the reason: the order stays on record, void. */
export function useVoidRepairOrder(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (reason: string) =>
      callRoute(serviceApi, serviceApiRoutes.repairOrders.remove, { id }, { body: { reason } }),
    onSuccess: (order) => refreshOrder(queryClient, order),
  });
}
