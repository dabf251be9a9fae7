import { serviceApiRoutes } from '@carcar/common/contract/routes';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { serviceApi } from '../../../lib/api-client';
import { serviceKeys } from '../../../lib/query-keys';
import { callRoute } from '../../../lib/route-call';

/** `POST /api/repair-orders/` body: a walk-in's write-up. */
export interface RepairOrderBody {
  vin: string;
  customer: { name: string; phone?: string | null; email?: string | null };
  mileage: number;
  concern: string;
  appointment?: number;
}

export function useCreateRepairOrder() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: RepairOrderBody) => callRoute(serviceApi, serviceApiRoutes.repairOrders.create, { body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: serviceKeys.repairOrders.all }),
  });
}
