import type { WebhookDeliveryList } from '@carcar/common/contract/webhooks';
import { useQuery } from '@tanstack/react-query';
import { authApi } from '../../../lib/api-client';
import { adminKeys } from '../../../lib/query-keys';

/** A subscription's newest deliveries (`GET /auth/webhooks/:id/deliveries`), refreshed while shown. */
export function useDeliveries(webhookId: number) {
  return useQuery({
    queryKey: adminKeys.webhooks.deliveries(webhookId),
    queryFn: async () => (await authApi.get<WebhookDeliveryList>(`/webhooks/${webhookId}/deliveries`)).data.deliveries,
    refetchInterval: 5_000,
  });
}
