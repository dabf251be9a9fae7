import type { RepairOrder } from '@carcar/common/contract/repair-orders';
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
      (await serviceApi.post<RepairOrder>('/api/repair-orders/', { appointment, mileage })).data,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: serviceKeys.repairOrders.all }),
  });
}
