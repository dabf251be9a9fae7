import { useMutation, useQueryClient } from '@tanstack/react-query';
import { salesApi } from '../../../lib/api-client';
import { saleKey } from './get-sale';
import { saleableCarsKey } from './get-saleable-cars';
import { salesKey } from './get-sales';

/** Voids a sale with the reason given (`DELETE /api/sales/:id/`); the car goes back on sale. */
export function useVoidSale(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (reason: string) => {
      await salesApi.delete(`/api/sales/${id}/`, { data: reason ? { reason } : {} });
    },
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: saleKey(id) }),
        queryClient.invalidateQueries({ queryKey: salesKey }),
        queryClient.invalidateQueries({ queryKey: saleableCarsKey }),
      ]),
  });
}
