import type { StaffFilter } from '@carcar/common/contract/people';
import { pathTo, salesRoutes } from '@carcar/common/contract/routes';
import { useQuery } from '@tanstack/react-query';
import { salesApi } from '../../../lib/api-client';
import type { CsvRequest } from '../../../lib/export-csv';
import { salesKeys } from '../../../lib/query-keys';
import { callRoute } from '../../../lib/route-call';

/** Every salesperson, retired ones too (the page's list), for "Export CSV". */
export const salespeopleRequest: CsvRequest = { api: salesApi, url: pathTo(salesRoutes.salespeople.list) };

/** Salespeople; `{ active: true }` leaves out the retired ones (the pickers for new sales). */
export function useSalespeople(filter: StaffFilter = {}) {
  return useQuery({
    queryKey: salesKeys.salespeople.list(filter),
    queryFn: async () => (await callRoute(salesApi, salesRoutes.salespeople.list, { params: filter })).salespeople,
  });
}
