import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RepairOrder, RepairOrderLine } from '@carcar/common/contract/repair-orders';
import { serviceRoutes } from '@carcar/common/contract/routes';
import { type Database, openDatabase } from '@carcar/common/db/database';
import type { HttpPolicy } from '@carcar/common/http/app';
import { createTestDatabaseUrl, openTestDatabase } from '@carcar/testing/database';
import { responseCheck } from '@carcar/testing/response-check';
import { roleAgents, testAppOptions } from '@carcar/testing/test-app';
import { btree_gist } from '@electric-sql/pglite/contrib/btree_gist';
import { afterAll, afterEach } from 'vitest';
import { createApp } from '../src/app.js';

export const migrationsFolder = fileURLToPath(new URL('../drizzle', import.meta.url));
export const serviceDir = fileURLToPath(new URL('..', import.meta.url));

/**
 * Every answer of every app the file's tests build, checked against the schema its row of the route
 * table declares (testing/src/response-check.ts): a test fails on an answer that breaks it, or a 2xx
 * from a route that declares none. `startServiceApi` passes `answerCheck.observe` as
 * `http.observeAnswer`; so does any app a test builds itself.
 */
export const answerCheck = responseCheck(serviceRoutes['service-api']);
afterEach(() => answerCheck.assertMatched());
// What the file's `beforeAll` and `afterAll` hooks were answered, after its last test.
afterAll(() => answerCheck.assertMatched());

/**
 * The service's schema on a database of its own on the test server (`TEST_DATABASE_URL`), through
 * one connection, so that what Postgres keeps per connection (prepared statements' plans) is the
 * test's to read; undefined without a server. For the *.pg.test.ts files.
 */
export async function openServerDatabase(): Promise<
  { database: Database; url: string; close(): Promise<void> } | undefined
> {
  const server = await createTestDatabaseUrl();
  if (!server) return undefined;
  const database = await openDatabase({
    schemaName: 'service',
    migrationsFolder,
    databaseUrl: server.url,
    poolSize: 1,
  });
  return {
    database,
    url: server.url,
    close: async () => {
      await database.close();
      await server.drop();
    },
  };
}

/** The Service API on a fresh database of its own (PGlite in memory, or TEST_DATABASE_URL). */
export async function startServiceApi(timezone = 'UTC', http: HttpPolicy = {}) {
  const database = await openTestDatabase({
    schemaName: 'service',
    migrationsFolder,
    pgliteExtensions: { btree_gist },
  });
  // Each app its own photos folder, so a test can look at exactly what was stored.
  const photosDir = mkdtempSync(path.join(tmpdir(), 'carcar-photos-test-'));
  const app = createApp({
    photosDir,
    db: database.db,
    timezone,
    ...(await testAppOptions('service-api', answerCheck, http)),
  });
  return {
    app,
    database,
    db: database.db,
    ...(await roleAgents('service-api', app)),
    photosDir,
    close: async () => {
      await database.close();
      rmSync(photosDir, { recursive: true, force: true });
    },
  };
}

export type ServiceApi = Awaited<ReturnType<typeof startServiceApi>>;

let employeeSerial = 0;
export async function addTechnician(svc: ServiceApi, firstName = 'Ada') {
  employeeSerial++;
  const res = await svc
    .api()
    .post('/api/technicians/')
    .send({ first_name: firstName, last_name: 'Lovelace', employee_id: `T-${employeeSerial}` })
    .expect(201);
  return res.body as { id: number; first_name: string; last_name: string; employee_id: string; active: boolean };
}

/** Next year: every day of it is in the future, so bookings on fixed dates of it are never refused as past. */
export const NEXT_YEAR = new Date().getUTCFullYear() + 1;

/** `at('05-01T14:30:00Z')` is that moment next year. */
export function at(monthDayTime: string): string {
  return `${NEXT_YEAR}-${monthDayTime}`;
}

/** "Thu": the weekday of a calendar date, for the sentences that name the day. */
export function weekday(year: number, month: number, day: number): string {
  return new Date(Date.UTC(year, month - 1, day)).toLocaleDateString('en-GB', { weekday: 'short', timeZone: 'UTC' });
}

/** `minutes` from now, to the minute, as an ISO instant. */
export function minutesFromNow(minutes: number): string {
  const instant = new Date(Date.now() + minutes * 60_000);
  instant.setUTCSeconds(0, 0);
  return instant.toISOString();
}

export function booking(technician: number, overrides: Record<string, unknown> = {}) {
  return {
    date_time: at('05-01T14:30:00Z'),
    reason: 'Oil change',
    vin: '1C3CC5FB2AN120174',
    customer: 'Jane Doe',
    technician,
    ...overrides,
  };
}

/** A new repair order (a walk-in's brakes) with one line: `quantity` of the part `number`. */
export async function orderWithPartLine(svc: ServiceApi, number: string, quantity: number | string = 1) {
  const order: RepairOrder = (
    await svc
      .api('service')
      .post('/api/repair-orders/')
      .send({ vin: '1C3CC5FB2AN120174', customer: { name: 'Jane Doe' }, mileage: 1000, concern: 'Brakes' })
      .expect(201)
  ).body;
  const line: RepairOrderLine = (
    await svc
      .api('service')
      .post(`/api/repair-orders/${order.id}/lines/`)
      .send({ kind: 'part', part_number: number, quantity })
      .expect(201)
  ).body;
  return { order, line };
}

/** The customer's approval of one line of an order, taken by the service desk on the phone. */
export function approveLine(svc: ServiceApi, orderId: number, lineId: number) {
  return svc
    .api('service')
    .post(`/api/repair-orders/${orderId}/approvals/`)
    .send({ decisions: [{ line: lineId, approved: true }], name: 'Jane Doe', method: 'phone' });
}
