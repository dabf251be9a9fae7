import type { SignedIn, SignIn } from '@carcar/common/contract/identity';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { authApi } from '../../../lib/api-client';
import { authKeys } from '../../../lib/query-keys';

/** `POST /auth/login`: the gateway sets the session cookie and answers who signed in. */
export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (input: SignIn) => (await authApi.post<SignedIn>('/login', input)).data.user,
    onSuccess: (user) => {
      // Whatever was loaded before was someone else's view (or nobody's): start afresh for this person.
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== authKeys.all[0] });
      queryClient.setQueryData(authKeys.me, user);
    },
  });
}
