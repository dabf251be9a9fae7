import { useQuery } from '@tanstack/react-query';
import { authApi } from '../../../lib/api-client';
import { adminKeys } from '../../../lib/query-keys';
import type { ApiToken } from '../types';

/** Every API token, revoked ones included (`GET /auth/tokens`). */
export function useTokens() {
  return useQuery({
    queryKey: adminKeys.tokens.list(),
    queryFn: async () => (await authApi.get<{ tokens: ApiToken[] }>('/tokens')).data.tokens,
  });
}
