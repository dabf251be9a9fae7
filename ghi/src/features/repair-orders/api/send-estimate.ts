import { serviceApiRoutes } from '@carcar/common/contract/routes';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { serviceApi } from '../../../lib/api-client';
import { callRoute } from '../../../lib/route-call';
import { refreshOrder } from './update-repair-order';

/** `POST /api/repair-orders/:id/estimate/`: the customer's approval link, valid for 7 days. */
export function useSendEstimate(orderId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => callRoute(serviceApi, serviceApiRoutes.repairOrders.sendEstimate, { id: orderId }),
    onSuccess: () => refreshOrder(queryClient),
  });
}
