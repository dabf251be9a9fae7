import { useQuery } from '@tanstack/react-query';
import { inventoryApi } from '../../../lib/api-client';
import type { VehicleModel } from '../types';

export const modelsKey = ['inventory', 'models'];

export function useModels() {
  return useQuery({
    queryKey: modelsKey,
    queryFn: async () => (await inventoryApi.get<{ models: VehicleModel[] }>('/api/models/')).data.models,
  });
}
