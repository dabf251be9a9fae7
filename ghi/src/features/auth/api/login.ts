import { useMutation, useQueryClient } from '@tanstack/react-query';
import { authApi } from '../../../lib/api-client';
import { currentUserKey, type User } from '../../../lib/auth';

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
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== currentUserKey[0] });
      queryClient.setQueryData(currentUserKey, user);
    },
  });
}
