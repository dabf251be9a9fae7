import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { createTestDatabaseUrl } from '@carcar/testing/database';
import { callJson } from '@carcar/testing/http';
import { type SpawnedService, spawnService } from '@carcar/testing/processes';
import { inventoryDir } from '@carcar/testing/stack';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
let dataDir: string;
let database: Awaited<ReturnType<typeof createTestDatabaseUrl>>;
const running: Record<string, SpawnedService> = {};

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'carcar-seed-'));
  database = await createTestDatabaseUrl();
  const env = { DATA_DIR: dataDir, DATABASE_URL: database?.url ?? '' };
  running.inventory = await spawnService(inventoryDir, env);
  const withInventory = { ...env, INVENTORY_API_URL: running.inventory.url };
  running.service = await spawnService(path.join(root, 'service-api'), withInventory);
  running.sales = await spawnService(path.join(root, 'sales-api'), withInventory);
});
afterAll(async () => {
  for (const service of Object.values(running)) await service.stop();
  await database?.drop();
  rmSync(dataDir, { recursive: true, force: true });
});

async function seed(): Promise<string> {
  const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', 'scripts/seed.ts'], {
    cwd: root,
    env: {
      ...process.env,
      INVENTORY_API_URL: running.inventory?.url,
      SERVICE_API_URL: running.service?.url,
      SALES_API_URL: running.sales?.url,
    },
  });
  return stdout;
}

async function totals(): Promise<number[]> {
  const lists = [
    `${running.inventory?.url}/api/manufacturers/`,
    `${running.inventory?.url}/api/models/`,
    `${running.inventory?.url}/api/automobiles/`,
    `${running.service?.url}/api/technicians/`,
    `${running.service?.url}/api/appointments/`,
    `${running.sales?.url}/api/salespeople/`,
    `${running.sales?.url}/api/customers/`,
    `${running.sales?.url}/api/sales/`,
  ];
  return Promise.all(
    lists.map(async (url) => Object.values(await callJson<Record<string, unknown[]>>('GET', url))[0]?.length ?? 0),
  );
}

describe('npm run seed', () => {
  it('fills every service through its API, and a second run adds nothing', async () => {
    expect(await seed()).toMatch(/seed: [1-9]\d* records created/);
    const first = await totals();
    expect(first.every((n) => n > 0)).toBe(true);
    expect(await seed()).toContain('seed: 0 records created');
    expect(await totals()).toEqual(first);
  });
});
