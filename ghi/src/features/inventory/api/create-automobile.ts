import type { automobileCreateBody } from '@carcar/common/contract/inventory';
import { inventoryRoutes, pathTo } from '@carcar/common/contract/routes';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { inventoryApi } from '../../../lib/api-client';
import { inventoryKeys } from '../../../lib/query-keys';
import type { Automobile } from '../types';

export function useCreateAutomobile() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: z.output<typeof automobileCreateBody>) =>
      (await inventoryApi.post<Automobile>(pathTo(inventoryRoutes.automobiles.create), body)).data,
    onSuccess: async (car) => {
      await queryClient.invalidateQueries({ queryKey: inventoryKeys.automobiles.all });
      return car;
    },
  });
}
