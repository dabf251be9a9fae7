import type { modelCreateBody } from '@carcar/common/contract/inventory';
import { inventoryRoutes, pathTo } from '@carcar/common/contract/routes';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { inventoryApi } from '../../../lib/api-client';
import { inventoryKeys } from '../../../lib/query-keys';
import type { VehicleModel } from '../types';

export function useCreateModel() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: z.output<typeof modelCreateBody>) =>
      (await inventoryApi.post<VehicleModel>(pathTo(inventoryRoutes.models.create), body)).data,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: inventoryKeys.models.all }),
  });
}
