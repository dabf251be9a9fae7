import { inventoryRoutes, pathTo, salesRoutes } from '@carcar/common/contract/routes';
import { callJson } from '@carcar/testing/http';
import type { Fixtures } from './data.js';
import { type LoadResult, measure, type RequestShape, round, type Spread, spread } from './load.js';
import type { Stack } from './stack.js';

// The sales outbox end to end (issue 19): sales recorded and marked sold in inventory, and the drain
// of a backlog queued while inventory was away.

export interface SalesEndToEnd {
  /** Sales answered 201 whose car inventory shows sold, over the time from the first request until the outbox was empty. */
  salesPerSecond: Spread;
  /** Sales of all runs. */
  sales: number;
  /** Seconds from the end of the load until the outbox was empty, the longest of the runs. */
  drainTailSeconds: number;
  errors: number;
  target: string;
  met: boolean;
}

export interface OutboxDrain {
  /** Rows queued in each run. */
  rows: number;
  rowsPerSecond: Spread;
  seconds: Spread;
  target: string;
  met: boolean;
}

/** How many cars inventory lists under `filter` (`sold=true`, say): its total count, one row read. */
export async function inventoryCount(stack: Stack, filter: string): Promise<number> {
  const res = await fetch(`${stack.inventory}${pathTo(inventoryRoutes.automobiles.list)}?${filter}&limit=1`, {
    headers: stack.credentials.inventory(),
  });
  if (!res.ok) throw new Error(`inventory answered ${res.status} to the count of ${filter}`);
  return Number(res.headers.get('x-total-count'));
}

export function soldInInventory(stack: Stack): Promise<number> {
  return inventoryCount(stack, 'sold=true');
}

/** The VINs of the cars sales shows unsold. */
export async function unsoldCars(stack: Stack): Promise<string[]> {
  const { autos } = await stack.call<{ autos: { vin: string }[] }>(
    'sales',
    'GET',
    `${pathTo(salesRoutes.automobiles.list)}?sold=false`,
  );
  return autos.map((auto) => auto.vin);
}

/**
 * `POST /api/sales/` of `vin` at the bench's price to the fixtures' customer, by their salesperson
 * number `salesperson` (taken round the list); `extra` adds to the body.
 */
export function saleRequest(
  stack: Stack,
  fixtures: Fixtures,
  vin: string,
  salesperson: number,
  extra: Record<string, unknown> = {},
): RequestShape {
  return {
    method: 'POST',
    path: pathTo(salesRoutes.sales.create),
    headers: stack.credentials.sales(),
    body: {
      automobile: vin,
      salesperson: fixtures.salespersonIds[salesperson % fixtures.salespersonIds.length],
      customer: fixtures.customerId,
      price: 24_999.5,
      ...extra,
    },
  };
}

async function outboxPending(stack: Stack): Promise<number> {
  // The outbox's backlog answers only a caller with a credential.
  const health = await callJson<{ outbox?: { pending: number } }>(
    'GET',
    `${stack.sales}/healthz`,
    undefined,
    stack.credentials.sales(),
  );
  return health.outbox?.pending ?? 0;
}

