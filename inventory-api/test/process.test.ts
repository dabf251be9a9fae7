import path from 'node:path';
import { asRole, asService } from '@carcar/testing/credentials';
import { gatewayDir } from '@carcar/testing/gateway';
import { runServiceToExit, spawnService } from '@carcar/testing/processes';
import { createStackData, inventoryDir, type StackData } from '@carcar/testing/stack';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const serviceDir = inventoryDir;
// Each test starts and stops the process itself: restarts and signals are what it checks.
let data: StackData;
let env: Record<string, string | undefined>;

beforeAll(async () => {
  data = await createStackData();
  env = data.env;
});
afterAll(async () => {
  await data?.remove();
});

describe('the inventory-api process', () => {
  it('stops at start-up with one line naming a wrong variable', async () => {
    const result = await runServiceToExit(serviceDir, { ...env, PORT: 'eighty' });
    expect(result.code).toBe(1);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toContain('PORT');
    const badUrl = await runServiceToExit(serviceDir, { ...env, PORT: '0', DATABASE_URL: 'mysql://x' });
    expect(badUrl.code).toBe(1);
    expect(badUrl.stderr).toMatch(/^Invalid configuration: DATABASE_URL/);
    // A key that is not a key, for the service and for the gateway alike.
    for (const dir of [serviceDir, gatewayDir]) {
      const badKey = await runServiceToExit(dir, {
        ...env,
        PORT: '0',
        CARCAR_TRUSTED_KEYS: '{"keys":[]}',
        CARCAR_SIGNING_KEY: 'not a key',
      });
      expect(badKey.code).toBe(1);
      expect(badKey.stderr.trim().split('\n')).toHaveLength(1);
      expect(badKey.stderr).toMatch(/^Invalid configuration: CARCAR_(TRUSTED_KEYS|SIGNING_KEY) is invalid/);
    }
  });

  it('keeps its data across a restart and shuts down cleanly on SIGTERM', async () => {
    const admin = await asRole('admin', 'inventory-api');
    const first = await spawnService(serviceDir, env);
    const created = await fetch(`${first.url}/api/manufacturers/`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...admin },
      body: JSON.stringify({ name: 'Persistent Motors' }),
    });
    expect(created.status).toBe(201);
    expect(await first.stop('SIGTERM')).toBe(0);

    const second = await spawnService(serviceDir, env);
    try {
      const list = (await (await fetch(`${second.url}/api/manufacturers/`, { headers: admin })).json()) as {
        manufacturers: { name: string }[];
      };
      expect(list.manufacturers.map((m) => m.name)).toEqual(['Persistent Motors']);
      // The process checks credentials against the keys it was given; its health check stays open.
      expect((await fetch(`${second.url}/api/manufacturers/`)).status).toBe(401);
      expect(await (await fetch(`${second.url}/healthz`)).json()).toEqual({ status: 'ok' });
    } finally {
      expect(await second.stop('SIGINT')).toBe(0);
    }
  });

  it('finishes its shutdown when the signal comes twice (a second Ctrl-C), so the database closes cleanly', async () => {
    const service = await spawnService(serviceDir, env);
    const signalled = service.stop('SIGINT');
    // A few milliseconds apart, as a key held down sends them: the kernel would merge two at once.
    await new Promise((resolve) => setTimeout(resolve, 3));
    try {
      process.kill(service.pid, 'SIGINT');
    } catch {
      // Already gone: the shutdown beat the second signal, which is fine too.
    }
    expect(await signalled).toBe(0);
    expect(service.output()).toContain('"msg":"stopped"');
  });

  it('lets an in-flight long poll finish before it exits', async () => {
    const poller = await asService('service-api', 'inventory-api');
    const service = await spawnService(serviceDir, env);
    const poll = fetch(`${service.url}/api/automobiles/changes/?after=999999&wait=20`, { headers: poller }).then(
      (res) => res.status,
    );
    await new Promise((resolve) => setTimeout(resolve, 300));
    const started = Date.now();
    const code = await service.stop('SIGTERM');
    expect(await poll).toBe(200);
    expect(code).toBe(0);
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('keeps its tables in the inventory schema, its migrations table beside the others', async () => {
    const tablesQuery = `select table_schema, table_name from information_schema.tables
      where table_schema not in ('pg_catalog', 'information_schema') order by 1, 2`;
    let rows: { table_schema: string; table_name: string }[];
    if (data.databaseUrl) {
      const client = new pg.Client({ connectionString: data.databaseUrl });
      await client.connect();
      rows = (await client.query<{ table_schema: string; table_name: string }>(tablesQuery)).rows;
      await client.end();
    } else {
      // The service has stopped, so its PGlite directory can be opened here.
      const db = await PGlite.create({ dataDir: path.join(data.dataDir ?? '', 'inventory') });
      rows = (await db.query<{ table_schema: string; table_name: string }>(tablesQuery)).rows;
      await db.close();
    }
    expect(rows).toEqual([
      { table_schema: 'drizzle', table_name: 'inventory_migrations' },
      { table_schema: 'inventory', table_name: 'audit_log' },
      { table_schema: 'inventory', table_name: 'automobile_changes' },
      { table_schema: 'inventory', table_name: 'automobile_counts' },
      { table_schema: 'inventory', table_name: 'automobiles' },
      { table_schema: 'inventory', table_name: 'catalog_version' },
      { table_schema: 'inventory', table_name: 'events' },
      { table_schema: 'inventory', table_name: 'manufacturers' },
      { table_schema: 'inventory', table_name: 'vehicle_models' },
    ]);
  });
});
