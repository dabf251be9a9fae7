import { useQuery } from '@tanstack/react-query';
import { inventoryApi } from '../../../lib/api-client';
import type { Automobile } from '../types';

export const automobilesKey = ['inventory', 'automobiles'];

export function useAutomobiles() {
  return useQuery({
    queryKey: automobilesKey,
    queryFn: async () => (await inventoryApi.get<{ autos: Automobile[] }>('/api/automobiles/')).data.autos,
  });
}
