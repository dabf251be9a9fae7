import { useMutation, useQueryClient } from '@tanstack/react-query';
import { serviceApi } from '../../../lib/api-client';
import { refreshOrder } from './update-repair-order';

export interface EstimateLink {
  /** The gateway's `/approve/<token>` page: the customer opens it without signing in. */
  approval_url: string;
  expires_at: string;
}

/** `POST /api/repair-orders/:id/estimate/`: the customer's approval link, valid for 7 days. */
export function useSendEstimate(orderId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async () => (await serviceApi.post<EstimateLink>(`/api/repair-orders/${orderId}/estimate/`)).data,
    onSuccess: () => refreshOrder(queryClient),
  });
}
