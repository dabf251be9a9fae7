import { inventoryRoutes, pathTo } from '@carcar/common/contract/routes';
import { useQuery } from '@tanstack/react-query';
import { inventoryApi } from '../../../lib/api-client';
import { inventoryKeys } from '../../../lib/query-keys';

/** Cars in stock: the total of `?sold=false`, read from X-Total-Count with a one-row page. */
export function useStockCount(enabled = true) {
  return useQuery({
    enabled,
    queryKey: inventoryKeys.automobiles.stockCount(),
    queryFn: async () => {
      const res = await inventoryApi.get(pathTo(inventoryRoutes.automobiles.list), {
        params: { sold: false, limit: 1 },
      });
      return Number(res.headers['x-total-count'] ?? 0);
    },
  });
}