/** Until the sales outbox is empty (checked every 50 ms); throws after `timeoutMs`. */
export async function untilOutboxEmpty(stack: Stack, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while ((await outboxPending(stack)) > 0) {
    if (Date.now() > deadline) throw new Error(`the sales outbox was not empty after ${timeoutMs / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * `POST /api/sales/` for `seconds` (after a 1 s warm-up that counts too), each sale a car no one has
 * sold, then until the outbox is empty: the rate is the sales inventory shows sold over that time.
 */
export async function salesEndToEnd(
  stack: Stack,
  fixtures: Fixtures,
  options: { connections: number; seconds: number; runs: number },
): Promise<SalesEndToEnd> {
  const cars = await unsoldCars(stack);
  let next = 0;
  const runs = await salesRuns(
    stack,
    options,
    () => cars[next++],
    (vin) => saleRequest(stack, fixtures, vin, Math.floor(Math.random() * fixtures.salespersonIds.length)),
    async () => [await soldInInventory(stack)],
  );
  const salesPerSecond = runs.perSecond;
  return {
    salesPerSecond,
    sales: runs.completed,
    drainTailSeconds: runs.drainTailSeconds,
    errors: runs.errors,
    target: '≥ 800 sales/s sold in inventory, 0 errors',
    met: salesPerSecond.median >= 800 && runs.errors === 0,
  };
}

/**
 * `options.runs` runs of sales end to end, each the load of `sale(vin)` for each car `nextCar` gives,
 * then until the outbox is empty. `counts` reads what inventory shows done (sold cars, say), before
 * and after each run; a run's sales completed are the fewest any of its counts gained. The drain
 * tail is the longest of the runs'; the loads come back for their own figures.
 */
export async function salesRuns(
  stack: Stack,
  options: { connections: number; seconds: number; runs: number },
  nextCar: () => string | undefined,
  sale: (vin: string) => RequestShape,
  counts: () => Promise<number[]>,
): Promise<{ perSecond: Spread; completed: number; drainTailSeconds: number; errors: number; loads: LoadResult[] }> {
  const runs = [];
  for (let run = 0; run < options.runs; run++) runs.push(await salesRun(stack, options, nextCar, sale, counts));
  return {
    perSecond: spread(runs.map((run) => run.perSecond)),
    completed: runs.reduce((sum, run) => sum + run.completed, 0),
    drainTailSeconds: Math.max(0, ...runs.map((run) => run.drainTailSeconds)),
    errors: runs.reduce((sum, run) => sum + run.load.errors, 0),
    loads: runs.map((run) => run.load),
  };
}

/** One of `salesRuns`. */
async function salesRun(
  stack: Stack,
  options: { connections: number; seconds: number },
  nextCar: () => string | undefined,
  sale: (vin: string) => RequestShape,
  counts: () => Promise<number[]>,
): Promise<{ perSecond: number; completed: number; drainTailSeconds: number; load: LoadResult }> {
  await untilOutboxEmpty(stack, 300_000);
  const before = await counts();
  const started = performance.now();
  const load = await measure({
    url: stack.sales,
    connections: options.connections,
    seconds: options.seconds,
    runs: 1,
    next: () => {
      const vin = nextCar();
      if (vin === undefined) throw new Error('the bench ran out of unsold cars');
      return sale(vin);
    },
  });
  const loadEnded = performance.now();
  await untilOutboxEmpty(stack, 300_000);
  const ended = performance.now();
  const after = await counts();
  const completed = Math.min(...after.map((count, i) => count - (before[i] ?? 0)));
  return {
    perSecond: round(completed / ((ended - started) / 1000)),
    completed,
    drainTailSeconds: round((ended - loadEnded) / 1000),
    load,
  };
}

/**
 * A backlog of up to `rows` outbox rows written at once, as an outage leaves them (Postgres only:
 * they are inserted into `sales.outbox` directly), `runs` times: unsold cars marked sold, and a
 * tenth of them unsold again behind it, so those VINs wait in line behind their own older row; the
 * next run the same cars the other way round (sold ones unsold, a tenth sold again), and so on. The
 * rate is rows delivered per second, from the insert until the outbox is empty.
 */
export async function outboxDrain(stack: Stack, rows: number, runs: number): Promise<OutboxDrain | null> {
  const pool = stack.database.pool;
  if (!pool) return null;
  await untilOutboxEmpty(stack, 300_000);
  const vins = (await unsoldCars(stack)).slice(0, Math.ceil(rows / 1.1));
  const voids = Math.min(vins.length, rows - vins.length);
  const queued = vins.length + voids;
  const rates: number[] = [];
  const durations: number[] = [];
  for (let run = 0; run < runs; run++) {
    const first = run % 2 === 0;
    const started = performance.now();
    await pool.query(
      `insert into sales.outbox (vin, sold)
       select vin, sold from (
         select vin, $4::boolean as sold, ord from unnest($1::varchar[]) with ordinality as a(vin, ord)
         union all
         select vin, not $4::boolean, ord + $2 from unnest($1::varchar[]) with ordinality as a(vin, ord) where ord <= $3) q
       order by ord`,
      [vins, vins.length, voids, first],
    );
    await untilOutboxEmpty(stack, 600_000);
    const seconds = (performance.now() - started) / 1000;
    durations.push(seconds);
    rates.push(queued / seconds);
  }
  const rowsPerSecond = spread(rates);
  return {
    rows: queued,
    rowsPerSecond,
    seconds: spread(durations),
    target: '≥ 2,000 rows/s',
    met: rowsPerSecond.median >= 2_000,
  };
}
