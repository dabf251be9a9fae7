import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ReactElement } from 'react';

// The whole app over real HTTP against a test's stand-in gateway: the server on a free port, the
// app's API addresses pointed at it, and a way to mount the app's router at a path.

export interface MountedApp {
  ui: ReactElement;
  /** The router's path and query now. */
  location: () => string;
}

export interface AppHarness {
  mount(path: string): MountedApp;
  close(): Promise<void>;
}

export async function startAppHarness(
  handle: (req: IncomingMessage, res: ServerResponse) => void | Promise<void>,
): Promise<AppHarness> {
  const server: Server = createServer((req, res) => {
    Promise.resolve(handle(req, res)).catch((error: unknown) => {
      res.writeHead(500, { 'Content-Type': 'application/json' }).end(JSON.stringify({ message: String(error) }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  // Read once when the app's modules load, as /config.js is in a deployment.
  window.__CARCAR_CONFIG__ = {
    inventoryApiUrl: `${origin}/inventory`,
    serviceApiUrl: `${origin}/service`,
    salesApiUrl: `${origin}/sales`,
    authApiUrl: `${origin}/auth`,
  };
  // One at a time: Node 20 fails ("reading 'getStatus'") when a CommonJS package requires an ES
  // module that a concurrent import() is still loading, as react-router-dom's do.
  const router = await import('../src/app/router');
  const provider = await import('../src/app/provider');
  const query = await import('@tanstack/react-query');
  const auth = await import('../src/lib/auth');
  const dom = await import('react-router-dom');
  return {
    mount: (path) => {
      const memory = dom.createMemoryRouter(router.routes, { initialEntries: [path] });
      return {
        ui: (
          <query.QueryClientProvider client={provider.createQueryClient()}>
            <auth.AuthProvider>
              <dom.RouterProvider router={memory} />
            </auth.AuthProvider>
          </query.QueryClientProvider>
        ),
        location: () => `${memory.state.location.pathname}${memory.state.location.search}`,
      };
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
