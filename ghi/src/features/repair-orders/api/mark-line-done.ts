import { serviceApiRoutes } from '@carcar/common/contract/routes';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { serviceApi } from '../../../lib/api-client';
import { callRoute } from '../../../lib/route-call';
import { refreshOrder } from './update-repair-order';

/** `POST /api/repair-orders/:id/lines/:line/done/`: an approved line finished (its clock stops). */
export function useMarkLineDone(orderId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (lineId: number) =>
      callRoute(serviceApi, serviceApiRoutes.repairOrders.markLineDone, { id: orderId, line: lineId }),
    onSuccess: () => refreshOrder(queryClient),
  });
}
