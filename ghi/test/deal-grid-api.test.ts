// @vitest-environment node
import { dealJson } from '@carcar/common/contract/deal';
import { sampleVin } from '@carcar/common/vin/vin';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addCustomer, addSalesperson, type SalesApi, startSalesApi, stockCars } from '../../sales-api/test/helpers';
import { type DealFields, dealOf, type FeeRow, type Financing, saleBody } from '../src/features/sales/deal-form';
import { deskDeals } from './desk-deals';

// The desk's figures against the Sales API's: deals typed as a salesperson types them, built into
// the request by the app's own saleBody and computed by the app's own dealOf (computeDeal on the
// text parsed to cents), then recorded by the real API. Every figure the API stores must be the
// one the screen showed, to the cent, on 1,000 generated deals.

let sales: SalesApi;
let parties: { salesperson: string; customer: string };

beforeAll(async () => {
  sales = await startSalesApi();
  parties = {
    salesperson: String((await addSalesperson(sales)).id),
    customer: String((await addCustomer(sales)).id),
  };
});
afterAll(() => sales?.close());

/** A small seeded generator (mulberry32): the same 1,000 deals every run, so a failure repeats. */
function random(seed: number) {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Money as typed on the desk: whole dollars, or with one or two decimals. */
function typedMoney(next: () => number, maxDollars: number): string {
  const cents = Math.floor(next() * maxDollars * 100);
  const style = next();
  if (style < 0.3) return String(Math.floor(cents / 100));
  if (style < 0.4) return `${Math.floor(cents / 100)}.${Math.floor((cents % 100) / 10)}`;
  return `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;
}

function typedRate(next: () => number, maxPercent: number): string {
  const units = Math.floor(next() * maxPercent * 10_000);
  const decimals = Math.floor(next() * 5);
  const whole = Math.floor(units / 10_000);
  if (decimals === 0) return String(whole);
  return `${whole}.${String(units % 10_000)
    .padStart(4, '0')
    .slice(0, decimals)}`;
}

function generate(index: number, next: () => number): { fields: DealFields; financing: Financing | null } {
  const fees: FeeRow[] = Array.from({ length: Math.floor(next() * 4) }, (_, key) => ({
    key,
    name: `Fee ${key + 1}`,
    amount: typedMoney(next, 1500),
  }));
  const tradeIn =
    next() < 0.5
      ? {
          vin: sampleVin(index, '2T1BURHE0JC'),
          year: String(2000 + Math.floor(next() * 25)),
          make: 'Toyota',
          model: 'Corolla',
          color: next() < 0.5 ? 'silver' : '',
          odometer: String(Math.floor(next() * 200_000)),
          allowance: typedMoney(next, 30_000),
          payoff: next() < 0.5 ? typedMoney(next, 25_000) : '',
        }
      : null;
  const fields: DealFields = {
    price: typedMoney(next, 120_000),
    fees,
    taxRate: typedRate(next, 12),
    downPayment: next() < 0.6 ? typedMoney(next, 20_000) : '',
    tradeIn,
  };
  const terms = [12, 24, 36, 48, 60, 72, 84, 96];
  const financing =
    next() < 0.8 ? { apr: typedRate(next, 25), termMonths: terms[Math.floor(next() * terms.length)] ?? 60 } : null;
  return { fields, financing };
}

async function record(vin: string, fields: DealFields, financing: Financing | null) {
  return sales
    .api()
    .post('/api/sales/')
    .send(saleBody({ automobile: vin, ...parties }, fields, financing));
}

describe('the desk computes every deal to the cent the Sales API stores', () => {
  it('for the worked deals the screen tests show', async () => {
    const vins = deskDeals.map((_, index) => sampleVin(index, '5YJ3E1EA0KF'));
    await stockCars(sales, vins);
    for (const [index, deal] of deskDeals.entries()) {
      const fields = deal.fields.tradeIn
        ? { ...deal.fields, tradeIn: { ...deal.fields.tradeIn, vin: sampleVin(900_000 + index, '2T1BURHE0JC') } }
        : deal.fields;
      const res = await record(vins[index] ?? '', fields, deal.financing);
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      expect(res.body.deal).toMatchObject(deal.api);
      expect(res.body.deal).toEqual(dealJson(dealOf(fields, deal.financing)?.deal ?? ({} as never)));
    }
  });

  it('on 1,000 generated deals: the same figures, and 400 on financing exactly when the screen finds nothing to finance', async () => {
    const next = random(20261206);
    const vins = Array.from({ length: 1000 }, (_, index) => sampleVin(index, '1FTFW1ET0DF'));
    await stockCars(sales, vins);
    let refused = 0;
    for (const [index, vin] of vins.entries()) {
      const { fields, financing } = generate(index, next);
      const screen = dealOf(fields, financing);
      if (!screen) throw new Error(`deal ${index} does not parse: ${JSON.stringify(fields)}`);
      const res = await record(vin, fields, financing);
      if (screen.problem) {
        refused++;
        expect(res.status, `deal ${index}`).toBe(400);
        expect(res.body.errors.map((e: { path: string }) => e.path)).toContain('financing');
        continue;
      }
      expect(res.status, `deal ${index}: ${JSON.stringify(res.body)}`).toBe(201);
      expect(res.body.deal, `deal ${index}`).toEqual(dealJson(screen.deal));
    }
    // Both kinds of deal were tried.
    expect(refused).toBeGreaterThan(0);
    expect(refused).toBeLessThan(500);
  });
});
