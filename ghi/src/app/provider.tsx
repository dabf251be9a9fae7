import { MantineProvider, useComputedColorScheme } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { type ReactNode, useEffect, useState } from 'react';
import { ApiError } from '../lib/api-client';
import { AuthProvider } from '../lib/auth';
import { cssVariablesResolver, theme } from './theme';

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

/**
 * The pages not yet drawn with the component library keep the legacy stylesheet's plain-element
 * styles (legacy.css); it follows the library's light or dark scheme through `data-theme`.
 */
function LegacySchemeSync() {
  const scheme = useComputedColorScheme('light');
  useEffect(() => {
    document.documentElement.dataset.theme = scheme;
  }, [scheme]);
  return null;
}

export function AppProvider({ children, env }: { children: ReactNode; env?: 'test' }) {
  const [client] = useState(createQueryClient);
  return (
    // Light or dark as the computer is set, until the user picks one in the account menu. The
    // app's tests render menus and dialogs in place and at once (env "test": no portal, no transition).
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} defaultColorScheme="auto" env={env}>
      <LegacySchemeSync />
      <QueryClientProvider client={client}>
        <AuthProvider>{children}</AuthProvider>
      </QueryClientProvider>
    </MantineProvider>
  );
}
