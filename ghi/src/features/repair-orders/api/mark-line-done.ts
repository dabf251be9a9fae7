import { pathTo, serviceApiRoutes } from '@carcar/common/contract/routes';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { serviceApi } from '../../../lib/api-client';
import type { RepairLine } from '../types';
import { refreshOrder } from './update-repair-order';

/** `POST /api/repair-orders/:id/lines/:line/done/`: an approved line finished (its clock stops). */
export function useMarkLineDone(orderId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (lineId: number) =>
      (
        await serviceApi.post<RepairLine>(
          pathTo(serviceApiRoutes.repairOrders.markLineDone, { id: orderId, line: lineId }),
        )
      ).data,
    onSuccess: () => refreshOrder(queryClient),
  });
}
