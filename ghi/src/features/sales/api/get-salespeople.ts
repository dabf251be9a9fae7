import type { StaffFilter } from '@carcar/common/contract/people';
import { useQuery } from '@tanstack/react-query';
import { salesApi } from '../../../lib/api-client';
import type { Salesperson } from '../types';

export const salespeopleKey = ['sales', 'salespeople'];

/** Salespeople; `{ active: true }` leaves out the retired ones (the pickers for new sales). */
export function useSalespeople(filter: StaffFilter = {}) {
  return useQuery({
    queryKey: [...salespeopleKey, filter],
    queryFn: async () =>
      (await salesApi.get<{ salespeople: Salesperson[] }>('/api/salespeople/', { params: filter })).data.salespeople,
  });
}
