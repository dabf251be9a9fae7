import type { CreatedToken, TokenCreate } from '@carcar/common/contract/identity';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { authApi } from '../../../lib/api-client';
import { adminKeys } from '../../../lib/query-keys';

/** Makes an API token (`POST /auth/tokens`); the answer is the only time the token is shown. */
export function useCreateToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (input: TokenCreate) => (await authApi.post<CreatedToken>('/tokens', input)).data,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: adminKeys.tokens.all }),
  });
}
