import { serviceApiRoutes } from '@carcar/common/contract/routes';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { serviceApi } from '../../../lib/api-client';
import { serviceKeys } from '../../../lib/query-keys';
import { callRoute } from '../../../lib/route-call';

/**
 * `POST /api/repair-orders/` from an appointment: the API carries its VIN, customer and reason (as
 * the concern) over; only the odometer reading is new.
 */
export function useStartRepairOrder() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ appointment, mileage }: { appointment: number; mileage: number }) =>
      callRoute(serviceApi, serviceApiRoutes.repairOrders.create, { body: { appointment, mileage } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: serviceKeys.repairOrders.all }),
  });
}
