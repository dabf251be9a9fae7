import type { Role } from '@carcar/common/contract/permissions';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { authApi } from '../../../lib/api-client';
import { adminKeys } from '../../../lib/query-keys';
import type { CreatedToken } from '../types';

/** Makes an API token (`POST /auth/tokens`); the answer is the only time the token is shown. */
export function useCreateToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (input: { name: string; role: Role }) =>
      (await authApi.post<CreatedToken>('/tokens', input)).data,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: adminKeys.tokens.all }),
  });
}
