import { useMutation, useQueryClient } from '@tanstack/react-query';
import { authApi } from '../../../lib/api-client';
import { adminKeys } from '../../../lib/query-keys';

/** Revokes an API token (`DELETE /auth/tokens/:id`): its next request is refused. */
export function useRevokeToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (id: number) => {
      await authApi.delete(`/tokens/${id}`);
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: adminKeys.tokens.all }),
  });
}
