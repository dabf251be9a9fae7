import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createDatabaseOn } from '@carcar/testing/database';
import { type SpawnedService, spawnService } from '@carcar/testing/processes';
import pg from 'pg';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** Where the benchmarked services keep their data: a fresh database on the server, or a fresh PGlite folder. */
export interface BenchDatabase {
  kind: 'postgres' | 'pglite';
  /** The env the services get (DATABASE_URL or DATA_DIR). */
  env: Record<string, string>;
  /** A pool on the same database, for bulk loading and statistics; Postgres only. */
  pool?: pg.Pool;
  drop(): Promise<void>;
}

export async function createBenchDatabase(serverUrl: string | undefined): Promise<BenchDatabase> {
  if (!serverUrl) {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'carcar-bench-'));
    return { kind: 'pglite', env: { DATA_DIR: dataDir }, drop: async () => rmSync(dataDir, { recursive: true }) };
  }
  const created = await createDatabaseOn(serverUrl, 'carcar_bench');
  const pool = new pg.Pool({ connectionString: created.url, max: 2 });
  return {
    kind: 'postgres',
    env: { DATABASE_URL: created.url },
    pool,
    drop: async () => {
      await pool.end();
      await created.drop();
    },
  };
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
  proxy: CountingProxy;
  processes: Record<'inventory' | 'service' | 'sales', SpawnedService>;
  stop(): Promise<void>;
}

/** The production build of the APIs: what a deployment runs, not the TypeScript loader. */
export function buildApis(): void {
  execFileSync(process.execPath, [path.join(root, 'scripts', 'build.mjs'), '--apis'], { cwd: root, stdio: 'ignore' });
}

/**
 * One process per service, as deployed. Writes are not rate limited: the load generator is one
 * address sending thousands of writes a second on purpose.
 */
export async function startStack(database: BenchDatabase): Promise<Stack> {
  const env = { ...database.env, LOG_LEVEL: 'info', RATE_LIMIT_WRITES_PER_MINUTE: '0' };
  const entry = ['dist/main.js'];
  const inventory = await spawnService(path.join(root, 'inventory-api'), env, entry);
  const proxy = await startCountingProxy(inventory.url);
  const withInventory = { ...env, INVENTORY_API_URL: proxy.url };
  const [service, sales] = await Promise.all([
    spawnService(path.join(root, 'service-api'), withInventory, entry),
    spawnService(path.join(root, 'sales-api'), withInventory, entry),
  ]);
  const processes = { inventory, service, sales };
  return {
    inventory: inventory.url,
    service: service.url,
    sales: sales.url,
    proxy,
    processes,
    stop: async () => {
      await Promise.all([service.stop(), sales.stop()]);
      await inventory.stop();
      await proxy.close();
    },
  };
}
