import type { AutomobileSort } from '@carcar/common/contract/inventory';
import { inventoryRoutes, pathTo } from '@carcar/common/contract/routes';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { inventoryApi } from '../../../lib/api-client';
import type { CsvRequest } from '../../../lib/export-csv';
import { countOf, getPage } from '../../../lib/paged';
import { inventoryKeys } from '../../../lib/query-keys';
import type { Automobile } from '../types';

const LIST_URL = pathTo(inventoryRoutes.automobiles.list);

export interface AutomobileListParams {
  q?: string;
  sold?: boolean;
  sort: AutomobileSort;
  limit: number;
  offset: number;
}

/** The stock list with these filters, for "Export CSV": the same address the page reads. */
export function automobileListRequest(params: Omit<AutomobileListParams, 'limit' | 'offset'>): CsvRequest {
  return { api: inventoryApi, url: LIST_URL, params: { ...params } };
}

/** One page of the stock, in the order and with the search the API applies. */
export function useAutomobilePage(params: AutomobileListParams) {
  return useQuery({
    queryKey: inventoryKeys.automobiles.page(params),
    queryFn: () => getPage<Automobile>(inventoryApi, LIST_URL, 'autos', { ...params }),
    // The rows stay while the next page or search is fetched: the table does not jump to "Loading".
    placeholderData: keepPreviousData,
  });
}

/** How many cars match the search in all, in stock and sold: the counts on the filter. */
export function useAutomobileCounts(q: string) {
  return useQuery({
    queryKey: inventoryKeys.automobiles.counts(q),
    queryFn: async () => {
      const [all, inStock, sold] = await Promise.all([
        countOf(inventoryApi, LIST_URL, { q }),
        countOf(inventoryApi, LIST_URL, { q, sold: false }),
        countOf(inventoryApi, LIST_URL, { q, sold: true }),
      ]);
      return { all, inStock, sold };
    },
    placeholderData: keepPreviousData,
  });
}
