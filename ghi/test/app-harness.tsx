import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { permissionsOf, type Role } from '@carcar/common/contract/permissions';
import { cleanup } from '@testing-library/react';
import type { ReactElement } from 'react';
import { afterAll, afterEach, beforeAll } from 'vitest';

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

/** A JSON answer (or an empty one) from the stand-in gateway. */
export function send(res: ServerResponse, status: number, body?: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { ...(body === undefined ? {} : { 'Content-Type': 'application/json' }), ...headers });
  res.end(body === undefined ? undefined : JSON.stringify(body));
}

/** `GET /auth/me`'s answer for a signed-in member of staff in `role`, linked to no one unless told. */
export function staffMember(
  role: Role,
  person: { name: string; email?: string; technician_id?: number | null; salesperson_id?: number | null },
) {
  return {
    id: 1,
    email: person.email ?? 'x@dealer.test',
    name: person.name,
    role,
    disabled: false,
    permissions: permissionsOf(role),
    technician_id: person.technician_id ?? null,
    salesperson_id: person.salesperson_id ?? null,
  };
}

/**
 * jsdom's page and the stand-in are on different origins, where the real app and gateway share one:
 * every answer allows the page, and a preflight is answered here rather than by each test's handler.
 */
function allowTheApp(req: IncomingMessage, res: ServerResponse): boolean {
  res.setHeader('Access-Control-Allow-Origin', req.headers.origin ?? '*');
  res.setHeader('Access-Control-Allow-Headers', 'content-type, x-carcar-csrf');
  res.setHeader('Access-Control-Allow-Methods', 'GET, POST, PUT, PATCH, DELETE');
  res.setHeader('Access-Control-Expose-Headers', 'x-total-count');
  if (req.method !== 'OPTIONS') return false;
  send(res, 204);
  return true;
}

export async function startAppHarness(
  handle: (req: IncomingMessage, res: ServerResponse) => void | Promise<void>,
): Promise<AppHarness> {
  const server: Server = createServer((req, res) => {
    if (allowTheApp(req, res)) return;
    Promise.resolve(handle(req, res)).catch((error: unknown) => send(res, 500, { message: String(error) }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  // Read once when the app's modules load, as /config.js is in a deployment; a test's own settings
  // (the dealership's name) are kept.
  window.__CARCAR_CONFIG__ = {
    ...window.__CARCAR_CONFIG__,
    inventoryApiUrl: `${origin}/inventory`,
    serviceApiUrl: `${origin}/service`,
    salesApiUrl: `${origin}/sales`,
    authApiUrl: `${origin}/auth`,
  };
  // One at a time: Node 20 fails ("reading 'getStatus'") when a CommonJS package requires an ES
  // module that a concurrent import() is still loading, as react-router-dom's do.
  const router = await import('../src/app/router');
  const provider = await import('../src/app/provider');
  const dom = await import('react-router-dom');
  return {
    mount: (path) => {
      const memory = dom.createMemoryRouter(router.routes, { initialEntries: [path] });
      return {
        ui: (
          // The app's own providers (the theme, a fresh query cache, the session) around the router.
          <provider.AppProvider env="test">
            <dom.RouterProvider router={memory} />
          </provider.AppProvider>
        ),
        location: () => `${memory.state.location.pathname}${memory.state.location.search}`,
      };
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/**
 * For a test file of pages, called at its top level: the harness starts against `handle` before the
 * file's tests and closes after them; after each test the page is unmounted and `reset` puts the
 * test's stand-in state back as it started. The function it returns gives the harness.
 */
export function appHarness(
  handle: (req: IncomingMessage, res: ServerResponse) => void | Promise<void>,
  reset: () => void | Promise<void> = () => {},
): () => AppHarness {
  let harness: AppHarness | undefined;
  beforeAll(async () => {
    harness = await startAppHarness(handle);
  });
  afterAll(() => harness?.close());
  afterEach(async () => {
    cleanup();
    await reset();
  });
  return () => {
    if (!harness) throw new Error('the harness starts before the tests, in beforeAll');
    return harness;
  };
}

/**
 * For a test file of pages in Spanish, called at its top level: the app starts in the language
 * chosen on this browser before (lib/i18n reads it as it loads), against `handle`; after the file
 * the harness closes and the choice is forgotten. The function it returns gives the harness.
 */
export function spanishAppHarness(
  handle: (req: IncomingMessage, res: ServerResponse) => void | Promise<void>,
): () => AppHarness {
  // Registered before appHarness's own beforeAll, so the choice is stored before the app loads.
  beforeAll(() => {
    window.localStorage.setItem('carcar.language', 'es');
  });
  afterAll(() => {
    window.localStorage.clear();
  });
  return appHarness(handle);
}
