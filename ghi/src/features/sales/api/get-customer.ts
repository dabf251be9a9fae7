import { useQuery } from '@tanstack/react-query';
import { salesApi } from '../../../lib/api-client';
import type { Customer } from '../types';
import { customersKey } from './get-customers';

export const customerKey = (id: number) => [...customersKey, 'one', id];

export function useCustomer(id: number) {
  return useQuery({
    queryKey: customerKey(id),
    enabled: Number.isInteger(id) && id > 0,
    queryFn: async () => (await salesApi.get<Customer>(`/api/customers/${id}/`)).data,
  });
}
