import type { RepairOrder } from '@carcar/common/contract/repair-orders';
import { pathTo, serviceApiRoutes } from '@carcar/common/contract/routes';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { serviceApi } from '../../../lib/api-client';
import { serviceKeys } from '../../../lib/query-keys';

/**
 * `POST /api/repair-orders/` from an appointment: the API carries its VIN, customer and reason (as
 * the concern) over; only the odometer reading is new.
 */
export function useStartRepairOrder() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ appointment, mileage }: { appointment: number; mileage: number }) =>
      (await serviceApi.post<RepairOrder>(pathTo(serviceApiRoutes.repairOrders.create), { appointment, mileage })).data,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: serviceKeys.repairOrders.all }),
  });
}
