import { fileURLToPath } from 'node:url';
import { callJson } from './http.js';
import { type SpawnedService, spawnService } from './processes.js';

// The gateway in front of running services, and a client signed in to it: what the seed, the
// system tests, the journeys and the bench use to reach the APIs as staff do.

export const gatewayDir = fileURLToPath(new URL('../../gateway', import.meta.url));

/** The first administrator of a test or demo gateway (CARCAR_ADMIN_EMAIL / CARCAR_ADMIN_PASSWORD). */
export const TEST_ADMIN = { email: 'admin@dealer.test', password: 'test admin password 1' } as const;

export interface GatewayTargets {
  inventory: string;
  service: string;
  sales: string;
}

/**
 * The gateway as a real process on an ephemeral port, signing with the test gateway key the
 * services trust, with TEST_ADMIN as its first administrator. `env` adds DATA_DIR/DATABASE_URL.
 */
export function spawnGateway(
  targets: GatewayTargets,
  env: Record<string, string> = {},
  /** What node runs: the TypeScript source by default, `['dist/main.js']` for the build. */
  entry?: string[],
  /** The gateway's folder: this checkout's by default, another commit's for the bench's comparison. */
  dir = gatewayDir,
): Promise<SpawnedService> {
  return spawnService(
    dir,
    {
      INVENTORY_API_URL: targets.inventory,
      SERVICE_API_URL: targets.service,
      SALES_API_URL: targets.sales,
      CARCAR_ADMIN_EMAIL: TEST_ADMIN.email,
      CARCAR_ADMIN_PASSWORD: TEST_ADMIN.password,
      // The write limit is per person; a test or a seed writes faster than staff type.
      RATE_LIMIT_WRITES_PER_MINUTE: '0',
      ...env,
    },
    entry,
  );
}

/** Calls through the gateway as one signed-in person or token. */
export interface GatewayClient {
  /** `path` below the gateway: `/inventory/api/automobiles/`, `/auth/users`. Throws on a non-2xx answer. */
  call<T>(method: string, path: string, body?: unknown): Promise<T>;
  /** The headers each call sends (the session cookie and the CSRF header, or the bearer token). */
  headers: Record<string, string>;
}

/** Signs in with email and password, as the browser app does (session cookie, CSRF header). */
export async function signIn(baseUrl: string, email: string, password: string): Promise<GatewayClient> {
  const res = await fetch(`${baseUrl}/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-carcar-csrf': '1' },
    body: JSON.stringify({ email, password }),
  });
  if (!res.ok) throw new Error(`signing in as ${email} at ${baseUrl} answered ${res.status}: ${await res.text()}`);
  const cookie = res.headers
    .getSetCookie()
    .map((line) => line.split(';')[0])
    .join('; ');
  return client(baseUrl, { cookie, 'x-carcar-csrf': '1' });
}

/** An integration's client: an API token as a bearer credential. */
export function withToken(baseUrl: string, token: string): GatewayClient {
  return client(baseUrl, { authorization: `Bearer ${token}` });
}

function client(baseUrl: string, headers: Record<string, string>): GatewayClient {
  return {
    headers,
    call: <T>(method: string, path: string, body?: unknown) => callJson<T>(method, `${baseUrl}${path}`, body, headers),
  };
}
