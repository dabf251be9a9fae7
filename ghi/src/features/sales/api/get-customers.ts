import { useQuery } from '@tanstack/react-query';
import { salesApi } from '../../../lib/api-client';
import type { CsvRequest } from '../../../lib/export-csv';
import type { Customer } from '../types';

export const customersKey = ['sales', 'customers'];

/** Every customer, the page's list, for "Export CSV". */
export const customersRequest: CsvRequest = { api: salesApi, url: '/api/customers/' };

export function useCustomers() {
  return useQuery({
    queryKey: customersKey,
    queryFn: async () => (await salesApi.get<{ customers: Customer[] }>(customersRequest.url)).data.customers,
  });
}
