import { sampleVin } from '@carcar/common/vin/vin';
import type { Fixtures } from './data.js';
import { type Spread, spread } from './load.js';
import { inventoryCount, saleRequest, salesRuns, soldInInventory, unsoldCars } from './outbox.js';
import type { Stack } from './stack.js';

// Sales with a trade-in (third round), end to end: `POST /api/sales/` with `trade_in`, until
// inventory shows both cars where the deal put them, the sold car `sold` and the customer's old car
// in stock as used. Measured as the sales end to end scenario is (outbox.ts): the load, then until
// the outbox is empty, and the deals inventory shows complete over that whole time.

/** A VIN family of its own (a Honda code) for trade-ins, so they never meet a car already in stock. */
const TRADE_IN_VIN_PREFIX = '1HGCM8260AA';
/** What every trade-in's VIN starts with (the 9th character is the check digit). */
const TRADE_IN_VIN_FAMILY = TRADE_IN_VIN_PREFIX.slice(0, 8);

export interface DealsEndToEnd {
  /** Deals whose car inventory shows sold and whose trade-in it holds as used, per second, from the first request until the outbox was empty. */
  dealsPerSecond: Spread;
  deals: number;
  drainTailSeconds: number;
  /** The POSTs alone: answered per second during the load, and their median latency. */
  postsPerSecond: Spread;
  postP50Ms: Spread;
  errors: number;
  target: string;
  met: boolean;
}

function usedInInventory(stack: Stack): Promise<number> {
  return inventoryCount(stack, 'condition=used');
}

export async function dealsEndToEnd(
  stack: Stack,
  fixtures: Fixtures,
  options: { connections: number; seconds: number; runs: number },
): Promise<DealsEndToEnd> {
  // Not the trade-ins of an earlier run (in stock too, as used): each deal sells a loaded car.
  const cars = (await unsoldCars(stack)).filter((vin) => !vin.startsWith(TRADE_IN_VIN_FAMILY));
  let nextCar = 0;
  let tradeIn = 0;
  const runs = await salesRuns(
    stack,
    options,
    () => cars[nextCar++],
    (vin) =>
      saleRequest(stack, fixtures, vin, nextCar, {
        trade_in: {
          vin: sampleVin(tradeIn++, TRADE_IN_VIN_PREFIX),
          year: 2016,
          make: 'Honda',
          model: 'Accord',
          color: 'grey',
          odometer: 98_000,
          allowance: 7_500,
          payoff: 2_100.25,
        },
      }),
    // A deal is complete when both of its changes are in: the fewer of the two counts.
    () => Promise.all([soldInInventory(stack), usedInInventory(stack)]),
  );
  const dealsPerSecond = runs.perSecond;
  return {
    dealsPerSecond,
    deals: runs.completed,
    drainTailSeconds: runs.drainTailSeconds,
    postsPerSecond: spread(runs.loads.map((load) => load.requestsPerSecond.median)),
    postP50Ms: spread(runs.loads.map((load) => load.p50Ms.median)),
    errors: runs.errors,
    target: '≥ 500 deals/s with both cars in inventory, 0 errors',
    met: dealsPerSecond.median >= 500 && runs.errors === 0,
  };
}
