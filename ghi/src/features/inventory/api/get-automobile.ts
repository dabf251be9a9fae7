import { useQuery } from '@tanstack/react-query';
import { inventoryApi } from '../../../lib/api-client';
import type { Automobile } from '../types';
import { automobilesKey } from './get-automobiles';

export const automobileKey = (vin: string) => [...automobilesKey, 'one', vin];

export function useAutomobile(vin: string) {
  return useQuery({
    queryKey: automobileKey(vin),
    queryFn: async () => (await inventoryApi.get<Automobile>(`/api/automobiles/${encodeURIComponent(vin)}/`)).data,
  });
}
