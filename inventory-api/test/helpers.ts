import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Role } from '@carcar/common/contract/permissions';
import type { HttpPolicy } from '@carcar/common/http/app';
import { createLogger } from '@carcar/common/service/logger';
import { asService, roleHeaders, testAccess } from '@carcar/testing/credentials';
import { openTestDatabase } from '@carcar/testing/database';
import type { Express } from 'express';
import request from 'supertest';
import { afterAll, beforeAll } from 'vitest';
import { createApp } from '../src/app.js';
import { FeedNotifier } from '../src/feed/notifier.js';

export const migrationsFolder = fileURLToPath(new URL('../drizzle', import.meta.url));

/**
 * A copy in `work` of the migrations folder as it was at migration `last` (the journal's entries up
 * to it), for a database made as an older inventory left it, then migrated to the end.
 */
export function migrationsUpTo(work: string, last: number): string {
  const folder = path.join(work, 'drizzle');
  cpSync(migrationsFolder, folder, { recursive: true });
  const journalPath = path.join(folder, 'meta', '_journal.json');
  const journal = JSON.parse(readFileSync(journalPath, 'utf8')) as { entries: { idx: number }[] };
  journal.entries = journal.entries.filter((entry) => entry.idx <= last);
  writeFileSync(journalPath, JSON.stringify(journal));
  return folder;
}

/** The Inventory API on a fresh database of its own (PGlite in memory, or TEST_DATABASE_URL). */
export async function startInventory(http: HttpPolicy = {}) {
  const headers = await roleHeaders('inventory-api');
  const pollerHeaders = await asService('service-api', 'inventory-api');
  const database = await openTestDatabase({ schemaName: 'inventory', migrationsFolder });
  const feedNotifier = new FeedNotifier();
  const app: Express = createApp({
    db: database.db,
    access: await testAccess('inventory-api'),
    logger: createLogger('inventory-test', 'silent'),
    feedNotifier,
    http,
  });
  return {
    app,
    db: database.db,
    /** A request as an administrator, or as `role` (the role's test credential). */
    api: (role?: Role) => request.agent(app).set(headers(role)),
    headers,
    /** A request as a poller: the service credential the feed is for. */
    feed: () => request.agent(app).set(pollerHeaders),
    pollerHeaders,
    close: async () => {
      feedNotifier.close();
      await database.close();
    },
  };
}

export type Inventory = Awaited<ReturnType<typeof startInventory>>;

/** Valid North American VINs for tests: VIN.md's vectors plus generated ones. */
export const VINS = ['1HGCM82633A004352', '1C3CC5FB2AN120174', '1GC4K0C87FF132904', '1FTMW1T88MFA00001'];

export async function seedModel(inv: Inventory, maker = 'Chrysler', model = 'Sebring') {
  const manufacturer = await inv.api().post('/api/manufacturers/').send({ name: maker }).expect(201);
  const created = await inv
    .api()
    .post('/api/models/')
    .send({ name: model, picture_url: `https://pictures.example/${model}.jpg`, manufacturer_id: manufacturer.body.id })
    .expect(201);
  return created.body as { id: number; name: string; manufacturer: { id: number; name: string } };
}

export async function addAutomobile(inv: Inventory, vin: string, modelId: number, extra: Record<string, unknown> = {}) {
  const res = await inv
    .api()
    .post('/api/automobiles/')
    .send({ color: 'red', year: 2012, vin, model_id: modelId, ...extra })
    .expect(201);
  return res.body as { id: number; vin: string; sold: boolean };
}

/** The file's inventory, started before its tests with one model, and closed after them. */
export function inventoryWithModel(): { inv: Inventory; modelId: number } {
  const stock = {} as { inv: Inventory; modelId: number };
  beforeAll(async () => {
    stock.inv = await startInventory();
    stock.modelId = (await seedModel(stock.inv)).id;
  });
  afterAll(() => stock.inv?.close());
  return stock;
}
