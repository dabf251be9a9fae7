import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ServiceName } from '@carcar/common/contract/permissions';
import { type AuthHeaders, roleHeaders } from '@carcar/testing/credentials';
import { signIn, spawnGateway, TEST_ADMIN } from '@carcar/testing/gateway';
import type { SpawnedService } from '@carcar/testing/processes';
import { type StackService, serviceAudiences, startStack as startServices } from '@carcar/testing/stack';
import pg from 'pg';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** Where the benchmarked services keep their data: a fresh database on the server, or a fresh PGlite folder. */
export interface BenchDatabase {
  kind: 'postgres' | 'pglite';
  /** A pool on the same database, for bulk loading and statistics; Postgres only. */
  pool?: pg.Pool;
  /** The database's address; Postgres only. */
  url?: string;
}

/**
 * An HTTP pass-through between the pollers and inventory that counts what crosses it, so the idle
 * cost of keeping the copies in sync can be read off without instrumenting the services.
 */
export interface CountingProxy {
  url: string;
  counts(): { requests: number; bytes: number };
  close(): Promise<void>;
}

export async function startCountingProxy(target: string): Promise<CountingProxy> {
  const agent = new http.Agent({ keepAlive: true });
  const upstream = new URL(target);
  let requests = 0;
  let bytes = 0;
  const server = http.createServer((req, res) => {
    requests++;
    const forward = http.request(
      {
        host: upstream.hostname,
        port: upstream.port,
        method: req.method,
        path: req.url,
        headers: req.headers,
        agent,
      },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.on('data', (chunk: Buffer) => {
          bytes += chunk.length;
        });
        answer.pipe(res);
      },
    );
    forward.on('error', () => {
      if (!res.headersSent) res.writeHead(502);
      res.end();
    });
    req.on('data', (chunk: Buffer) => {
      bytes += chunk.length;
    });
    req.pipe(forward);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    counts: () => ({ requests, bytes }),
    close: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      agent.destroy();
    },
  };
}

export interface Stack {
  inventory: string;
  service: string;
  sales: string;
  /** The gateway in front of the three, as staff and integrations reach them. */
  gateway: string;
  /** An administrator's API token at the gateway, as an integration sends it. */
  gatewayToken: { Authorization: string };
  /** A signed-in browser's session cookie, as the app sends it. */
  gatewaySession: Record<string, string>;
  proxy: CountingProxy;
  processes: Record<StackService | 'gateway', SpawnedService>;
  database: BenchDatabase;
  /**
   * An administrator's credential for each service, as the gateway sends it: one token reused for
   * many requests (the services verify each distinct token once) and re-signed before it expires.
   */
  credentials: Record<StackService, () => AuthHeaders>;
  /** A JSON call to a service as an administrator; throws on a non-2xx answer. */
  call<T>(name: StackService, method: string, path: string, body?: unknown): Promise<T>;
  /** Stops the services and the proxy and drops the database (or removes the folder), unless told to keep it. */
  stop(options?: { keepData?: boolean }): Promise<void>;
}

/** The production build of the APIs (this checkout's, or `checkout`'s): what a deployment runs, not the TypeScript loader. */
export function buildApis(checkout = root): void {
  execFileSync(process.execPath, [path.join(checkout, 'scripts', 'build.mjs'), '--apis'], {
    cwd: checkout,
    stdio: 'ignore',
  });
}

/**
 * `BENCH_CPU_PROF=<folder>`: each service and the gateway write a V8 CPU profile there when they stop (open it in
 * Chrome's DevTools), to see where a scenario's time goes. Node refuses `--cpu-prof` in NODE_OPTIONS.
 */
function profileFlags(): string[] {
  const dir = process.env.BENCH_CPU_PROF;
  return dir ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(dir)}`] : [];
}

/**
 * One process per service, as deployed, on a fresh database on the server at `serverUrl` (PGlite in
 * a fresh folder without one), the pollers reaching inventory through a counting proxy. Writes are
 * not rate limited: the load generator is one caller sending thousands of writes a second on purpose.
 */
export async function startBenchStack(
  serverUrl: string | undefined,
  /** Another commit's worktree, built, whose services run instead of this checkout's (compare.ts). */
  checkout?: string,
): Promise<Stack> {
  let proxy: CountingProxy | undefined;
  // The photo scenario's uploads go to a folder of their own (on Postgres there is no data folder).
  const photosDir = mkdtempSync(path.join(os.tmpdir(), 'carcar-bench-photos-'));
  const services = await startServices({
    serverUrl,
    prefix: 'carcar_bench',
    entry: [...profileFlags(), 'dist/main.js'],
    ...(checkout ? { checkout } : {}),
    env: { LOG_LEVEL: 'info', RATE_LIMIT_WRITES_PER_MINUTE: '0', PHOTOS_DIR: photosDir },
    inventoryAddress: async (inventoryUrl) => {
      proxy = await startCountingProxy(inventoryUrl);
      return proxy.url;
    },
  });
  const { databaseUrl } = services.data;
  const credentials = {} as Record<StackService, () => AuthHeaders>;
  for (const [name, audience] of Object.entries(serviceAudiences) as Array<[StackService, ServiceName]>) {
    const headers = await roleHeaders(audience);
    credentials[name] = () => headers('admin');
  }
  const gateway = await spawnGateway(
    { inventory: services.urls.inventory, service: services.urls.service, sales: services.urls.sales },
    { ...services.data.env, LOG_LEVEL: 'info' },
    [...profileFlags(), 'dist/main.js'],
    ...(checkout ? [path.join(checkout, 'gateway')] : []),
  );
  const admin = await signIn(gateway.url, TEST_ADMIN.email, TEST_ADMIN.password);
  const { token } = await admin.call<{ token: string }>('POST', '/auth/tokens', { name: 'bench', role: 'manager' });
  // Two connections: the bench's own bulk loading and statistics, never the services' work.
  const pool = databaseUrl ? new pg.Pool({ connectionString: databaseUrl, max: 2 }) : undefined;
  return {
    ...services.urls,
    gateway: gateway.url,
    gatewayToken: { Authorization: `Bearer ${token}` },
    gatewaySession: admin.headers,
    proxy: proxy as CountingProxy,
    processes: { ...services.processes, gateway },
    database: { kind: pool ? 'postgres' : 'pglite', ...(pool && databaseUrl ? { pool, url: databaseUrl } : {}) },
    credentials,
    call: (name, method, path, body) => services.call(name, method, path, body),
    stop: async (options) => {
      // The pool first: dropping the database would cut its connections from under it.
      await pool?.end();
      await gateway.stop();
      await services.stop(options);
      await proxy?.close();
      rmSync(photosDir, { recursive: true, force: true });
    },
  };
}
