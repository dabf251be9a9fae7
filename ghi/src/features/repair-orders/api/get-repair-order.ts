import { serviceApiRoutes } from '@carcar/common/contract/routes';
import { useQuery } from '@tanstack/react-query';
import { serviceApi } from '../../../lib/api-client';
import { serviceKeys } from '../../../lib/query-keys';
import { callRoute } from '../../../lib/route-call';

export function useRepairOrder(id: number) {
  return useQuery({
    queryKey: serviceKeys.repairOrders.one(id),
    enabled: Number.isInteger(id) && id > 0,
    queryFn: () => callRoute(serviceApi, serviceApiRoutes.repairOrders.get, { id }),
  });
}
