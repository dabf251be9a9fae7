import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { createTestDatabaseUrl } from '@carcar/testing/database';
import { callJson } from '@carcar/testing/http';
import { type SpawnedService, spawnService } from '@carcar/testing/processes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// `npm run build` bundles each API to plain JavaScript; this runs those bundles with no TypeScript loader.
const root = fileURLToPath(new URL('../../', import.meta.url));
let dataDir: string;
let database: Awaited<ReturnType<typeof createTestDatabaseUrl>>;
const running: SpawnedService[] = [];

beforeAll(async () => {
  await promisify(execFile)(process.execPath, ['scripts/build.mjs', '--apis'], { cwd: root });
  dataDir = mkdtempSync(path.join(tmpdir(), 'carcar-prod-'));
  database = await createTestDatabaseUrl();
});
afterAll(async () => {
  for (const service of running) await service.stop();
  await database?.drop();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('the production build', () => {
  it('runs every API from dist/main.js with plain node, migrations included', async () => {
    const env = { DATA_DIR: dataDir, DATABASE_URL: database?.url ?? '' };
    const inventory = await spawnService(path.join(root, 'inventory-api'), env, ['dist/main.js']);
    running.push(inventory);
    for (const name of ['service-api', 'sales-api']) {
      running.push(
        await spawnService(path.join(root, name), { ...env, INVENTORY_API_URL: inventory.url }, ['dist/main.js']),
      );
    }
    for (const service of running)
      expect((await callJson<{ status: string }>('GET', `${service.url}/healthz`)).status).toBe('ok');
    const created = await callJson<{ name: string }>('POST', `${inventory.url}/api/manufacturers/`, {
      name: 'Built Motors',
    });
    expect(created.name).toBe('Built Motors');
    const res = await fetch(`${running[1]?.url}/api/appointments/`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"broken":',
    });
    expect(res.status).toBe(400);
    for (const service of running.splice(0)) expect(await service.stop()).toBe(0);
  }, 180_000);
});
