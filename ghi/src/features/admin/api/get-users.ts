import type { UserList } from '@carcar/common/contract/identity';
import { useQuery } from '@tanstack/react-query';
import { authApi } from '../../../lib/api-client';
import { adminKeys } from '../../../lib/query-keys';

/** Every staff account (`GET /auth/users`). */
export function useUsers() {
  return useQuery({
    queryKey: adminKeys.users.list(),
    queryFn: async () => (await authApi.get<UserList>('/users')).data.users,
  });
}
