import type { Webhook } from '@carcar/common/contract/webhooks';
import { useQuery } from '@tanstack/react-query';
import { authApi } from '../../../lib/api-client';
import { adminKeys } from '../../../lib/query-keys';

/** Every webhook subscription, without its secret (`GET /auth/webhooks`). */
export function useWebhooks() {
  return useQuery({
    queryKey: adminKeys.webhooks.list(),
    queryFn: async () => (await authApi.get<{ webhooks: Webhook[] }>('/webhooks')).data.webhooks,
  });
}
