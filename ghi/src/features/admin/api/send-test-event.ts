import { useMutation, useQueryClient } from '@tanstack/react-query';
import { authApi } from '../../../lib/api-client';
import { adminKeys } from '../../../lib/query-keys';

/** Sends a `webhook.test` event to one subscription (`POST /auth/webhooks/:id/test`). */
export function useSendTestEvent() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (webhookId: number) =>
      (await authApi.post<{ event_id: string }>(`/webhooks/${webhookId}/test`)).data,
    onSuccess: (_data, webhookId) =>
      queryClient.invalidateQueries({ queryKey: adminKeys.webhooks.deliveries(webhookId) }),
  });
}
