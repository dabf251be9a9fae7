import type { User, UserCreate } from '@carcar/common/contract/identity';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { authApi } from '../../../lib/api-client';
import { adminKeys } from '../../../lib/query-keys';

/** Adds a staff account (`POST /auth/users`). */
export function useCreateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (input: UserCreate) => (await authApi.post<User>('/users', input)).data,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: adminKeys.users.all }),
  });
}
