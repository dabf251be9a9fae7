import { pathTo, serviceApiRoutes } from '@carcar/common/contract/routes';
import { sampleVin } from '@carcar/common/vin/vin';
import type autocannon from 'autocannon';
import { jsonRun, round, type Spread, spread } from './load.js';
import type { HttpScenario } from './scenarios.js';
import type { Stack } from './stack.js';

// Repair orders (third round): an advisor's write-up with its three lines, end to end, and the
// order's read with its totals. Straight to service-api with a reused signed credential, as the
// gateway sends a signed-in advisor's requests.

export interface RepairOrdersResult {
  /** Orders whose create and three line POSTs all answered 201, per second of the run. */
  ordersPerSecond: Spread;
  /** Orders completed in all runs. */
  orders: number;
  /** Requests per second (four per order), for comparison with the other write scenarios. */
  requestsPerSecond: Spread;
  p50Ms: Spread;
  p99Ms: Spread;
  errors: number;
  target: string;
  met: boolean;
}

/** The three lines every order gets: labor at the shop's rate, a part, a fee. */
const LINES = [
  { kind: 'labor', description: 'Replace front brake pads', hours: 1.5 },
  { kind: 'part', description: 'Brake pad set, front', quantity: 2, unit_price: 89.95 },
  { kind: 'fee', description: 'Shop supplies', unit_price: 12.5 },
] as const;

const randomBelow = (n: number) => Math.floor(Math.random() * n);

interface OrderContext {
  orderId?: number;
}

/**
 * One closed-loop run: each connection writes up an order (`POST /api/repair-orders/`), then its
 * three lines (`POST /api/repair-orders/:id/lines/`) one after the other, then the next order.
 * Created order ids are pushed to `created`.
 */
async function runOnce(
  stack: Stack,
  options: { connections: number; seconds: number; stored: number },
  created: number[],
) {
  let orders = 0;
  const line = (index: number): autocannon.Request => ({
    method: 'POST',
    setupRequest: (request, context) => {
      const { orderId } = context as OrderContext;
      return {
        ...request,
        // `undefined` when the order's POST failed: its lines then fail too and count as errors, as before.
        path: pathTo(serviceApiRoutes.repairOrders.addLine, { id: String(orderId) }),
        headers: { ...request.headers, ...stack.credentials.service() },
        body: JSON.stringify(LINES[index]),
      };
    },
    onResponse: (status) => {
      if (index === LINES.length - 1 && status === 201) orders++;
    },
  });
  const result = await jsonRun(stack.service, options, [
    {
      method: 'POST',
      setupRequest: (request) => ({
        ...request,
        path: pathTo(serviceApiRoutes.repairOrders.create),
        headers: { ...request.headers, ...stack.credentials.service() },
        body: JSON.stringify({
          vin: sampleVin(randomBelow(options.stored)),
          customer: { name: 'Bench Customer', phone: '555-010-0000' },
          mileage: 42_000,
          concern: 'Grinding noise when braking',
        }),
      }),
      onResponse: (status, body, context) => {
        if (status !== 201) return;
        const { id } = JSON.parse(body) as { id: number };
        (context as OrderContext).orderId = id;
        created.push(id);
      },
    },
    line(0),
    line(1),
    line(2),
  ]);
  return {
    ordersPerSecond: orders / options.seconds,
    orders,
    requestsPerSecond: result.requests.average,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    // A refused write-up is a non-2xx too; its lines then answer 404 and count as well.
    errors: result.errors + result.timeouts + result.non2xx,
  };
}

/** A 1 s warm-up (its errors count), then `runs` runs; the created orders' ids come back for the read. */
export async function repairOrdersEndToEnd(
  stack: Stack,
  options: { connections: number; seconds: number; runs: number; stored: number },
): Promise<{ result: RepairOrdersResult; created: number[] }> {
  const created: number[] = [];
  const warmUp = await runOnce(stack, { ...options, seconds: 1 }, created);
  const runs = [];
  for (let i = 0; i < options.runs; i++) runs.push(await runOnce(stack, options, created));
  const ordersPerSecond = spread(runs.map((run) => run.ordersPerSecond));
  const errors = runs.reduce((sum, run) => sum + run.errors, warmUp.errors);
  return {
    created,
    result: {
      ordersPerSecond,
      orders: runs.reduce((sum, run) => sum + run.orders, 0),
      requestsPerSecond: spread(runs.map((run) => round(run.requestsPerSecond))),
      p50Ms: spread(runs.map((run) => run.p50Ms)),
      p99Ms: spread(runs.map((run) => run.p99Ms)),
      errors,
      target: '≥ 400 orders/s (create + 3 lines), 0 errors',
      met: ordersPerSecond.median >= 400 && errors === 0,
    },
  };
}

const getRepairOrder = serviceApiRoutes.repairOrders.get;

/** An order with its lines and totals, a random one of those the write scenario created. */
export function readRepairOrder(stack: Stack, ids: number[]): HttpScenario {
  if (ids.length === 0) throw new Error('no repair orders to read: the write scenario created none');
  return {
    name: `${getRepairOrder.method} ${getRepairOrder.path} (an order with 3 lines and its totals, ${ids.length.toLocaleString('en')} orders)`,
    url: stack.service,
    next: () => ({
      method: 'GET',
      path: pathTo(getRepairOrder, { id: String(ids[randomBelow(ids.length)]) }),
      headers: stack.credentials.service(),
    }),
    target: { minRequestsPerSecond: 2_000, zeroErrors: true },
  };
}
