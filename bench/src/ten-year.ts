import { inventoryRoutes, pathTo, type RouteRule, salesRoutes, serviceApiRoutes } from '@carcar/common/contract/routes';
import { sampleVin } from '@carcar/common/vin/vin';
import { type LoadResult, type Method, measure } from './load.js';
import { table } from './report.js';
import { type Stack, startBenchStack } from './stack.js';
import { type LoadTimes, loadTenYears, TEN_YEARS, tenYearWindow } from './ten-year-data.js';
import { captureExplains, type ExplainedRead, type TenYearRead } from './ten-year-explain.js';

// `npm run bench -w @carcar/bench -- ten-year` (Postgres only): ten years of one busy store
// (ten-year-data.ts), then the reads staff make of it through each service's HTTP API with an
// administrator's credential, as the gateway forwards them: the vehicle page's, a salesperson's
// sales, a technician's orders, the searches, a page of each list and every report over the ten
// years. Targets (issue 31): p99 under 20 ms for a page or a VIN's history, under 500 ms for a report.

/** A read of the ten-year store and its target. */
export interface TenYearResult extends LoadResult {
  name: string;
  group: TenYearRead['group'];
  connections: number;
  target: string;
  met: boolean;
}

const PAGE_P99_MS = 20;
const REPORT_P99_MS = 500;
/** Staff reading at once: a page read by several; a ten-year report opened by a manager or two. */
const PAGE_CONNECTIONS = Number(process.env.TEN_YEAR_CONNECTIONS ?? 8);
const REPORT_CONNECTIONS = Number(process.env.TEN_YEAR_REPORT_CONNECTIONS ?? 2);

const pick = <T>(items: readonly T[]): T => items[Math.floor(Math.random() * items.length)] as T;
const randomCar = () => sampleVin(Math.floor(Math.random() * TEN_YEARS.cars));
const LAST_NAMES = ['Smith', 'Garcia', 'Nguyen', 'Walker', 'Rivera', 'Lee', 'Baker', 'Campbell', 'Torres', 'King'];

/** A route as the reads' names give it: `GET /api/sales/`. */
const label = (route: RouteRule) => `${route.method} ${route.path}`;
const { get: getCar, list: carList } = inventoryRoutes.automobiles;
const appointmentList = serviceApiRoutes.appointments.list;
const repairOrderList = serviceApiRoutes.repairOrders.list;
const saleList = salesRoutes.sales.list;
const customerList = salesRoutes.customers.list;

