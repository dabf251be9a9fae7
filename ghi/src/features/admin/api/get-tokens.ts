import { useQuery } from '@tanstack/react-query';
import { authApi } from '../../../lib/api-client';
import type { ApiToken } from '../types';

export const tokensKey = ['admin', 'tokens'];

/** Every API token, revoked ones included (`GET /auth/tokens`). */
export function useTokens() {
  return useQuery({
    queryKey: tokensKey,
    queryFn: async () => (await authApi.get<{ tokens: ApiToken[] }>('/tokens')).data.tokens,
  });
}
