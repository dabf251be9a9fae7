import { inventoryRoutes, pathTo } from '@carcar/common/contract/routes';
import { useQuery } from '@tanstack/react-query';
import { inventoryApi } from '../../../lib/api-client';
import { inventoryKeys } from '../../../lib/query-keys';

const count = async (params: Record<string, string | number | boolean>) =>
  Number(
    (await inventoryApi.get(pathTo(inventoryRoutes.automobiles.list), { params: { ...params, limit: 1 } })).headers[
      'x-total-count'
    ] ?? 0,
  );

/**
 * Unsold cars in the age buckets 0–30, 31–60, 61–90 and over 90 days in stock: four counts read
 * from X-Total-Count of `?sold=false` and `?aged_over=30|60|90`, one-row pages.
 */
export function useAgingCounts(enabled = true) {
  return useQuery({
    enabled,
    queryKey: inventoryKeys.automobiles.agingCounts(),
    queryFn: async () => {
      const [all, over30, over60, over90] = await Promise.all([
        count({ sold: false }),
        count({ aged_over: 30 }),
        count({ aged_over: 60 }),
        count({ aged_over: 90 }),
      ]);
      return [all - over30, over30 - over60, over60 - over90, over90];
    },
  });
}
