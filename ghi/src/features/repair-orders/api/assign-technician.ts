import { serviceApiRoutes } from '@carcar/common/contract/routes';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { serviceApi } from '../../../lib/api-client';
import { callRoute } from '../../../lib/route-call';
import { refreshOrder } from './update-repair-order';

/** `PUT /api/repair-orders/:id/lines/:line/` with `technician` alone: who works a line, even once approved. */
export function useAssignTechnician(orderId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ line, technician }: { line: number; technician: number | null }) =>
      callRoute(serviceApi, serviceApiRoutes.repairOrders.updateLine, { id: orderId, line }, { body: { technician } }),
    onSuccess: () => refreshOrder(queryClient),
  });
}
