import { useQuery } from '@tanstack/react-query';
import { salesApi } from '../../../lib/api-client';
import type { Salesperson } from '../types';
import { salespeopleKey } from './get-salespeople';

export const salespersonKey = (id: number) => [...salespeopleKey, 'one', id];

export function useSalesperson(id: number) {
  return useQuery({
    queryKey: salespersonKey(id),
    enabled: Number.isInteger(id) && id > 0,
    queryFn: async () => (await salesApi.get<Salesperson>(`/api/salespeople/${id}/`)).data,
  });
}
