import { useQuery } from '@tanstack/react-query';
import { authApi } from '../../../lib/api-client';
import type { User } from '../types';
import { usersKey } from './get-users';

export const userKey = (id: number) => [...usersKey, id];

/** One staff account (`GET /auth/users/:id`). */
export function useUser(id: number) {
  return useQuery({
    queryKey: userKey(id),
    queryFn: async () => (await authApi.get<User>(`/users/${id}`)).data,
    enabled: Number.isInteger(id) && id > 0,
  });
}
