import { useQuery } from '@tanstack/react-query';
import { authApi } from '../../../lib/api-client';
import { adminKeys } from '../../../lib/query-keys';
import type { User } from '../types';

/** Every staff account (`GET /auth/users`). */
export function useUsers() {
  return useQuery({
    queryKey: adminKeys.users.list(),
    queryFn: async () => (await authApi.get<{ users: User[] }>('/users')).data.users,
  });
}
