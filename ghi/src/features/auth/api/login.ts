import { useMutation, useQueryClient } from '@tanstack/react-query';
import { authApi } from '../../../lib/api-client';
import type { User } from '../../../lib/auth';
import { authKeys } from '../../../lib/query-keys';

export interface LoginInput {
  email: string;
  password: string;
}

/** `POST /auth/login`: the gateway sets the session cookie and answers who signed in. */
export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (input: LoginInput) => (await authApi.post<{ user: User }>('/login', input)).data.user,
    onSuccess: (user) => {
      // Whatever was loaded before was someone else's view (or nobody's): start afresh for this person.
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== authKeys.all[0] });
      queryClient.setQueryData(authKeys.me, user);
    },
  });
}
