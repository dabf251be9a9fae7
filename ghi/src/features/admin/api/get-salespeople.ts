import { useQuery } from '@tanstack/react-query';
import { salesApi } from '../../../lib/api-client';
import type { StaffLink } from '../types';

// Features do not import each other: the sales feature has its own salespeople query.

/** Salespeople (`GET /sales/api/salespeople/`), to link a salesperson's account to. */
export function useLinkableSalespeople() {
  return useQuery({
    queryKey: ['admin', 'salespeople'],
    queryFn: async () => (await salesApi.get<{ salespeople: StaffLink[] }>('/api/salespeople/')).data.salespeople,
  });
}
