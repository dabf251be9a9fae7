import { inventoryRoutes, pathTo, salesRoutes, serviceApiRoutes } from '@carcar/common/contract/routes';
import { SCHEMAS } from '@carcar/common/service/backup';
import { sampleVin } from '@carcar/common/vin/vin';
import type { Fixtures } from './data.js';
import { percentile, round } from './load.js';
import type { BenchDatabase, Stack } from './stack.js';

export interface SyncLag {
  cars: number;
  service: { p50Ms: number; p99Ms: number; maxMs: number };
  sales: { p50Ms: number; p99Ms: number; maxMs: number };
}

async function until(check: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`not synced within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
}

function summary(lags: number[]) {
  return { p50Ms: percentile(lags, 50), p99Ms: percentile(lags, 99), maxMs: round(Math.max(...lags)) };
}

/**
 * Creates cars one by one and times, from the moment each POST is sent, until the service API
 * shows its appointment as VIP and the sales API lists it. Each car gets an appointment first,
 * so the VIP flag is what changes.
 */
export async function measureSyncLag(stack: Stack, fixtures: Fixtures, cars: number, firstSerial: number) {
  const serviceLags: number[] = [];
  const salesLags: number[] = [];
  for (let i = 0; i < cars; i++) {
    const vin = sampleVin(firstSerial + i);
    await stack.call('service', 'POST', pathTo(serviceApiRoutes.appointments.create), {
      date_time: new Date(Date.UTC(2031, 0, 1, 9) + i * 3_600_000).toISOString(),
      reason: 'Sync lag probe',
      vin,
      customer: 'Lag Probe',
      technician: fixtures.technicianIds[0],
    });
    const sent = performance.now();
    await stack.call('inventory', 'POST', pathTo(inventoryRoutes.automobiles.create), {
      vin,
      color: 'green',
      year: 2024,
      model_id: fixtures.modelId,
    });
    await Promise.all([
      until(async () => {
        const { appointments } = await stack.call<{ appointments: { vip: boolean }[] }>(
          'service',
          'GET',
          `${pathTo(serviceApiRoutes.appointments.list)}?vin=${vin}`,
        );
        if (!appointments[0]?.vip) return false;
        serviceLags.push(performance.now() - sent);
        return true;
      }, 30_000),
      until(async () => {
        const { autos } = await stack.call<{ autos: unknown[] }>(
          'sales',
          'GET',
          `${pathTo(salesRoutes.automobiles.list)}?vin=${vin}`,
        );
        if (autos.length === 0) return false;
        salesLags.push(performance.now() - sent);
        return true;
      }, 30_000),
    ]);
  }
  return { cars, service: summary(serviceLags), sales: summary(salesLags) } satisfies SyncLag;
}

export interface IdleCost {
  automobiles: number;
  seconds: number;
  /** Per minute, both pollers together, counted on the wire between them and inventory. */
  requestsPerMinute: number;
  bytesPerMinute: number;
  /** Per minute in the whole database (all three services): Postgres' own counters; null on PGlite. */
  sqlStatementsPerMinute: number | null;
  /** Per minute, rows CarCar's tables gave up (scanned or read through an index); null on PGlite. */
  rowsReadPerMinute: number | null;
}

interface DatabaseCounters {
  transactions: number;
  rows: number;
}

/**
 * Postgres' counters for the bench database: committed transactions (every statement the services
 * send outside an explicit transaction is one) and the rows read from CarCar's own tables, by
 * sequential scans and through indexes. Not the database's `tup_returned`: that counts Postgres'
 * own catalog reads too (autovacuum's, a new connection's), which were all of the idle windows'
 * 600–1,900 rows a minute on 2026-12-07 while CarCar's tables gave up none, and which differ from
 * one window to the next (docs/performance.md). Stats are flushed lazily, so the snapshot is
 * forced fresh first.
 */
async function databaseCounters(database: BenchDatabase): Promise<DatabaseCounters | null> {
  if (!database.pool) return null;
  const client = await database.pool.connect();
  try {
    await client.query('select pg_stat_force_next_flush()').catch(() => undefined);
    await client.query('select pg_stat_clear_snapshot()');
    const { rows } = await client.query<{ xact: string; tuples: string }>(
      `select xact_commit + xact_rollback as xact,
         (select coalesce(sum(seq_tup_read), 0) from pg_stat_user_tables where schemaname = any($1))
         + (select coalesce(sum(idx_tup_read), 0) from pg_stat_user_indexes where schemaname = any($1)) as tuples
       from pg_stat_database where datname = current_database()`,
      [SCHEMAS],
    );
    return { transactions: Number(rows[0]?.xact), rows: Number(rows[0]?.tuples) };
  } finally {
    client.release();
  }
}

/** Nothing changes for `seconds`: what do the pollers cost inventory and the database meanwhile? */
export async function measureIdleCost(
  stack: Stack,
  database: BenchDatabase,
  automobiles: number,
  seconds: number,
): Promise<IdleCost> {
  if (database.pool) {
    // Loading left work for autovacuum, which would be counted as the services' reads: done now.
    await database.pool.query('vacuum analyze');
  }
  // Backends report their statistics up to 10 s late: whatever the load left must be in before the window.
  await new Promise((resolve) => setTimeout(resolve, 11_000));
  const wire = stack.proxy.counts();
  const before = await databaseCounters(database);
  await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
  const after = await databaseCounters(database);
  const wireAfter = stack.proxy.counts();
  const perMinute = (n: number) => round((n * 60) / seconds);
  return {
    automobiles,
    seconds,
    requestsPerMinute: perMinute(wireAfter.requests - wire.requests),
    bytesPerMinute: perMinute(wireAfter.bytes - wire.bytes),
    // Includes the three statements of this probe itself: the same at every size.
    sqlStatementsPerMinute: before && after ? perMinute(after.transactions - before.transactions) : null,
    rowsReadPerMinute: before && after ? perMinute(after.rows - before.rows) : null,
  };
}

/**
 * Equal within noise: a window catches one long poll more or less, and Postgres' background work
 * reads a few hundred rows a minute at any size. Anything that grew with the stock would read
 * tens of thousands of rows at 100,000 cars, far outside these bounds.
 */
export function sameCost(a: IdleCost, b: IdleCost, windowSeconds: number): boolean {
  const close = (x: number | null, y: number | null, floor: number) =>
    x === null || y === null || Math.abs(x - y) <= Math.max(0.25 * Math.max(x, y), floor);
  const oneRequest = (2 * 60) / windowSeconds;
  return (
    close(a.requestsPerMinute, b.requestsPerMinute, oneRequest) &&
    close(a.bytesPerMinute, b.bytesPerMinute, 200) &&
    close(a.sqlStatementsPerMinute, b.sqlStatementsPerMinute, 10) &&
    close(a.rowsReadPerMinute, b.rowsReadPerMinute, 1_000)
  );
}
