import { serviceApiRoutes } from '@carcar/common/contract/routes';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { serviceApi } from '../../../lib/api-client';
import { callRoute } from '../../../lib/route-call';
import { refreshOrder } from './update-repair-order';

/** `POST /api/repair-orders/:id/invoice/`; a 409 says what still stands in the way. */
export function useInvoice(orderId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => callRoute(serviceApi, serviceApiRoutes.repairOrders.invoice, { id: orderId }),
    onSuccess: (order) => refreshOrder(queryClient, order),
  });
}
