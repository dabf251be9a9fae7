import type { CreatedWebhook, WebhookCreate } from '@carcar/common/contract/webhooks';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { authApi } from '../../../lib/api-client';
import { adminKeys } from '../../../lib/query-keys';

/** Subscribes a receiver (`POST /auth/webhooks`); the answer is the only time its secret is shown. */
export function useCreateWebhook() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (input: WebhookCreate) => (await authApi.post<CreatedWebhook>('/webhooks', input)).data,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: adminKeys.webhooks.all }),
  });
}
