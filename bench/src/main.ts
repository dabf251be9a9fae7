// The performance benchmark: `npm run bench` (on the Postgres server named by DATABASE_URL, else PGlite).
// It builds the APIs, starts one process per service on a fresh database, loads data, drives each
// scenario with autocannon, prints Markdown tables and writes bench/results/latest.json.
//   BENCH_RUNS=3 BENCH_SECONDS=5 BENCH_CONNECTIONS=50 BENCH_IDLE_SECONDS=60 BENCH_LARGE_STOCK=100000
// (a smaller large stock makes a quick run on PGlite, which loads its cars through the API)
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { rssMb } from '@carcar/testing/processes';
import { measureBundle } from './bundle.js';
import { createFixtures, fillInventory, waitForSync } from './data.js';
import { measure, spread } from './load.js';
import { type BenchResults, formatResults, type HttpResult, judge } from './report.js';
import {
  bookAppointments,
  createAutomobiles,
  getAutomobile,
  getAutomobileFreshCredentials,
  getAutomobileThroughGateway,
  type HttpScenario,
  listAutomobiles,
  recordSales,
  SYNC_PROBE_SERIALS_START,
  salesBySalesperson,
  serviceHistory,
} from './scenarios.js';
import { buildApis, root, startBenchStack } from './stack.js';
import { startupTimes } from './startup.js';
import { type IdleCost, measureIdleCost, measureSyncLag, sameCost } from './sync.js';

const runs = Number(process.env.BENCH_RUNS ?? 3);
const seconds = Number(process.env.BENCH_SECONDS ?? 5);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 50);
const idleSeconds = Number(process.env.BENCH_IDLE_SECONDS ?? 60);
const largeStock = Number(process.env.BENCH_LARGE_STOCK ?? 100_000);
const SYNC_LAG_CARS = 200;

const step = (text: string) => process.stdout.write(`· ${text}\n`);

async function drive(scenario: HttpScenario): Promise<HttpResult> {
  step(scenario.name);
  const result = await measure({ url: scenario.url, connections, seconds, runs, next: scenario.next });
  return { name: scenario.name, connections, ...result, ...judge(scenario, result) };
}

step('building the APIs and the browser app');
buildApis();
const bundle = measureBundle();
step('start-up: npm start on a fresh DATA_DIR, first on this machine and later');
const startupFirst = spread(await startupTimes(runs, true));
const startupLater = spread(await startupTimes(runs, false));

step(`starting the services on ${process.env.DATABASE_URL ? 'postgres' : 'pglite'}`);
const stack = await startBenchStack(process.env.DATABASE_URL);
const { database } = stack;
const http: HttpResult[] = [];
const idlePoll: IdleCost[] = [];
let syncLag: Awaited<ReturnType<typeof measureSyncLag>>;
const memoryMbAtEnd: Record<string, number> = {};
try {
  const fixtures = await createFixtures(stack, 20, 100);

  step('idle poll cost at 1,000 cars');
  await fillInventory(stack, fixtures.modelId, 1_000);
  idlePoll.push(await measureIdleCost(stack, database, 1_000, idleSeconds));

  await fillInventory(stack, fixtures.modelId, 10_000);
  http.push(await drive(listAutomobiles(stack, 10_000)));
  http.push(await drive(getAutomobile(stack, 10_000)));
  http.push(await drive(getAutomobileThroughGateway(stack, 10_000, 'token')));
  http.push(await drive(getAutomobileThroughGateway(stack, 10_000, 'session')));
  http.push(await drive(await getAutomobileFreshCredentials(stack, 10_000)));
  http.push(await drive(createAutomobiles(stack, fixtures)));
  http.push(await drive(bookAppointments(stack, fixtures, 10_000)));
  await waitForSync(stack);
  const { autos } = await stack.call<{ autos: { vin: string }[] }>('sales', 'GET', '/api/automobiles/?sold=false');
  http.push(
    await drive(
      recordSales(
        stack,
        fixtures,
        autos.map((auto) => auto.vin),
      ),
    ),
  );
  await waitForSync(stack);
  http.push(await drive(serviceHistory(stack, 10_000)));
  http.push(await drive(salesBySalesperson(stack, fixtures)));

  step(`sync lag: ${SYNC_LAG_CARS} cars one by one`);
  syncLag = await measureSyncLag(stack, fixtures, SYNC_LAG_CARS, SYNC_PROBE_SERIALS_START);

  step(`loading ${largeStock.toLocaleString('en')} cars`);
  await fillInventory(stack, fixtures.modelId, largeStock);
  step(`idle poll cost at ${largeStock.toLocaleString('en')} cars`);
  idlePoll.push(await measureIdleCost(stack, database, largeStock, idleSeconds));
  http.push(await drive(listAutomobiles(stack, largeStock)));
  for (const [name, spawned] of Object.entries(stack.processes)) memoryMbAtEnd[name] = Math.round(rssMb(spawned.pid));
} finally {
  await stack.stop();
}

const [idleSmall, idleLarge] = idlePoll as [IdleCost, IdleCost];
const results: BenchResults = {
  date: new Date().toISOString(),
  machine: {
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model ?? 'unknown',
    memoryGb: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
  },
  database: database.kind,
  method: {
    runs,
    secondsPerRun: seconds,
    connections,
    loadGenerator: 'autocannon in the bench process, on the same machine as the services and the database',
  },
  http,
  syncLag: { ...syncLag, target: 'p99 < 1000 ms', met: syncLag.service.p99Ms < 1000 && syncLag.sales.p99Ms < 1000 },
  idlePoll,
  idlePollIndependentOfSize: sameCost(idleSmall, idleLarge, idleSeconds),
  startupSeconds: {
    firstOnMachine: startupFirst,
    later: startupLater,
    target: '< 10 s',
    met: startupFirst.median < 10 && startupLater.median < 10,
  },
  bundle: { ...bundle, target: 'initial JS < 200 kB gzip', met: bundle.initialJsGzipKb < 200 },
  memoryMbAtEnd,
};

const text = formatResults(results);
process.stdout.write(`\n${text}`);
const dir = path.join(root, 'bench', 'results');
mkdirSync(dir, { recursive: true });
writeFileSync(path.join(dir, 'latest.json'), `${JSON.stringify(results, null, 2)}\n`);
writeFileSync(path.join(dir, 'latest.md'), text);
step(`written to bench/results/latest.json and latest.md`);
