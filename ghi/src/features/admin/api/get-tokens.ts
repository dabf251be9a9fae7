import type { ApiTokenList } from '@carcar/common/contract/identity';
import { useQuery } from '@tanstack/react-query';
import { authApi } from '../../../lib/api-client';
import { adminKeys } from '../../../lib/query-keys';

/** Every API token, revoked ones included (`GET /auth/tokens`). */
export function useTokens() {
  return useQuery({
    queryKey: adminKeys.tokens.list(),
    queryFn: async () => (await authApi.get<ApiTokenList>('/tokens')).data.tokens,
  });
}
