import type { automobileUpdateBody } from '@carcar/common/contract/inventory';
import { inventoryRoutes } from '@carcar/common/contract/routes';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { inventoryApi } from '../../../lib/api-client';
import { inventoryKeys } from '../../../lib/query-keys';
import { callRoute } from '../../../lib/route-call';

/** Corrects a car's color or year (`PUT /api/automobiles/:vin/`). */
export function useUpdateAutomobile(vin: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: z.output<typeof automobileUpdateBody>) =>
      callRoute(inventoryApi, inventoryRoutes.automobiles.update, { vin }, { body }),
    onSuccess: (car) => {
      queryClient.setQueryData(inventoryKeys.automobiles.byVin(vin), car);
      return queryClient.invalidateQueries({ queryKey: inventoryKeys.automobiles.all });
    },
  });
}
