import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { Automobile, VehicleModel } from '@carcar/common/contract/inventory';
import { decodeVin } from '@carcar/common/vin/vin';
import { createTestDatabaseUrl } from '@carcar/testing/database';
import { callJson } from '@carcar/testing/http';
import { type SpawnedService, spawnService } from '@carcar/testing/processes';
import { inventoryDir } from '@carcar/testing/stack';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
let dataDir: string;
let database: Awaited<ReturnType<typeof createTestDatabaseUrl>>;
const running: Record<string, SpawnedService> = {};
// Where the seed is told the browser app is; its pictures are files the app serves from ghi/public.
const ghiUrl = 'http://localhost:3999';

/** World manufacturer identifiers (VIN positions 1-3) each make really uses. */
const makersWmis: Record<string, string[]> = {
  Toyota: ['JTD', 'JTE', 'JTM', 'JTN', '4T1', '4T3', '2T1', '2T3', '3TM', '5TD', '5TF'],
  Honda: ['1HG', '2HG', '19X', 'JHM', '5J6', '2HK', '7FA', 'SHH'],
  Ford: ['1FA', '1FT', '1FM', '3FA', '1FD', '2FM'],
  Chrysler: ['1C3', '2C3', '1C4', '2C4'],
};

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
      GHI_URL: ghiUrl,
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

  it('gives every car a real VIN of its make, with a valid check digit and its model year', async () => {
    const { autos } = await callJson<{ autos: Automobile[] }>('GET', `${running.inventory?.url}/api/automobiles/`);
    expect(autos.length).toBeGreaterThan(0);
    for (const auto of autos) {
      const decoded = decodeVin(auto.vin);
      expect(decoded, auto.vin).toMatchObject({ valid: true, check_digit_ok: true });
      expect(decoded.model_years, auto.vin).toContain(auto.year);
      expect(makersWmis[auto.model.manufacturer.name], auto.vin).toContain(decoded.wmi);
    }
    const { appointments } = await callJson<{ appointments: { vin: string }[] }>(
      'GET',
      `${running.service?.url}/api/appointments/`,
    );
    for (const { vin } of appointments) expect(decodeVin(vin).check_digit_ok, vin).toBe(true);
  });

  it("points every model's picture at a drawing the browser app ships", async () => {
    const { models } = await callJson<{ models: VehicleModel[] }>('GET', `${running.inventory?.url}/api/models/`);
    expect(models.length).toBeGreaterThan(0);
    for (const model of models) {
      const url = new URL(model.picture_url);
      expect(url.origin).toBe(ghiUrl);
      const file = path.join(root, 'ghi', 'public', decodeURIComponent(url.pathname));
      expect(existsSync(file), file).toBe(true);
      expect(readFileSync(file, 'utf8')).toMatch(/^<svg [^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    }
  });
});
