import type { Role } from '@carcar/common/contract/permissions';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { authApi } from '../../../lib/api-client';
import { adminKeys } from '../../../lib/query-keys';
import type { User } from '../types';

export interface CreateUserInput {
  email: string;
  name: string;
  role: Role;
  password: string;
  technician_id?: number | null;
  salesperson_id?: number | null;
}

/** Adds a staff account (`POST /auth/users`). */
export function useCreateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (input: CreateUserInput) => (await authApi.post<User>('/users', input)).data,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: adminKeys.users.all }),
  });
}
