import type { Webhook } from '@carcar/common/contract/webhooks';
import { useQuery } from '@tanstack/react-query';
import { authApi } from '../../../lib/api-client';

export const webhooksKey = ['admin', 'webhooks'];

/** Every webhook subscription, without its secret (`GET /auth/webhooks`). */
export function useWebhooks() {
  return useQuery({
    queryKey: webhooksKey,
    queryFn: async () => (await authApi.get<{ webhooks: Webhook[] }>('/webhooks')).data.webhooks,
  });
}
