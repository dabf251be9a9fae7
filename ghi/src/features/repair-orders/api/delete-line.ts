import { serviceApiRoutes } from '@carcar/common/contract/routes';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { serviceApi } from '../../../lib/api-client';
import { callRoute } from '../../../lib/route-call';
import { refreshOrder } from './update-repair-order';

/** `DELETE /api/repair-orders/:id/lines/:line/`: only a line still proposed. */
export function useDeleteLine(orderId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (lineId: number) => {
      await callRoute(serviceApi, serviceApiRoutes.repairOrders.removeLine, { id: orderId, line: lineId });
    },
    onSuccess: () => refreshOrder(queryClient),
  });
}
