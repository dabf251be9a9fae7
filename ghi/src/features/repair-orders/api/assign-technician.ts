import { pathTo, serviceApiRoutes } from '@carcar/common/contract/routes';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { serviceApi } from '../../../lib/api-client';
import type { RepairLine } from '../types';
import { refreshOrder } from './update-repair-order';

/** `PUT /api/repair-orders/:id/lines/:line/` with `technician` alone: who works a line, even once approved. */
export function useAssignTechnician(orderId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ line, technician }: { line: number; technician: number | null }) =>
      (
        await serviceApi.put<RepairLine>(pathTo(serviceApiRoutes.repairOrders.updateLine, { id: orderId, line }), {
          technician,
        })
      ).data,
    onSuccess: () => refreshOrder(queryClient),
  });
}
