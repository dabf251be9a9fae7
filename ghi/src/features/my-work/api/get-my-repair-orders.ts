import { serviceApiRoutes } from '@carcar/common/contract/routes';
import { useQuery } from '@tanstack/react-query';
import { serviceApi } from '../../../lib/api-client';
import { serviceKeys } from '../../../lib/query-keys';
import { callRoute } from '../../../lib/route-call';

/** The repair orders with a line for this technician (`?technician=`), newest first. */
export function useMyRepairOrders(technicianId: number) {
  return useQuery({
    queryKey: serviceKeys.repairOrders.byTechnician(technicianId),
    queryFn: async () =>
      (
        await callRoute(serviceApi, serviceApiRoutes.repairOrders.list, {
          params: { technician: technicianId, limit: 100 },
        })
      ).repair_orders,
    // A clock counts on while the page is open: the hours shown keep up without a reload.
    refetchInterval: 60_000,
  });
}
