import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createPgliteTemplate } from '@carcar/common/db/pglite-template';
import { sampleVin } from '@carcar/common/vin/vin';
import { asRole } from '@carcar/testing/credentials';
import { type GatewayClient, signIn, spawnGateway, TEST_ADMIN } from '@carcar/testing/gateway';
import { callJson } from '@carcar/testing/http';
import { type SpawnedService, until } from '@carcar/testing/processes';
import {
  addInventoryModel,
  addSalesParties,
  createStackData,
  type Stack,
  type StackData,
  startStack,
} from '@carcar/testing/stack';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// The backup drill, with real processes: data written, `npm run backup` while everything runs
// (inventory stopped, on PGlite read from its folder), more written, `npm run restore` into a fresh
// folder or database, CarCar started on it: exactly the backed-up state, and the pollers and the
// sales outbox carry on from there without doing anything twice. On Postgres (TEST_DATABASE_URL)
// the archive holds pg_dump of the schemas.
const root = fileURLToPath(new URL('../../', import.meta.url));
const work = mkdtempSync(path.join(tmpdir(), 'carcar-drill-'));
const cleanups: Array<() => unknown> = [() => rmSync(work, { recursive: true, force: true })];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function script(name: 'backup' | 'restore', args: string[], env: Record<string, string>): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', `scripts/${name}.ts`, ...args],
      { cwd: root, env: { ...process.env, ...env } },
      (error, stdout, stderr) =>
        resolve({ code: error ? ((error.code as number | undefined) ?? 1) : 0, stdout, stderr }),
    );
  });
}

/** DATA_DIR, DATABASE_URL and PHOTOS_DIR for the scripts, as an operator would set them for `data`. */
function scriptEnv(data: StackData, photosDir: string): Record<string, string> {
  return {
    DATABASE_URL: data.databaseUrl ?? '',
    // On Postgres the folder holds only the photos; on PGlite they are in its photos/ by default.
    ...(data.dataDir ? { DATA_DIR: data.dataDir } : { DATA_DIR: path.dirname(photosDir), PHOTOS_DIR: photosDir }),
  };
}

/**
 * On PGlite, the first stack's four databases start as copies of one initialised folder, as under
 * `npm start`, rather than four initdb runs at once on a busy 2-core machine.
 */
const template = path.join(work, 'pglite-template');
beforeAll(async () => {
  if (!process.env.TEST_DATABASE_URL) await createPgliteTemplate(template);
});

async function startAll(data?: StackData): Promise<{ stack: Stack; gateway: SpawnedService; admin: GatewayClient }> {
  const env: Record<string, string> = process.env.TEST_DATABASE_URL ? {} : { PGLITE_TEMPLATE: template };
  const stack = await startStack({ ...(data ? { data } : {}), prefix: 'carcar_drill', env });
  const gateway = await spawnGateway(
    { inventory: stack.urls.inventory, service: stack.urls.service, sales: stack.urls.sales },
    { ...stack.data.env, ...env },
  );
  const admin = await signIn(gateway.url, TEST_ADMIN.email, TEST_ADMIN.password);
  return { stack, gateway, admin };
}

const carsIn = async (stack: Stack) =>
  (await stack.call<{ autos: Array<{ vin: string; sold: boolean }> }>('inventory', 'GET', '/api/automobiles/')).autos
    .map((car) => `${car.vin}:${car.sold ? 'sold' : 'unsold'}`)
    .sort();
const salesCopy = async (stack: Stack) =>
  (await stack.call<{ autos: Array<{ vin: string; sold: boolean }> }>('sales', 'GET', '/api/automobiles/')).autos
    .map((car) => `${car.vin}:${car.sold ? 'sold' : 'unsold'}`)
    .sort();
/** A service's health with its details (sync, outbox), which answer only a caller with a credential. */
const health = async (url: string, audience: 'service-api' | 'sales-api') =>
  callJson<{ sync: { last_seq: number | null }; outbox?: { pending: number } }>(
    'GET',
    `${url}/healthz`,
    undefined,
    await asRole('admin', audience),
  );

