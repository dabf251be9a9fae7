import type { manufacturerBody } from '@carcar/common/contract/inventory';
import { inventoryRoutes, pathTo } from '@carcar/common/contract/routes';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { inventoryApi } from '../../../lib/api-client';
import { inventoryKeys } from '../../../lib/query-keys';
import type { Manufacturer } from '../types';

export function useCreateManufacturer() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: z.output<typeof manufacturerBody>) =>
      (await inventoryApi.post<Manufacturer>(pathTo(inventoryRoutes.manufacturers.create), body)).data,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: inventoryKeys.manufacturers.all }),
  });
}
