import type { User } from '@carcar/common/contract/identity';
import { can, canAtLeastOwn, type OwnablePermission, type Permission } from '@carcar/common/contract/permissions';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useEffect } from 'react';
import { ApiError, authApi, onUnauthenticated } from './api-client';
import { authKeys } from './query-keys';

// Who is signed in is shared by every feature (what the navigation offers, which buttons show) and
// the layout signs out, so the session lives here; the sign-in page is the auth feature's.

/** A member of staff as the gateway answers them (`GET /auth/me`, `/auth/users`): the contract's. */
export type { User };

/**
 * The signed-in person, or null when nobody is (a 401 is an answer here, not an error). The app asks
 * with its session, never an API token, so `/auth/me` answers a User (contract/identity.ts's `Me`).
 */
export async function getCurrentUser(): Promise<User | null> {
  try {
    return (await authApi.get<User>('/me')).data;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
}

export function useSession() {
  return useQuery({
    queryKey: authKeys.me,
    queryFn: getCurrentUser,
    // Who is signed in changes only by signing in or out here, or by a 401 from any request.
    staleTime: 5 * 60_000,
    refetchOnWindowFocus: true,
  });
}

/** The signed-in person; null while loading or when nobody is signed in. */
export function useCurrentUser(): User | null {
  return useSession().data ?? null;
}

/** Whether the signed-in person holds this permission. */
export function useCan(permission: Permission): boolean {
  const user = useCurrentUser();
  return user !== null && can(user, permission);
}

/** Whether they hold it fully or for their own records (a technician finishing their own jobs). */
export function useCanAtLeastOwn(permission: OwnablePermission): boolean {
  const user = useCurrentUser();
  return user !== null && canAtLeastOwn(user, permission);
}

/** `POST /auth/logout`: ends the session; nothing this person saw stays in memory for the next one. */
export function useLogout(options: { onSignedOut?: () => void } = {}) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async () => {
      await authApi.post('/logout');
    },
    onSuccess: () => {
      // First away from the page (to the sign-in page), so it is not sent there as "come back here".
      options.onSignedOut?.();
      queryClient.clear();
      queryClient.setQueryData(authKeys.me, null);
    },
  });
}

/**
 * Listens for a 401 from any request: the session is over, so the person is signed out here too,
 * which sends them to the sign-in page with their place kept (see the layout's guard).
 */
export function AuthProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  useEffect(
    () =>
      onUnauthenticated(() => {
        if (queryClient.getQueryData(authKeys.me) !== null) queryClient.setQueryData(authKeys.me, null);
      }),
    [queryClient],
  );
  return children;
}

/** Where to go after signing in: `next` when it is a path of this app, else the dashboard. */
export function safeNext(next: string | null): string {
  // One leading slash: `//evil.example` and `/\evil.example` would leave the app (the browser reads both as a host).
  return next && /^\/(?![/\\])/.test(next) ? next : '/';
}

/** The sign-in page's address that comes back to `path` afterwards. */
export function signInPath(path: string): string {
  return path === '/' || path.startsWith('/sign-in') ? '/sign-in' : `/sign-in?next=${encodeURIComponent(path)}`;
}
