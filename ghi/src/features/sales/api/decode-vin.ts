import { inventoryRoutes } from '@carcar/common/contract/routes';
import { useQuery } from '@tanstack/react-query';
import { inventoryApi } from '../../../lib/api-client';
import { salesKeys } from '../../../lib/query-keys';
import { callRoute } from '../../../lib/route-call';

/** What a trade-in's VIN says by itself (`GET /inventory/api/vins/:vin/`): its model year, whether it is well formed. */
export function useVinDecoding(vin: string) {
  return useQuery({
    queryKey: salesKeys.vinDecoding(vin),
    enabled: vin.length === 17,
    queryFn: () => callRoute(inventoryApi, inventoryRoutes.vins.decode, { vin }),
    staleTime: Number.POSITIVE_INFINITY,
  });
}
