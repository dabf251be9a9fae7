import { salesRoutes } from '@carcar/common/contract/routes';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { salesApi } from '../../../lib/api-client';
import { salesKeys } from '../../../lib/query-keys';
import { callRoute } from '../../../lib/route-call';

/** Voids a sale with the reason given (`DELETE /api/sales/:id/`); the car goes back on sale. */
export function useVoidSale(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (reason: string) => {
      await callRoute(salesApi, salesRoutes.sales.void, { id }, { body: reason ? { reason } : {} });
    },
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: salesKeys.sales.one(id) }),
        queryClient.invalidateQueries({ queryKey: salesKeys.sales.all }),
        queryClient.invalidateQueries({ queryKey: salesKeys.automobiles.all }),
      ]),
  });
}
