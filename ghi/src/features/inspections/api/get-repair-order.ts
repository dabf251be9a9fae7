import { serviceApiRoutes } from '@carcar/common/contract/routes';
import { useQuery } from '@tanstack/react-query';
import { serviceApi } from '../../../lib/api-client';
import { serviceKeys } from '../../../lib/query-keys';
import { callRoute } from '../../../lib/route-call';

/**
 * The order the sheet records findings on (`GET /service/api/repair-orders/:id/`), under the same key
 * as the repair-order page's: one cached order, which every finding refreshes.
 */
export function useRepairOrder(id: number) {
  return useQuery({
    queryKey: serviceKeys.repairOrders.one(id),
    enabled: Number.isInteger(id) && id > 0,
    queryFn: () => callRoute(serviceApi, serviceApiRoutes.repairOrders.get, { id }),
  });
}
