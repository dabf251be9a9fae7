import { salesRoutes, serviceApiRoutes } from '@carcar/common/contract/routes';
import { rssMb } from '@carcar/testing/processes';
import { createFixtures, fillInventory, waitForSync } from './data.js';
import { dealsEndToEnd } from './deals.js';
import { startFloorServer } from './floor.js';
import { type Method, measure } from './load.js';
import { measureOpenLoop, type OpenLoopBenchResult } from './open-loop.js';
import { photoUploads } from './photos.js';
import { readRepairOrder, repairOrdersEndToEnd } from './repair-orders.js';
import { formatThirdRound, gatewayAddedP50, type HttpResult, judge, type ThirdRound } from './report.js';
import { getAutomobile, getAutomobileThroughGateway, type HttpScenario } from './scenarios.js';
import { type Stack, startBenchStack } from './stack.js';
import { FOOTPRINT_TARGET_MB, startupFootprint } from './startup.js';
import { runTenYear } from './ten-year.js';

const { create: createRepairOrder, get: getRepairOrder, addLine } = serviceApiRoutes.repairOrders;
const recordSale = salesRoutes.sales.create;
const DEALS = `${recordSale.method} ${recordSale.path} with a trade-in until inventory shows both cars`;

// `npm run bench -w @carcar/bench -- <name>...`: only the named scenarios, on a stack of their own,
// printed and not written to bench/results (latest.* are the full run's). The names:
export const NAMED_SCENARIOS = {
  'repair-orders': `repair orders: create + 3 lines end to end, then ${getRepairOrder.method} ${getRepairOrder.path}`,
  photos: 'a 3 MB JPEG uploaded to an inspection item 500 times, service-api RSS along the way',
  deals: DEALS,
  gateway: 'GET a car by VIN direct and through the gateway (API token), in adjacent pairs: the ratio',
  'open-loop':
    "a car by VIN at a fixed rate: through the gateway and direct at 1,000/s (the gateway's added p50), direct and the machine's floor at 2,000/s",
  footprint:
    'npm start on PGlite: resident memory of every process after the seed and after a browser visited every page',
  'ten-year':
    'ten years of one busy store loaded with SQL (Postgres only), then its pages, histories, searches and reports (ten-year.ts)',
} as const;
export type ScenarioName = keyof typeof NAMED_SCENARIOS;

/** Cars in inventory for the named run's deals: three runs of 5 s, each after a 1 s warm-up, at up to 1,000 deals/s. */
const NAMED_STOCK = 20_000;

export async function driveHttp(scenario: HttpScenario, method: Method): Promise<HttpResult> {
  method.log(scenario.name);
  const result = await measure({ url: scenario.url, ...method, next: scenario.next });
  return { name: scenario.name, connections: method.connections, ...result, ...judge(scenario, result) };
}

/** Repair orders, then their read: the read picks among the orders the write created. */
export async function runRepairOrders(
  stack: Stack,
  stored: number,
  method: Method,
): Promise<Pick<ThirdRound, 'repairOrders' | 'repairOrderRead'>> {
  method.log(
    `repair orders: ${createRepairOrder.method} ${createRepairOrder.path} and 3 × ${addLine.method} ${addLine.path}`,
  );
  const { result, created } = await repairOrdersEndToEnd(stack, { ...method, stored });
  const repairOrderRead = await driveHttp(readRepairOrder(stack, created), method);
  return { repairOrders: result, repairOrderRead };
}

/** Cars for the gateway pairs: the classic bench's 1,000. */
const GATEWAY_STOCK = 1_000;

/**
 * A car by VIN straight to inventory and through the gateway, one after the other in each run
 * (adjacent pairs, so a noisy machine moves both alike): the gateway's share of the direct
 * throughput, issue 31's target being at least half.
 */
async function gatewayRatio(stack: Stack, method: Method): Promise<void> {
  const ratios: number[] = [];
  for (let run = 0; run < method.runs; run++) {
    const once = { ...method, runs: 1 };
    const direct = await driveHttp(getAutomobile(stack, GATEWAY_STOCK), once);
    const through = await driveHttp(getAutomobileThroughGateway(stack, GATEWAY_STOCK, 'token'), once);
    ratios.push(through.requestsPerSecond.median / direct.requestsPerSecond.median);
    method.log(
      `pair ${run + 1}: direct ${Math.round(direct.requestsPerSecond.median)} req/s, through the gateway ${Math.round(
        through.requestsPerSecond.median,
      )} req/s (${(100 * (ratios.at(-1) ?? 0)).toFixed(0)} %)`,
    );
  }
  const sorted = [...ratios].sort((a, b) => a - b);
  const middle = sorted.length / 2;
  const median =
    sorted.length % 2 === 1
      ? (sorted[Math.floor(middle)] ?? 0)
      : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
  method.log(
    `through the gateway / direct, median of ${ratios.length} pairs: ${(100 * median).toFixed(0)} % (target ≥ 50 %)`,
  );
}

