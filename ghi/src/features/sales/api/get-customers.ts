import { pathTo, salesRoutes } from '@carcar/common/contract/routes';
import { useQuery } from '@tanstack/react-query';
import { salesApi } from '../../../lib/api-client';
import type { CsvRequest } from '../../../lib/export-csv';
import { salesKeys } from '../../../lib/query-keys';
import { callRoute } from '../../../lib/route-call';

/** Every customer, the page's list, for "Export CSV". */
export const customersRequest: CsvRequest = { api: salesApi, url: pathTo(salesRoutes.customers.list) };

export function useCustomers() {
  return useQuery({
    queryKey: salesKeys.customers.list(),
    queryFn: async () => (await callRoute(salesApi, salesRoutes.customers.list)).customers,
  });
}
