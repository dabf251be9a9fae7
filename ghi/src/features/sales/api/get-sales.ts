import { pathTo, salesRoutes } from '@carcar/common/contract/routes';
import type { SaleSort } from '@carcar/common/contract/sales';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { salesApi } from '../../../lib/api-client';
import type { CsvRequest } from '../../../lib/export-csv';
import { getPage } from '../../../lib/paged';
import { salesKeys } from '../../../lib/query-keys';
import { callRoute } from '../../../lib/route-call';
import type { Sale } from '../types';

export interface SaleFilters {
  salesperson?: number;
  customer?: number;
  /** Voided sales too, each with when and why. */
  include_voided?: boolean;
  sort?: SaleSort;
}

/** Every sale matching the filters (one person's sales: a short list, shown whole). */
export function useSales(filters: SaleFilters = {}, enabled = true) {
  return useQuery({
    queryKey: salesKeys.sales.list(filters),
    enabled,
    queryFn: async () => (await callRoute(salesApi, salesRoutes.sales.list, { params: filters })).sales,
  });
}

export interface SalePageParams {
  q?: string;
  include_voided?: boolean;
  sort: SaleSort;
  limit: number;
  offset: number;
}

/** All sales with the page's search, filter and order, for "Export CSV". */
export function salesListRequest(params: Omit<SalePageParams, 'limit' | 'offset'>): CsvRequest {
  return { api: salesApi, url: pathTo(salesRoutes.sales.list), params: { ...params } };
}

/** One page of all sales, searched, ordered and counted by the API. */
export function useSalesPage(params: SalePageParams) {
  return useQuery({
    queryKey: salesKeys.sales.page(params),
    queryFn: () => getPage<Sale>(salesApi, pathTo(salesRoutes.sales.list), 'sales', { ...params }),
    placeholderData: keepPreviousData,
  });
}
