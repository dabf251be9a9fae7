import { serviceApiRoutes } from '@carcar/common/contract/routes';
import { useQuery } from '@tanstack/react-query';
import { serviceApi } from '../../../lib/api-client';
import { serviceKeys } from '../../../lib/query-keys';
import { callRoute } from '../../../lib/route-call';

/** The car's repair orders, newest first, void ones too: its workshop history and declined work. */
export function useCarRepairOrders(vin: string, enabled = true) {
  return useQuery({
    queryKey: serviceKeys.repairOrders.byCar(vin),
    enabled,
    queryFn: async () =>
      (
        await callRoute(serviceApi, serviceApiRoutes.repairOrders.list, {
          params: { vin },
        })
      ).repair_orders,
  });
}
