import { fileURLToPath } from 'node:url';
import { serviceRoutes } from '@carcar/common/contract/routes';
import type { HttpPolicy } from '@carcar/common/http/app';
import type { FeedChange } from '@carcar/common/sync/poller';
import { openTestDatabase } from '@carcar/testing/database';
import { responseCheck } from '@carcar/testing/response-check';
import { roleAgents, testAppOptions } from '@carcar/testing/test-app';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { createApp } from '../src/app.js';
import { salesAutomobileStore } from '../src/automobiles/store.js';

export const migrationsFolder = fileURLToPath(new URL('../drizzle', import.meta.url));
export const salesDir = fileURLToPath(new URL('..', import.meta.url));

/**
 * Every answer of every app the file's tests build, checked against the schema its row of the route
 * table declares (testing/src/response-check.ts): a test fails on an answer that breaks it, or a 2xx
 * from a route that declares none. Each app built for a test passes `answerCheck.observe` as
 * `http.observeAnswer` (`startSalesApi` does; so do the apps the desk and report tests build with
 * their own tax rate or time zone).
 */
export const answerCheck = responseCheck(serviceRoutes['sales-api']);
afterEach(() => answerCheck.assertMatched());
// What the file's `beforeAll` and `afterAll` hooks were answered, after its last test.
afterAll(() => answerCheck.assertMatched());

/** The Sales API on a fresh database of its own (PGlite in memory, or TEST_DATABASE_URL). */
export async function startSalesApi(http: HttpPolicy = {}) {
  const database = await openTestDatabase({ schemaName: 'sales', migrationsFolder });
  const app = createApp({ db: database.db, ...(await testAppOptions('sales-api', answerCheck, http)) });
  return {
    app,
    database,
    db: database.db,
    ...(await roleAgents('sales-api', app)),
    close: () => database.close(),
  };
}

export type SalesApi = Awaited<ReturnType<typeof startSalesApi>>;

let seq = 0;
/** Puts cars into the local AutomobileVO copy the way the poller does. */
export async function stockCars(sales: SalesApi, vins: string[], overrides: Partial<FeedChange> = {}) {
  const changes = vins.map((vin) => ({
    seq: ++seq,
    deleted: false,
    vin,
    sold: false,
    year: 2020,
    color: 'red',
    model: { name: 'Camry', manufacturer: { name: 'Toyota' } },
    ...overrides,
  }));
  await salesAutomobileStore(sales.db).apply(changes, seq);
  return changes;
}

let serial = 0;
export async function addSalesperson(sales: SalesApi) {
  serial++;
  const res = await sales
    .api()
    .post('/api/salespeople/')
    .send({ first_name: 'Sam', last_name: `Seller ${serial}`, employee_id: `S-${serial}` })
    .expect(201);
  return res.body as { id: number };
}

/** A Sales API with a salesperson and a customer on file, to record sales by. */
export interface SalesDesk {
  sales: SalesApi;
  person: { id: number };
  customer: { id: number };
}

/** The file's `SalesDesk`, started before its tests and closed after them. */
export function salesWithParties(): SalesDesk {
  const desk = {} as SalesDesk;
  beforeAll(async () => {
    desk.sales = await startSalesApi();
    desk.person = await addSalesperson(desk.sales);
    desk.customer = await addCustomer(desk.sales);
  });
  afterAll(() => desk.sales?.close());
  return desk;
}

export async function addCustomer(sales: SalesApi) {
  const res = await sales
    .api()
    .post('/api/customers/')
    .send({
      first_name: 'Jane',
      last_name: 'Doe',
      address: '1 Main St, Springfield',
      phone_number: '+1 (555) 010-0100',
    })
    .expect(201);
  return res.body as { id: number };
}
