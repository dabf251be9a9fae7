import { inventoryRoutes, pathTo } from '@carcar/common/contract/routes';
import { useQuery } from '@tanstack/react-query';
import { inventoryApi } from '../../../lib/api-client';
import type { CsvRequest } from '../../../lib/export-csv';
import { inventoryKeys } from '../../../lib/query-keys';
import { callRoute } from '../../../lib/route-call';

/** The unsold stock, the page's one request: also what "Export CSV" downloads. */
export const unsoldStockRequest: CsvRequest = {
  api: inventoryApi,
  url: pathTo(inventoryRoutes.automobiles.list),
  params: { sold: false },
};

/** Every unsold car with its `days_in_stock` (and `cost`, answered to managers only). */
export function useUnsoldStock() {
  return useQuery({
    queryKey: inventoryKeys.automobiles.unsoldAges(),
    queryFn: async () =>
      (await callRoute(inventoryApi, inventoryRoutes.automobiles.list, { params: unsoldStockRequest.params })).autos,
  });
}

/** The age buckets, in days in stock: each from `over` + 1 up to and including `upTo`. */
export const AGE_BUCKETS = [
  { label: '0–30 days', over: -1, upTo: 30 },
  { label: '31–60 days', over: 30, upTo: 60 },
  { label: '61–90 days', over: 60, upTo: 90 },
  { label: 'Over 90 days', over: 90, upTo: Number.POSITIVE_INFINITY },
] as const;

export const bucketOf = (days: number) => AGE_BUCKETS.findIndex((bucket) => days <= bucket.upTo);
