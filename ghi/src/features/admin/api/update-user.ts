import type { Role } from '@carcar/common/contract/permissions';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { authApi } from '../../../lib/api-client';
import { currentUserKey } from '../../../lib/auth';
import type { User } from '../types';
import { userKey } from './get-user';
import { usersKey } from './get-users';

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
      queryClient.setQueryData(userKey(id), user);
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: usersKey, exact: true }),
        // An administrator changing their own account changes what the app offers them.
        queryClient.invalidateQueries({ queryKey: currentUserKey }),
      ]);
    },
  });
}
