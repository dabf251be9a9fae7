import { useQuery } from '@tanstack/react-query';
import { salesApi } from '../../../lib/api-client';
import type { Customer } from '../types';

export const customersKey = ['sales', 'customers'];

export function useCustomers() {
  return useQuery({
    queryKey: customersKey,
    queryFn: async () => (await salesApi.get<{ customers: Customer[] }>('/api/customers/')).data.customers,
  });
}