/** Cars for the fixed-rate reads: the full bench's 10,000. */
const OPEN_LOOP_STOCK = 10_000;

/** The full bench's fixed-rate rows, alone: to see a change to the request path in two minutes. */
async function openLoopReads(stack: Stack, method: Method): Promise<void> {
  const at = (rate: number, maxP99Ms?: number) => ({
    rate,
    seconds: method.seconds,
    runs: method.runs,
    ...(maxP99Ms === undefined ? {} : { maxP99Ms }),
  });
  const say = (r: OpenLoopBenchResult) =>
    method.log(
      `${r.name}: p50 ${r.p50Ms.median} ms, p99 ${r.p99Ms.median} ms (${r.p99Ms.min}–${r.p99Ms.max}), ${r.errors} errors`,
    );
  const through = await measureOpenLoop(getAutomobileThroughGateway(stack, OPEN_LOOP_STOCK, 'session'), at(1_000, 10));
  say(through);
  const direct = await measureOpenLoop(getAutomobile(stack, OPEN_LOOP_STOCK), at(1_000));
  say(direct);
  const added = gatewayAddedP50(through, direct);
  method.log(`the gateway's added p50 at 1,000/s: ${added.ms} ms (target ${added.target})`);
  say(await measureOpenLoop(getAutomobile(stack, OPEN_LOOP_STOCK), at(2_000, 10)));
  const floor = await startFloorServer();
  try {
    say(await measureOpenLoop(floor.scenario, at(2_000)));
  } finally {
    await floor.stop();
  }
}

export async function runNamed(names: string[], method: Method): Promise<ThirdRound> {
  const unknown = names.filter((name) => !(name in NAMED_SCENARIOS));
  if (unknown.length > 0) {
    const known = Object.entries(NAMED_SCENARIOS).map(([name, what]) => `  ${name}: ${what}`);
    throw new Error(`unknown scenario ${unknown.join(', ')}; the named ones are:\n${known.join('\n')}`);
  }
  if (names.includes('footprint')) {
    method.log('npm start on a fresh DATA_DIR: seeded, then every page visited');
    const { residentMb, totalMb, afterVisit, afterRestart } = await startupFootprint();
    const parts = (mb: Record<string, number>) => Object.entries(mb).map(([part, of]) => `${part} ${of}`);
    method.log(`after the seed: ${totalMb} MB (${parts(residentMb).join(', ')})`);
    for (const [when, visit] of [
      ['', afterVisit],
      [', restarted', afterRestart],
    ] as const) {
      method.log(
        `after a visit of ${visit.pages} pages${when}: ${visit.totalMb} MB RSS (${parts(visit.residentMb).join(', ')}; target < ${FOOTPRINT_TARGET_MB} MB), ${visit.proportionalMb} MB PSS`,
      );
    }
  }
  if (names.includes('ten-year')) await runTenYear(method);
  // The footprint and the ten-year store start stacks of their own; the others share one.
  if (names.every((name) => name === 'ten-year' || name === 'footprint')) return {};
  method.log(`starting the services on ${process.env.DATABASE_URL ? 'postgres' : 'pglite'}`);
  const stack = await startBenchStack(process.env.DATABASE_URL);
  const results: ThirdRound = {};
  try {
    const fixtures = await createFixtures(stack, 20, 100);
    if (names.includes('repair-orders')) Object.assign(results, await runRepairOrders(stack, NAMED_STOCK, method));
    if (names.includes('photos')) {
      method.log('inspection photos: 500 uploads of a 3 MB JPEG per run');
      results.photos = await photoUploads(stack, method.runs, method.log);
    }
    if (names.includes('deals')) {
      method.log(`loading ${NAMED_STOCK.toLocaleString('en')} cars`);
      await fillInventory(stack, fixtures.modelId, NAMED_STOCK);
      await waitForSync(stack);
      method.log(`deals: ${DEALS}`);
      results.deals = await dealsEndToEnd(stack, fixtures, method);
    }
    if (names.includes('gateway')) {
      await fillInventory(stack, fixtures.modelId, GATEWAY_STOCK);
      await gatewayRatio(stack, method);
    }
    if (names.includes('open-loop')) {
      await fillInventory(stack, fixtures.modelId, OPEN_LOOP_STOCK);
      await openLoopReads(stack, method);
    }
    const memory = Object.entries(stack.processes).map(([name, p]) => `${name} ${Math.round(rssMb(p.pid))} MB`);
    memory.push(`load generator ${Math.round(process.memoryUsage.rss() / 2 ** 20)} MB`);
    method.log(`resident memory at the end: ${memory.join(', ')}`);
  } finally {
    await stack.stop();
  }
  process.stdout.write(`\n${formatThirdRound(results)}\n`);
  return results;
}