describe('npm run backup and npm run restore', () => {
  it('bring back exactly the backed-up state, and the pollers and the outbox resume without duplicates', async () => {
    const [a, b, c, d] = [sampleVin(9101), sampleVin(9102), sampleVin(9103), sampleVin(9104)];
    const first = await startAll();
    const { stack } = first;
    let { gateway } = first;
    cleanups.push(() => stack.stop());
    cleanups.push(() => gateway.stop());
    const photosDir = stack.data.dataDir ? path.join(stack.data.dataDir, 'photos') : path.join(work, 'live', 'photos');
    mkdirSync(path.join(photosDir, 'repair-orders', '1'), { recursive: true });
    writeFileSync(path.join(photosDir, 'repair-orders', '1', 'brakes.jpg'), 'a photo');

    // Before the backup: two cars, both copied by the pollers; A sold and delivered; a user.
    const modelId = await addInventoryModel(stack.urls.inventory, 'Drill Motors', 'Drill');
    for (const vin of [a, b]) {
      await stack.call('inventory', 'POST', '/api/automobiles/', { vin, color: 'red', year: 2012, model_id: modelId });
    }
    await until('sales copied A and B', async () => (await salesCopy(stack)).length === 2, 30_000);
    const { salesperson, customer } = await addSalesParties(stack, 'D-1');
    const sell = (vin: string) =>
      stack.call('sales', 'POST', '/api/sales/', {
        automobile: vin,
        price: 21000,
        salesperson,
        customer,
      });
    await sell(a);
    await until('A sold in inventory', async () => (await carsIn(stack)).includes(`${a}:sold`), 10_000);
    await first.admin.call('POST', '/auth/users', {
      email: 'before@dealer.test',
      name: 'Before Backup',
      role: 'sales',
      password: 'a long enough password',
    });
    // Inventory stops; B's sale waits in the outbox when the backup is taken.
    const inventoryPort = String(stack.processes.inventory.port);
    await until(
      'service copied A and B',
      async () => (await health(stack.urls.service, 'service-api')).sync.last_seq !== null,
      10_000,
    );
    const serviceSeq = (await health(stack.urls.service, 'service-api')).sync.last_seq;
    await stack.processes.inventory.stop();
    await sell(b);
    expect((await health(stack.urls.sales, 'sales-api')).outbox?.pending).toBe(1);
    const backedUp = { inventory: [`${a}:sold`, `${b}:unsold`].sort(), sales: [`${a}:sold`, `${b}:sold`].sort() };

    const archive = path.join(work, 'carcar.tar');
    const backup = await script('backup', [archive], scriptEnv(stack.data, photosDir));
    expect(backup.stderr).toBe('');
    expect(backup.code).toBe(0);
    expect(backup.stdout).toMatch(/CarCar backup written: .*carcar\.tar \(\d+\.\d MB in \d+\.\d s, with photos/);
    expect(statSync(archive).mode & 0o777).toBe(0o600);
    if (stack.data.dataDir) {
      // The running three answered; the stopped inventory was read from its folder.
      expect(backup.stdout).toMatch(/sales: .*from the running service/);
      expect(backup.stdout).toMatch(/identity: .*from the running service/);
      expect(backup.stdout).toMatch(/inventory: .*stopped; read from its folder/);
    }

    // After the backup: inventory back (B delivered), a third car, another user. None of it may return.
    stack.processes.inventory = await stack.start('inventory', { PORT: inventoryPort });
    await until('B sold in inventory', async () => (await carsIn(stack)).includes(`${b}:sold`), 10_000);
    await stack.call('inventory', 'POST', '/api/automobiles/', {
      vin: c,
      color: 'blue',
      year: 2013,
      model_id: modelId,
    });
    await until('sales copied C', async () => (await salesCopy(stack)).length === 3, 30_000);
    await first.admin.call('POST', '/auth/users', {
      email: 'after@dealer.test',
      name: 'After Backup',
      role: 'sales',
      password: 'a long enough password',
    });
    await gateway.stop();
    await Promise.all([stack.processes.service.stop(), stack.processes.sales.stop()]);
    await stack.processes.inventory.stop();

    // Restore into a fresh folder (or database).
    const fresh = await createStackData({ prefix: 'carcar_restored' });
    cleanups.push(() => fresh.remove());
    const restoredPhotos = path.join(work, 'restored', 'photos');
    const env = scriptEnv(fresh, restoredPhotos);
    const restore = await script('restore', [archive], env);
    expect(restore.stderr).toBe('');
    expect(restore.code).toBe(0);
    // A second restore into the same place is refused, in one line, unless told.
    const again = await script('restore', [archive], env);
    expect(again.code).toBe(1);
    expect(again.stderr.trim().split('\n')).toHaveLength(1);
    expect(again.stderr).toMatch(/npm run restore: .*(is not empty|already has CarCar's schemas).*--force/);

    const second = await startAll(fresh);
    gateway = second.gateway;
    cleanups.push(() => second.stack.processes.inventory.stop());
    cleanups.push(() => second.stack.processes.service.stop());
    cleanups.push(() => second.stack.processes.sales.stop());
    const restored = second.stack;
    // Exactly the backed-up state: no C, the after-backup user absent, the photo back.
    expect(await salesCopy(restored)).toEqual(backedUp.sales);
    const users = (await second.admin.call<{ users: Array<{ email: string }> }>('GET', '/auth/users')).users.map(
      (user) => user.email,
    );
    expect(users).toContain('before@dealer.test');
    expect(users).not.toContain('after@dealer.test');
    const photo = fresh.dataDir
      ? path.join(fresh.dataDir, 'photos', 'repair-orders', '1', 'brakes.jpg')
      : path.join(restoredPhotos, 'repair-orders', '1', 'brakes.jpg');
    expect(readFileSync(photo, 'utf8')).toBe('a photo');
    const sales = await restored.call<{ sales: Array<{ automobile: { vin: string } }> }>('sales', 'GET', '/api/sales/');
    expect(sales.sales.map((sale) => sale.automobile.vin).sort()).toEqual([a, b].sort());
    // The outbox resumes: B's sale, pending at the backup, reaches the restored inventory once.
    await until('B sold in the restored inventory', async () => (await carsIn(restored)).includes(`${b}:sold`), 15_000);
    expect(await carsIn(restored)).toEqual([`${a}:sold`, `${b}:sold`].sort());
    expect(backedUp.inventory).toContain(`${b}:unsold`);
    expect((await health(restored.urls.sales, 'sales-api')).outbox?.pending).toBe(0);
    // The pollers resume from their own cursors: a new car arrives once in each copy.
    expect((await health(restored.urls.service, 'service-api')).sync.last_seq).toBeGreaterThanOrEqual(serviceSeq ?? 0);
    await restored.call('inventory', 'POST', '/api/automobiles/', {
      vin: d,
      color: 'green',
      year: 2014,
      model_id: modelId,
    });
    await until('sales copied D', async () => (await salesCopy(restored)).length === 3, 30_000);
    expect(await salesCopy(restored)).toEqual([`${a}:sold`, `${b}:sold`, `${d}:unsold`].sort());
    const inventorySeq = await until(
      'service caught up with sales',
      async () =>
        (await health(restored.urls.service, 'service-api')).sync.last_seq ===
        (await health(restored.urls.sales, 'sales-api')).sync.last_seq,
      30_000,
    );
    expect(inventorySeq).toBeGreaterThanOrEqual(0);
    // A new sale numbers on from the backed-up ones.
    const next = await restored.call<{ id: number }>('sales', 'POST', '/api/sales/', {
      automobile: d,
      price: 22000,
      salesperson,
      customer,
    });
    expect(next.id).toBe(3);
    await until('D sold in the restored inventory', async () => (await carsIn(restored)).includes(`${d}:sold`), 10_000);
  }, 600_000);
});
