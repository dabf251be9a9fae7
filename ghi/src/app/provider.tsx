import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { ApiError } from '../lib/api-client';
import { AuthProvider } from '../lib/auth';

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      // A failed request is shown to the user at once; a second try on a down service only delays that.
      // Nor is there any point in asking again after a 401 (signed out) or 403 (not allowed).
      queries: {
        retry: (failures, error) =>
          failures < 1 && !(error instanceof ApiError && (error.status === 401 || error.status === 403)),
        staleTime: 10_000,
        refetchOnWindowFocus: true,
      },
    },
  });
}

export function AppProvider({ children }: { children: ReactNode }) {
  const [client] = useState(createQueryClient);
  return (
    <QueryClientProvider client={client}>
      <AuthProvider>{children}</AuthProvider>
    </QueryClientProvider>
  );
}
