import { useMutation, useQueryClient } from '@tanstack/react-query';
import { authApi } from '../../../lib/api-client';
import { adminKeys } from '../../../lib/query-keys';

/** Sends a delivery again (`POST /auth/webhooks/:id/deliveries/:event_id/redeliver`). */
export function useRedeliver() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (input: { webhookId: number; eventId: string }) => {
      await authApi.post(`/webhooks/${input.webhookId}/deliveries/${input.eventId}/redeliver`);
    },
    onSuccess: (_data, input) =>
      queryClient.invalidateQueries({ queryKey: adminKeys.webhooks.deliveries(input.webhookId) }),
  });
}
