import type { User } from '@carcar/common/contract/identity';
import { useQuery } from '@tanstack/react-query';
import { authApi } from '../../../lib/api-client';
import { adminKeys } from '../../../lib/query-keys';

/** One staff account (`GET /auth/users/:id`). */
export function useUser(id: number) {
  return useQuery({
    queryKey: adminKeys.users.one(id),
    queryFn: async () => (await authApi.get<User>(`/users/${id}`)).data,
    enabled: Number.isInteger(id) && id > 0,
  });
}
