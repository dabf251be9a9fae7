// `npm run compare -w @carcar/bench -- <worktree of the commit before>`: this checkout's services
// against another commit's, both running at once on the same Postgres server (DATABASE_URL), the
// scenarios interleaved in short rounds (ABBA order), so both sides meet the same machine, the same
// server state and the same noise. Back-to-back invocations could not show 5 %: the first of a pair
// was the faster whichever code it ran (docs/performance.md). Prepare the other side with
//   git worktree add /tmp/before <commit> && (cd /tmp/before && npm ci)
// Both are built here. BENCH_ROUNDS=8 BENCH_SECONDS=5 BENCH_CONNECTIONS=50 set the rounds;
// COMPARE_ONLY=<text> keeps the scenarios whose name holds it (say `by VIN`, for a gateway change).
import { existsSync } from 'node:fs';
import path from 'node:path';
import { createFixtures, type Fixtures, fillInventory, waitForSync } from './data.js';
import { type LoadOptions, measure } from './load.js';
import { unsoldCars } from './outbox.js';
import { repairOrdersEndToEnd } from './repair-orders.js';
import {
  bookAppointments,
  createAutomobiles,
  getAutomobile,
  getAutomobileThroughGateway,
  type HttpScenario,
  recordSales,
} from './scenarios.js';
import { buildApis, root, type Stack, startBenchStack } from './stack.js';

const rounds = Number(process.env.BENCH_ROUNDS ?? 8);
const seconds = Number(process.env.BENCH_SECONDS ?? 5);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 50);
const only = process.env.COMPARE_ONLY;
/** Cars each side holds: the reads pick among them, the sales sell them. */
const STOCK = 40_000;

const step = (text: string) => process.stdout.write(`· ${text}\n`);

/** One scenario on one side: what it is called, its unit, and one measured run of `seconds`. */
interface Side {
  name: string;
  unit: string;
  run(): Promise<{ perSecond: number; errors: number }>;
}

function http(scenario: HttpScenario): Side {
  const options: LoadOptions = { url: scenario.url, connections, seconds, next: scenario.next };
  return {
    name: scenario.name,
    unit: 'req/s',
    run: async () => {
      const result = await measure({ ...options, runs: 1, expectStatus: scenario.expectStatus });
      return { perSecond: result.requestsPerSecond.median, errors: result.errors };
    },
  };
}

function repairOrders(stack: Stack): Side {
  return {
    name: 'repair order with 3 lines, end to end',
    unit: 'orders/s',
    run: async () => {
      const { result } = await repairOrdersEndToEnd(stack, { connections, seconds, runs: 1, stored: STOCK });
      return { perSecond: result.ordersPerSecond.median, errors: result.errors };
    },
  };
}

/**
 * The sales: each run sells from the cars unsold when it starts (read before the clock starts), so
 * no round runs out of cars and sells one twice, however many rounds there are.
 */
function sales(stack: Stack, fixtures: Fixtures): Side {
  const name = recordSales(stack, fixtures, []).name;
  return {
    name,
    unit: 'req/s',
    run: async () => http(recordSales(stack, fixtures, await unsoldCars(stack))).run(),
  };
}

/** The scenarios of one side, in the same order on both, on a stack loaded alike. */
async function prepare(stack: Stack): Promise<Side[]> {
  const fixtures = await createFixtures(stack, 20, 100);
  await fillInventory(stack, fixtures.modelId, STOCK);
  await waitForSync(stack);
  const all = [
    http(getAutomobile(stack, STOCK)),
    http(getAutomobileThroughGateway(stack, STOCK, 'token')),
    http(createAutomobiles(stack, fixtures)),
    http(bookAppointments(stack, fixtures, STOCK)),
    sales(stack, fixtures),
    repairOrders(stack),
  ];
  const kept = all.filter((side) => !only || side.name.includes(only));
  if (kept.length === 0) throw new Error(`COMPARE_ONLY=${only}: no scenario's name holds it`);
  return kept;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

const percent = (ratio: number) => `${ratio >= 1 ? '+' : '−'}${Math.abs(100 * (ratio - 1)).toFixed(1)} %`;

const other = process.argv[2];
if (!other)
  throw new Error('name the worktree of the commit to compare with: npm run compare -w @carcar/bench -- <folder>');
const before = path.resolve(other);
if (!existsSync(path.join(before, 'node_modules'))) {
  throw new Error(`${before} has no node_modules: run npm ci there first`);
}
if (!process.env.DATABASE_URL) throw new Error('DATABASE_URL: the comparison runs on a Postgres server');

step(`building both: ${before} (before) and ${root} (after)`);
buildApis(before);
buildApis();
step('starting both stacks');
const stacks = {
  before: await startBenchStack(process.env.DATABASE_URL, before),
  after: await startBenchStack(process.env.DATABASE_URL),
};
try {
  step(`loading ${STOCK.toLocaleString('en')} cars and the staff on each side`);
  const sides = { before: await prepare(stacks.before), after: await prepare(stacks.after) };
  const seen = sides.after.map(() => ({
    before: [] as number[],
    after: [] as number[],
    ratios: [] as number[],
    errors: 0,
  }));
  for (let round = 0; round < rounds; round++) {
    // ABBA: each side goes first in half the rounds.
    const order = round % 2 === 0 ? (['before', 'after'] as const) : (['after', 'before'] as const);
    for (const [index, scenario] of sides.after.entries()) {
      const figures = seen[index];
      if (!figures) continue;
      const result = { before: 0, after: 0 };
      for (const side of order) {
        const { perSecond, errors } = await (sides[side][index] ?? scenario).run();
        result[side] = perSecond;
        figures[side].push(perSecond);
        figures.errors += errors;
      }
      figures.ratios.push(result.after / result.before);
      step(
        `round ${round + 1}, ${scenario.name}: before ${Math.round(result.before)}, after ${Math.round(result.after)} ${scenario.unit} (${percent(result.after / result.before)})`,
      );
    }
  }
  const lines = [
    `| scenario | before, median | after, median | after ÷ before, median of ${rounds} rounds | rounds' range | errors |`,
    '| --- | --- | --- | --- | --- | --- |',
  ];
  for (const [index, scenario] of sides.after.entries()) {
    const figures = seen[index];
    if (!figures) continue;
    const ratios = [...figures.ratios].sort((a, b) => a - b);
    lines.push(
      `| ${scenario.name} | ${Math.round(median(figures.before)).toLocaleString('en')} ${scenario.unit} | ${Math.round(median(figures.after)).toLocaleString('en')} ${scenario.unit} | ${percent(median(ratios))} | ${percent(ratios[0] ?? 1)} to ${percent(ratios.at(-1) ?? 1)} | ${figures.errors} |`,
    );
  }
  process.stdout.write(`\n${lines.join('\n')}\n`);
} finally {
  await stacks.before.stop();
  await stacks.after.stop();
}
process.exit(0);
