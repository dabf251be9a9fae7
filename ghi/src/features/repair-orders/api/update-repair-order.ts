import { serviceApiRoutes } from '@carcar/common/contract/routes';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { serviceApi } from '../../../lib/api-client';
import { serviceKeys } from '../../../lib/query-keys';
import { callRoute } from '../../../lib/route-call';
import type { RepairOrder } from '../types';
import type { RepairOrderBody } from './create-repair-order';

/** Every write to one order answers the order (or a line of it): the page and the lists refresh. */
export function refreshOrder(queryClient: ReturnType<typeof useQueryClient>, order?: RepairOrder) {
  if (order) queryClient.setQueryData(serviceKeys.repairOrders.one(order.id), order);
  return queryClient.invalidateQueries({ queryKey: serviceKeys.repairOrders.all });
}

/** `PUT /api/repair-orders/:id/`: the write-up (customer, mileage, concern), until invoiced. */
export function useUpdateRepairOrder(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: Pick<RepairOrderBody, 'customer' | 'mileage' | 'concern'>) =>
      callRoute(serviceApi, serviceApiRoutes.repairOrders.update, { id }, { body }),
    onSuccess: (order) => refreshOrder(queryClient, order),
  });
}
