import type { automobileCreateBody } from '@carcar/common/contract/inventory';
import { inventoryRoutes } from '@carcar/common/contract/routes';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { inventoryApi } from '../../../lib/api-client';
import { inventoryKeys } from '../../../lib/query-keys';
import { callRoute } from '../../../lib/route-call';

export function useCreateAutomobile() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: z.output<typeof automobileCreateBody>) =>
      callRoute(inventoryApi, inventoryRoutes.automobiles.create, { body }),
    onSuccess: async (car) => {
      await queryClient.invalidateQueries({ queryKey: inventoryKeys.automobiles.all });
      return car;
    },
  });
}
