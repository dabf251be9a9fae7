import type { Role } from '@carcar/common/contract/permissions';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { authApi } from '../../../lib/api-client';
import { adminKeys, authKeys } from '../../../lib/query-keys';
import type { User } from '../types';

export interface UpdateUserInput {
  name?: string;
  role?: Role;
  disabled?: boolean;
  password?: string;
  technician_id?: number | null;
  salesperson_id?: number | null;
}

/** Changes a staff account (`PUT /auth/users/:id`): only the fields given. */
export function useUpdateUser(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (input: UpdateUserInput) => (await authApi.put<User>(`/users/${id}`, input)).data,
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
