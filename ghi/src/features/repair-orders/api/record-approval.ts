import { serviceApiRoutes } from '@carcar/common/contract/routes';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { serviceApi } from '../../../lib/api-client';
import { callRoute } from '../../../lib/route-call';
import { refreshOrder } from './update-repair-order';

export interface ApprovalBody {
  decisions: { line: number; approved: boolean }[];
  /** Who decided: the customer's name as they gave it. */
  name: string;
  method: 'phone' | 'in_person';
}

/** `POST /api/repair-orders/:id/approvals/`: the customer's decisions, taken by phone or at the desk. */
export function useRecordApproval(orderId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ApprovalBody) =>
      callRoute(serviceApi, serviceApiRoutes.repairOrders.recordApproval, { id: orderId }, { body }),
    onSuccess: (order) => refreshOrder(queryClient, order),
  });
}
