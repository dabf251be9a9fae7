import { useQuery } from '@tanstack/react-query';
import { ApiError, inventoryApi } from '../../../lib/api-client';
import type { Automobile } from '../types';
import { automobilesKey } from './get-automobiles';

export const automobileKey = (vin: string) => [...automobilesKey, 'one', vin];

/** One car of the stock; a 404 (an outside car) is an answer, not worth asking again. */
export function useAutomobile(vin: string) {
  return useQuery({
    queryKey: automobileKey(vin),
    queryFn: async () => (await inventoryApi.get<Automobile>(`/api/automobiles/${encodeURIComponent(vin)}/`)).data,
    retry: (failures, error) =>
      failures < 1 && !(error instanceof ApiError && error.status !== null && error.status < 500),
  });
}
