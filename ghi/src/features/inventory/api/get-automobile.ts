import { inventoryRoutes } from '@carcar/common/contract/routes';
import { useQuery } from '@tanstack/react-query';
import { ApiError, inventoryApi } from '../../../lib/api-client';
import { inventoryKeys } from '../../../lib/query-keys';
import { callRoute } from '../../../lib/route-call';

/** One car of the stock; a 404 (an outside car) is an answer, not worth asking again. */
export function useAutomobile(vin: string) {
  return useQuery({
    queryKey: inventoryKeys.automobiles.byVin(vin),
    queryFn: () => callRoute(inventoryApi, inventoryRoutes.automobiles.get, { vin }),
    retry: (failures, error) =>
      failures < 1 && !(error instanceof ApiError && error.status !== null && error.status < 500),
  });
}
