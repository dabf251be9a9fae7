import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serviceRoutes } from '@carcar/common/contract/routes';
import { type Db, openDatabase } from '@carcar/common/db/database';
import type { HttpPolicy } from '@carcar/common/http/app';
import { asService } from '@carcar/testing/credentials';
import { createTestDatabaseUrl, openTestDatabase } from '@carcar/testing/database';
import { responseCheck } from '@carcar/testing/response-check';
import { roleAgents, testAppOptions } from '@carcar/testing/test-app';
import { sql } from 'drizzle-orm';
import type { Express } from 'express';
import request from 'supertest';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { createApp } from '../src/app.js';
import { FeedNotifier } from '../src/feed/notifier.js';

export const migrationsFolder = fileURLToPath(new URL('../drizzle', import.meta.url));

/**
 * Every answer of every app the file's tests build, checked against the schema its row of the route
 * table declares (testing/src/response-check.ts): a test fails on an answer that breaks it, or a 2xx
 * from a route that declares none. Each app built for a test passes `answerCheck.observe` as
 * `http.observeAnswer` (`startInventory` and `afterUpgradeFrom` do).
 */
export const answerCheck = responseCheck(serviceRoutes['inventory-api']);
afterEach(() => answerCheck.assertMatched());
// What the file's `beforeAll` and `afterAll` hooks were answered, after its last test.
afterAll(() => answerCheck.assertMatched());

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

/** The Sebring withOlderCatalog writes, as a feed entry of that time names its model. */
export const olderSebring = {
  href: '/api/models/1/',
  id: 1,
  name: 'Sebring',
  picture_url: 'https://pictures.example/Sebring.jpg',
  manufacturer: { href: '/api/manufacturers/1/', id: 1, name: 'Chrysler' },
};

/**
 * In one audited transaction on an older inventory's database (written as the service, as a
 * migration test's setup): Chrysler (id 1) and its Sebring (id 1), then `more`.
 */
export function withOlderCatalog(db: Db, more: (tx: Db) => Promise<unknown>): Promise<void> {
  return db.transaction(async (tx) => {
    await tx.execute(
      sql`select set_config('carcar.audit', '{"actor": {"service": "inventory-api"}, "request_id": "test"}', true)`,
    );
    await tx.execute(sql`insert into inventory.manufacturers (id, name) values (1, 'Chrysler')`);
    await tx.execute(sql`insert into inventory.vehicle_models (id, name, picture_url, manufacturer_id)
      values (1, 'Sebring', 'https://pictures.example/Sebring.jpg', 1)`);
    await more(tx);
  });
}

/**
 * An inventory database as an older inventory left it, then upgraded: `older` writes into it with
 * the migrations up to `last` only, then every migration runs and `upgraded` reads it, with the API
 * on it. On a database of its own on TEST_DATABASE_URL's server, else in a PGlite folder.
 */
export async function afterUpgradeFrom<Written>(
  last: number,
  older: (db: Db) => Promise<Written>,
  upgraded: (after: { db: Db; app: Express; written: Written }) => Promise<void>,
): Promise<void> {
  const work = mkdtempSync(path.join(tmpdir(), 'carcar-inventory-upgrade-'));
  const server = await createTestDatabaseUrl();
  const place = server ? { databaseUrl: server.url } : { dataDir: path.join(work, 'data') };
  try {
    const before = await openDatabase({
      schemaName: 'inventory',
      migrationsFolder: migrationsUpTo(work, last),
      ...place,
    });
    let written: Written;
    try {
      written = await older(before.db);
    } finally {
      await before.close();
    }
    const after = await openDatabase({ schemaName: 'inventory', migrationsFolder, ...place });
    const feedNotifier = new FeedNotifier();
    try {
      const app = createApp({ db: after.db, feedNotifier, ...(await testAppOptions('inventory-api', answerCheck)) });
      await upgraded({ db: after.db, app, written });
    } finally {
      feedNotifier.close();
      await after.close();
    }
  } finally {
    await server?.drop();
    rmSync(work, { recursive: true, force: true });
  }
}

/** The Inventory API on a fresh database of its own (PGlite in memory, or TEST_DATABASE_URL). */
export async function startInventory(http: HttpPolicy = {}) {
  const pollerHeaders = await asService('service-api', 'inventory-api');
  const database = await openTestDatabase({ schemaName: 'inventory', migrationsFolder });
  const feedNotifier = new FeedNotifier();
  const app: Express = createApp({
    db: database.db,
    feedNotifier,
    ...(await testAppOptions('inventory-api', answerCheck, http)),
  });
  return {
    app,
    db: database.db,
    ...(await roleAgents('inventory-api', app)),
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
