import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { Automobile, VehicleModel } from '@carcar/common/contract/inventory';
import { decodeVin } from '@carcar/common/vin/vin';
import { createTestDatabaseUrl } from '@carcar/testing/database';
import { type GatewayClient, signIn, spawnGateway, TEST_ADMIN } from '@carcar/testing/gateway';
import { type SpawnedService, spawnService } from '@carcar/testing/processes';
import { inventoryDir } from '@carcar/testing/stack';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
let dataDir: string;
let database: Awaited<ReturnType<typeof createTestDatabaseUrl>>;
const running: Record<string, SpawnedService> = {};
let admin: GatewayClient;

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
  running.gateway = await spawnGateway(
    { inventory: running.inventory.url, service: running.service.url, sales: running.sales.url },
    env,
  );
  admin = await signIn(running.gateway.url, TEST_ADMIN.email, TEST_ADMIN.password);
});
afterAll(async () => {
  for (const service of Object.values(running)) await service.stop();
  await database?.drop();
  rmSync(dataDir, { recursive: true, force: true });
});

async function seed(credentials: Record<string, string> = {}): Promise<string> {
  const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', 'scripts/seed.ts'], {
    cwd: root,
    env: {
      ...process.env,
      CARCAR_URL: running.gateway?.url,
      CARCAR_ADMIN_EMAIL: TEST_ADMIN.email,
      CARCAR_ADMIN_PASSWORD: TEST_ADMIN.password,
      ...credentials,
    },
  });
  return stdout;
}

async function totals(): Promise<number[]> {
  const lists = [
    '/inventory/api/manufacturers/',
    '/inventory/api/models/',
    '/inventory/api/automobiles/',
    '/service/api/technicians/',
    '/service/api/appointments/',
    '/sales/api/salespeople/',
    '/sales/api/customers/',
    '/sales/api/sales/',
    '/auth/users',
  ];
  return Promise.all(
    lists.map(async (path) => Object.values(await admin.call<Record<string, unknown[]>>('GET', path))[0]?.length ?? 0),
  );
}

describe('npm run seed', () => {
  it('refuses to run without an administrator to sign in as, and says how', async () => {
    const failed = await seed({ CARCAR_ADMIN_PASSWORD: '' }).then(
      () => 'ran',
      (error: { code: number; stderr: string }) => `${error.code} ${error.stderr}`,
    );
    expect(failed).toMatch(/^1 npm run seed signs in to CarCar as an administrator/);
  });

  it('fills every service through the gateway, and a second run adds nothing', async () => {
    expect(await seed()).toMatch(/seed: [1-9]\d* records created/);
    const first = await totals();
    expect(first.every((n) => n > 0)).toBe(true);
    expect(await seed()).toContain('seed: 0 records created');
    expect(await totals()).toEqual(first);
  });

  it('gives every car a real VIN of its make, with a valid check digit and its model year', async () => {
    const { autos } = await admin.call<{ autos: Automobile[] }>('GET', '/inventory/api/automobiles/');
    expect(autos.length).toBeGreaterThan(0);
    for (const auto of autos) {
      const decoded = decodeVin(auto.vin);
      expect(decoded, auto.vin).toMatchObject({ valid: true, check_digit_ok: true });
      expect(decoded.model_years, auto.vin).toContain(auto.year);
      expect(makersWmis[auto.model.manufacturer.name], auto.vin).toContain(decoded.wmi);
    }
    const { appointments } = await admin.call<{ appointments: { vin: string }[] }>('GET', '/service/api/appointments/');
    for (const { vin } of appointments) expect(decodeVin(vin).check_digit_ok, vin).toBe(true);
  });

  it("points every model's picture at a drawing the browser app ships", async () => {
    const { models } = await admin.call<{ models: VehicleModel[] }>('GET', '/inventory/api/models/');
    expect(models.length).toBeGreaterThan(0);
    for (const model of models) {
      const url = new URL(model.picture_url);
      expect(url.origin).toBe(running.gateway?.url);
      const file = path.join(root, 'ghi', 'public', decodeURIComponent(url.pathname));
      expect(existsSync(file), file).toBe(true);
      expect(readFileSync(file, 'utf8')).toMatch(/^<svg [^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    }
  });

  it('adds demo staff of every role who can sign in, each technician and salesperson linked to their record', async () => {
    const { users } = await admin.call<{
      users: Array<{ email: string; role: string; technician_id: number | null; salesperson_id: number | null }>;
    }>('GET', '/auth/users');
    expect(new Set(users.map((user) => user.role))).toEqual(
      new Set(['admin', 'manager', 'sales', 'service', 'technician']),
    );
    const { technicians } = await admin.call<{ technicians: Array<{ id: number; employee_id: string }> }>(
      'GET',
      '/service/api/technicians/',
    );
    const ada = users.find((user) => user.email === 'ada.lovelace@carcar.local');
    expect(ada?.technician_id).toBe(technicians.find((t) => t.employee_id === 'T-100')?.id);
    const { salespeople } = await admin.call<{ salespeople: Array<{ id: number; employee_id: string }> }>(
      'GET',
      '/sales/api/salespeople/',
    );
    const sam = users.find((user) => user.email === 'sam.carter@carcar.local');
    expect(sam?.salesperson_id).toBe(salespeople.find((p) => p.employee_id === 'S-200')?.id);
    // Sam signs in with the documented demo password and sees only his own sales.
    const asSam = await signIn(running.gateway?.url ?? '', 'sam.carter@carcar.local', 'carcar demo 2026');
    const own = await asSam.call<{ sales: Array<{ salesperson: { id: number } }> }>('GET', '/sales/api/sales/');
    expect(own.sales.length).toBeGreaterThan(0);
    for (const sale of own.sales) expect(sale.salesperson.id).toBe(sam?.salesperson_id);
  });
});