function day(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** The reads, with the people and range of the loaded store. */
export function tenYearReads(stack: Stack, salespeople: number[], technicians: number[]): TenYearRead[] {
  const { start, end } = tenYearWindow();
  // The widest range a report takes (MAX_REPORT_DAYS, 120 months): the ten loaded years.
  const from = day(new Date(start.getTime() + 86_400_000));
  const to = day(end);
  const range = `from=${from}&to=${to}`;
  // The month reports count both ends' months: 120 of them end in `to`'s (the days' range, which
  // starts mid-month, touches 121, and the API refuses it: every request was a 400).
  const monthsFrom = new Date(`${to.slice(0, 7)}-01T00:00:00Z`);
  monthsFrom.setUTCMonth(monthsFrom.getUTCMonth() - 119);
  const months = `from=${day(monthsFrom).slice(0, 7)}&to=${to.slice(0, 7)}`;
  const inventory = { url: stack.inventory, headers: stack.credentials.inventory };
  const service = { url: stack.service, headers: stack.credentials.service };
  const sales = { url: stack.sales, headers: stack.credentials.sales };
  const read = (
    name: string,
    group: TenYearRead['group'],
    api: typeof inventory,
    path: () => string,
    maxP99Ms = PAGE_P99_MS,
  ): TenYearRead => ({
    name,
    group,
    url: api.url,
    next: () => ({ method: 'GET', path: path(), headers: api.headers() }),
    maxP99Ms,
  });
  const report = (api: typeof inventory, route: RouteRule, query: string) => {
    const path = `${pathTo(route)}?${query}`;
    return read(`${route.method} ${path}`, 'report', api, () => path, REPORT_P99_MS);
  };
  /** A list's first page, as the app asks for it: named by its route and query. */
  const listPage = (api: typeof inventory, route: RouteRule, query = '') =>
    read(`${label(route)}${query}`, 'list page', api, () => `${pathTo(route)}${query}`);
  return [
    // The vehicle page (ghi/src/features/inventory/components/vehicle-page.tsx): the car, its
    // appointments, repair orders and deals, and its audit trail from each service (500 entries).
    read(`car by VIN: ${label(getCar)}`, 'vehicle page', inventory, () => pathTo(getCar, { vin: randomCar() })),
    read(
      `its appointments: ${label(appointmentList)}?vin=`,
      'vehicle page',
      service,
      () => `${pathTo(appointmentList)}?vin=${randomCar()}`,
    ),
    read(
      `its repair orders: ${label(repairOrderList)}?vin=`,
      'vehicle page',
      service,
      () => `${pathTo(repairOrderList)}?vin=${randomCar()}`,
    ),
    read(
      `its deals: ${label(saleList)}?vin=&include_voided=true&sort=-id`,
      'vehicle page',
      sales,
      () => `${pathTo(saleList)}?vin=${randomCar()}&include_voided=true&sort=-id`,
    ),
    read(
      `its trail, inventory: ${label(inventoryRoutes.audit)}?vin=&limit=500`,
      'vehicle page',
      inventory,
      () => `${pathTo(inventoryRoutes.audit)}?vin=${randomCar()}&limit=500`,
    ),
    read(
      `its trail, service: ${label(serviceApiRoutes.audit)}?vin=&limit=500`,
      'vehicle page',
      service,
      () => `${pathTo(serviceApiRoutes.audit)}?vin=${randomCar()}&limit=500`,
    ),
    read(
      `its trail, sales: ${label(salesRoutes.audit)}?vin=&limit=500`,
      'vehicle page',
      sales,
      () => `${pathTo(salesRoutes.audit)}?vin=${randomCar()}&limit=500`,
    ),
    // A salesperson's page and a technician's orders (orders with a line assigned to them), a page of 20.
    read(
      `a salesperson's sales: ${label(saleList)}?salesperson=&limit=20`,
      'people',
      sales,
      () => `${pathTo(saleList)}?salesperson=${pick(salespeople)}&limit=20`,
    ),
    read(
      `a technician's orders: ${label(repairOrderList)}?technician=&limit=20`,
      'people',
      service,
      () => `${pathTo(repairOrderList)}?technician=${pick(technicians)}&limit=20`,
    ),
    // The searches: the VIN box (digits of a serial), a customer by name, an order by name.
    read(
      `cars by q (VIN digits): ${label(carList)}?q=&limit=50`,
      'search',
      inventory,
      () =>
        `${pathTo(carList)}?q=${String(Math.floor(Math.random() * TEN_YEARS.cars))
          .padStart(6, '0')
          .slice(1)}&limit=50`,
    ),
    read(
      `customers by q (name): ${label(customerList)}?q=&limit=20`,
      'search',
      sales,
      () => `${pathTo(customerList)}?q=${pick(LAST_NAMES)}&limit=20`,
    ),
    read(
      `repair orders by q (name): ${label(repairOrderList)}?q=&limit=20`,
      'search',
      service,
      () => `${pathTo(repairOrderList)}?q=${pick(LAST_NAMES)}&limit=20`,
    ),
    // The first page of each list, as the app asks for it.
    listPage(inventory, carList, '?limit=20'),
    listPage(service, appointmentList, '?limit=25'),
    listPage(service, repairOrderList, '?limit=20'),
    listPage(service, serviceApiRoutes.technicians.list),
    listPage(sales, saleList, '?limit=20'),
    listPage(sales, customerList, '?limit=20'),
    listPage(sales, salesRoutes.salespeople.list),
    // Every report, over the ten years.
    report(inventory, inventoryRoutes.reports.inventoryAging, range),
    report(sales, salesRoutes.reports.salesByMonth, range),
    report(sales, salesRoutes.reports.salesBySalesperson, range),
    report(sales, salesRoutes.reports.grossByDeal, range),
    report(sales, salesRoutes.reports.grossBySalesperson, range),
    report(service, serviceApiRoutes.reports.technicianWeeks, range),
    report(service, serviceApiRoutes.reports.repairOrdersByMonth, months),
    report(service, serviceApiRoutes.reports.technicianEfficiency, months),
  ];
}

export async function driveTenYearRead(read: TenYearRead, method: Method): Promise<TenYearResult> {
  const connections = read.group === 'report' ? REPORT_CONNECTIONS : PAGE_CONNECTIONS;
  method.log(read.name);
  const result = await measure({
    url: read.url,
    connections,
    seconds: method.seconds,
    runs: method.runs,
    next: read.next,
  });
  return {
    name: read.name,
    group: read.group,
    connections,
    ...result,
    target: `p99 < ${read.maxP99Ms} ms, 0 errors`,
    met: result.p99Ms.median < read.maxP99Ms && result.errors === 0,
  };
}

const spreadText = (s: { median: number; min: number; max: number }) => `${s.median} (${s.min}–${s.max})`;

export function formatTenYear(load: LoadTimes, results: TenYearResult[]): string {
  const loadTable = table(
    ['Load step', 's'],
    [
      ...load.steps.map((step) => [step.name, String(step.seconds)]),
      [
        'the load, first row to copies in sync (target < 300 s)',
        `${load.totalSeconds} ${load.totalSeconds < 300 ? 'met' : 'NOT met'}`,
      ],
      [
        "CPU of the loader's Postgres backend over the load (the machine's other work left out)",
        String(load.backendCpuSeconds ?? 'n/a'),
      ],
      ['VACUUM (ANALYZE) after it', String(load.analyzeSeconds)],
    ],
  );
  const rows = table(
    ['Table', 'rows'],
    Object.entries(load.rows).map(([name, n]) => [name, n.toLocaleString('en')]),
  );
  const reads = table(
    [
      'Read (ten years)',
      'connections',
      'req/s median (min–max)',
      'p50 ms',
      'p99 ms median (min–max)',
      'errors',
      'target',
      '',
    ],
    results.map((r) => [
      r.name,
      String(r.connections),
      spreadText(r.requestsPerSecond),
      String(r.p50Ms.median),
      spreadText(r.p99Ms),
      String(r.errors),
      r.target,
      r.met ? 'met' : 'NOT met',
    ]),
  );
  return `${loadTable}\n\n${rows}\n\n${reads}\n`;
}

/**
 * The scenario: a stack of its own on the Postgres server, the ten years loaded, each read measured.
 * `BENCH_PG_LOG=<the server's log file>` also records each read's plans with auto_explain (ten-year-explain.ts).
 */
export async function runTenYear(method: Method): Promise<void> {
  if (!process.env.DATABASE_URL) throw new Error('the ten-year scenario runs on Postgres: set DATABASE_URL');
  method.log('starting the services on postgres');
  const stack = await startBenchStack(process.env.DATABASE_URL);
  let text = '';
  let explained: ExplainedRead[] = [];
  try {
    const only = process.env.TEN_YEAR_ONLY;
    // Every read once on the empty store first: the services prepare their statements on empty
    // tables, and keep them through the load, as a store that grew from nothing would.
    const early = tenYearReads(stack, [1], [1]);
    for (const read of early) {
      const shape = read.next();
      await fetch(`${read.url}${shape.path}`, { headers: shape.headers }).then((res) => res.arrayBuffer());
    }
    method.log('loading ten years of one busy store');
    const load = await loadTenYears(stack, method.log);
    const { salespeople } = await stack.call<{ salespeople: { id: number }[] }>(
      'sales',
      'GET',
      pathTo(salesRoutes.salespeople.list),
    );
    const { technicians } = await stack.call<{ technicians: { id: number }[] }>(
      'service',
      'GET',
      pathTo(serviceApiRoutes.technicians.list),
    );
    const reads = tenYearReads(
      stack,
      salespeople.map((p) => p.id),
      technicians.map((t) => t.id),
    ).filter((read) => !only || read.name.includes(only));
    const results: TenYearResult[] = [];
    for (const read of reads) results.push(await driveTenYearRead(read, method));
    text = formatTenYear(load, results);
    process.stdout.write(`\n${text}\n`);
    if (process.env.BENCH_PG_LOG) explained = await captureExplains(stack, reads, process.env.BENCH_PG_LOG, method.log);
  } finally {
    const keepData = Boolean(process.env.TEN_YEAR_KEEP);
    await stack.stop({ keepData });
    // TEN_YEAR_KEEP=1: the loaded store stays, to read its plans by hand (psql); drop it after.
    if (keepData) method.log(`the loaded store is kept: ${stack.database.url ?? ''}`);
  }
  if (explained.length > 0) {
    const { writeExplains } = await import('./ten-year-explain.js');
    method.log(`plans written to ${writeExplains(explained)}`);
  }
}
