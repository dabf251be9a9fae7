import { useQuery } from '@tanstack/react-query';
import { authApi } from '../../../lib/api-client';
import type { User } from '../types';

export const usersKey = ['admin', 'users'];

/** Every staff account (`GET /auth/users`). */
export function useUsers() {
  return useQuery({
    queryKey: usersKey,
    queryFn: async () => (await authApi.get<{ users: User[] }>('/users')).data.users,
  });
}
