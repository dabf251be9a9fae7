import type { InspectionCondition } from '@carcar/common/contract/inspections';
import { serviceApiRoutes } from '@carcar/common/contract/routes';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { serviceApi } from '../../../lib/api-client';
import { serviceKeys } from '../../../lib/query-keys';
import { callRoute } from '../../../lib/route-call';

export interface ItemBody {
  name: string;
  condition: InspectionCondition;
  note?: string;
}

/** `POST /api/repair-orders/:id/inspection/`: one finding of the checklist (or one of the technician's own). */
export function useAddInspectionItem(orderId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ItemBody) => callRoute(serviceApi, serviceApiRoutes.inspection.start, { id: orderId }, { body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: serviceKeys.repairOrders.all }),
  });
}

/** `PUT /api/repair-orders/:id/inspection/:item/`: a finding's name, condition or note changed; a null note clears it. */
export function useUpdateInspectionItem(orderId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({
      itemId,
      ...body
    }: {
      itemId: number;
      name?: string;
      condition?: InspectionCondition;
      note?: string | null;
    }) => callRoute(serviceApi, serviceApiRoutes.inspection.updateItem, { id: orderId, item: itemId }, { body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: serviceKeys.repairOrders.all }),
  });
}

/**
 * `DELETE /api/repair-orders/:id/inspection/:item/`: the finding and its photos removed. The API
 * refuses (409) while the finding is a line of the order, naming the line.
 */
export function useDeleteInspectionItem(orderId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (itemId: number) =>
      callRoute(serviceApi, serviceApiRoutes.inspection.removeItem, { id: orderId, item: itemId }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: serviceKeys.repairOrders.all }),
  });
}

/**
 * `POST /api/repair-orders/:id/inspection/:item/line/`: a yellow or red finding on the estimate as a
 * proposed labor line, named after the finding, at the shop's default hours; the advisor prices it.
 */
export function useProposeFromItem(orderId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (itemId: number) =>
      callRoute(serviceApi, serviceApiRoutes.inspection.proposeLine, { id: orderId, item: itemId }, { body: {} }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: serviceKeys.repairOrders.all }),
  });
}
