import type { modelCreateBody } from '@carcar/common/contract/inventory';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { inventoryApi } from '../../../lib/api-client';
import type { VehicleModel } from '../types';
import { modelsKey } from './get-models';

export function useCreateModel() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: z.output<typeof modelCreateBody>) =>
      (await inventoryApi.post<VehicleModel>('/api/models/', body)).data,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: modelsKey }),
  });
}
