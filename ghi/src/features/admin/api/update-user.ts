import type { User, UserUpdate } from '@carcar/common/contract/identity';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { authApi } from '../../../lib/api-client';
import { adminKeys, authKeys } from '../../../lib/query-keys';

/** Changes a staff account (`PUT /auth/users/:id`): only the fields given. */
export function useUpdateUser(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (input: UserUpdate) => (await authApi.put<User>(`/users/${id}`, input)).data,
    onSuccess: (user) => {
      queryClient.setQueryData(adminKeys.users.one(id), user);
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: adminKeys.users.list() }),
        // An administrator changing their own account changes what the app offers them.
        queryClient.invalidateQueries({ queryKey: authKeys.me }),
      ]);
    },
  });
}
