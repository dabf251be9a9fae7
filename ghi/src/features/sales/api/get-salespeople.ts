import { useQuery } from '@tanstack/react-query';
import { salesApi } from '../../../lib/api-client';
import type { Salesperson } from '../types';

export const salespeopleKey = ['sales', 'salespeople'];

export function useSalespeople() {
  return useQuery({
    queryKey: salespeopleKey,
    queryFn: async () => (await salesApi.get<{ salespeople: Salesperson[] }>('/api/salespeople/')).data.salespeople,
  });
}
