import { sampleVin } from '@carcar/common/vin/vin';
import { asRole } from '@carcar/testing/credentials';
import { testAppOptions } from '@carcar/testing/test-app';
import { asc, eq } from 'drizzle-orm';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { createApp } from '../src/app.js';
import { outbox, salesRecords } from '../src/db/schema.js';
import { answerCheck, salesWithParties, stockCars } from './helpers.js';

// The sales desk: a sale's trade-in, fees, tax, down payment and financing, the deal computed from
// them, the front gross for managers, and the outbox rows that carry the trade-in to inventory.

const desk = salesWithParties();

const sale = (vin: string, extra: Record<string, unknown> = {}) => ({
  automobile: vin,
  salesperson: desk.person.id,
  customer: desk.customer.id,
  price: '25000.00',
  ...extra,
});

/** A sale recorded as an administrator. */
const record = (body: Record<string, unknown>) => desk.sales.api().post('/api/sales/').send(body);

const tradeIn = (vin: string, extra: Record<string, unknown> = {}) => ({
  vin,
  year: 2015,
  make: 'Honda',
  model: 'Civic',
  odometer: 98000,
  allowance: 8000,
  ...extra,
});

async function counts() {
  return {
    sales: (await desk.sales.db.select().from(salesRecords)).length,
    outbox: (await desk.sales.db.select().from(outbox)).length,
  };
}

describe('a deal with a trade-in, fees, tax, a down payment and financing', () => {
  it('answers the deal by the contract formulas and queues the trade-in for inventory with the sale', async () => {
    const vin = sampleVin(7000);
    const traded = sampleVin(7001);
    await stockCars(desk.sales, [vin]);
    const res = await record(
      sale(vin, {
        trade_in: tradeIn(traded.toLowerCase(), { payoff: '10000', color: 'blue' }),
        fees: [{ name: 'Documentation', amount: 500 }],
        tax_rate: 7.25,
        down_payment: '1000',
        financing: { apr: 5.9, term_months: 60 },
      }),
    ).expect(201);
    // The traded car as the sale and the outbox row both describe it (its VIN in capitals).
    const car = { vin: traded, year: 2015, make: 'Honda', model: 'Civic', color: 'blue', odometer: 98000 };
    expect(res.body.trade_in).toEqual({ ...car, allowance: 8000, payoff: 10000 });
    expect(res.body.fees).toEqual([{ name: 'Documentation', amount: 500 }]);
    expect(res.body.deal).toEqual({
      price: 25000,
      fees_total: 500,
      trade_allowance: 8000,
      trade_payoff: 10000,
      taxable: 17500,
      tax_rate: 7.25,
      tax: 1268.75,
      down_payment: 1000,
      amount_financed: 27768.75,
      apr: 5.9,
      term_months: 60,
      monthly_payment: 535.56,
      total_of_payments: 32133.6,
    });
    await desk.sales.api().get(`/api/sales/${res.body.id}/`).expect(200, res.body);

    const rows = await desk.sales.db.select().from(outbox).orderBy(asc(outbox.id));
    // One row per VIN (two VINs: their order between them does not matter, only within each).
    const mine = rows
      .filter((row) => row.vin === vin || row.vin === traded)
      .sort((a, b) => a.kind.localeCompare(b.kind));
    expect(mine.map((row) => [row.vin, row.kind, row.sold])).toEqual([
      [vin, 'sold', true],
      [traded, 'trade_in', null],
    ]);
    expect(mine[1]?.payload).toEqual({ sale_id: res.body.id, ...car, allowance: '8000.00' });
  });

  it('takes the tax rate from SALES_TAX_RATE when the sale names none, also for a classic sale', async () => {
    const app = createApp({
      db: desk.sales.db,
      ...(await testAppOptions('sales-api', answerCheck)),
      salesTaxRate: 72_500,
    });
    const vin = sampleVin(7010);
    await stockCars(desk.sales, [vin]);
    const res = await request(app)
      .post('/api/sales/')
      .set(await asRole('admin', 'sales-api'))
      .send(sale(vin, { price: 10000 }))
      .expect(201);
    expect(res.body.deal).toMatchObject({ tax_rate: 7.25, taxable: 10000, tax: 725, amount_financed: 10725 });
    expect(res.body.trade_in).toBeNull();
  });

  it('refuses financing with nothing to finance with 400 on financing, writing nothing', async () => {
    const vin = sampleVin(7020);
    await stockCars(desk.sales, [vin]);
    const before = await counts();
    const res = await record(sale(vin, { down_payment: 25000, financing: { apr: 4, term_months: 36 } })).expect(400);
    expect(res.body.errors).toEqual([{ path: 'financing', message: expect.stringMatching(/nothing to finance/) }]);
    expect(await counts()).toEqual(before);
  });

  it.each([
    [{ trade_in: tradeIn('NOTAVIN') }, 'trade_in.vin'],
    [{ trade_in: tradeIn(sampleVin(7031), { allowance: -1 }) }, 'trade_in.allowance'],
    [{ fees: [{ name: '', amount: 5 }] }, 'fees.0.name'],
    [{ fees: [{ name: 'Doc', amount: '1.001' }] }, 'fees.0.amount'],
    [{ tax_rate: 101 }, 'tax_rate'],
    [{ financing: { apr: 5, term_months: 0 } }, 'financing.term_months'],
    [{ down_payment: 'some' }, 'down_payment'],
  ])('refuses %j with 400 on %s', async (extra, path) => {
    const vin = sampleVin(7030);
    await stockCars(desk.sales, [vin]);
    const before = await counts();
    const res = await record(sale(vin, extra)).expect(400);
    expect(res.body.errors.map((error: { path: string }) => error.path)).toContain(path);
    expect(await counts()).toEqual(before);
  });

  it('refuses the car itself as its trade-in, and a trade-in VIN in stock unsold or already traded in (409)', async () => {
    const [vin, inStock, other, traded] = [sampleVin(7040), sampleVin(7041), sampleVin(7042), sampleVin(7043)];
    await stockCars(desk.sales, [vin, inStock, other]);
    const self = await record(sale(vin, { trade_in: tradeIn(vin) })).expect(400);
    expect(self.body.errors[0].path).toBe('trade_in.vin');
    const before = await counts();
    const taken = await record(sale(vin, { trade_in: tradeIn(inStock) })).expect(409);
    expect(taken.body.errors).toEqual([{ path: 'trade_in.vin', message: expect.stringContaining(inStock) }]);
    expect(await counts()).toEqual(before);
    // A trade-in on its way to inventory through another deal cannot be traded in again.
    await record(sale(vin, { trade_in: tradeIn(traded) })).expect(201);
    await record(sale(other, { trade_in: tradeIn(traded) })).expect(409);
  });
});

describe('front gross', () => {
  it('is price − the car’s cost (from the feed) for managers and administrators only', async () => {
    const vin = sampleVin(7100);
    await stockCars(desk.sales, [vin], { cost: 21000.5 });
    const me = await asRole('sales', 'sales-api', { id: 'desk-seller', salesperson_id: desk.person.id });
    const recorded = await request(desk.sales.app).post('/api/sales/').set(me).send(sale(vin)).expect(201);
    expect(recorded.body).not.toHaveProperty('front_gross');
    for (const role of ['admin', 'manager'] as const) {
      const one = await desk.sales.api(role).get(`/api/sales/${recorded.body.id}/`).expect(200);
      expect(one.body.front_gross).toBe(3999.5);
      const list = await desk.sales.api(role).get(`/api/sales/?vin=${vin}`).expect(200);
      expect(list.body.sales[0].front_gross).toBe(3999.5);
      const csv = await desk.sales.api(role).get(`/api/sales/?vin=${vin}`).set('Accept', 'text/csv').expect(200);
      expect(csv.text.split('\r\n')[0]).toContain('front_gross');
    }
    const own = await request(desk.sales.app).get(`/api/sales/${recorded.body.id}/`).set(me).expect(200);
    expect(own.body).not.toHaveProperty('front_gross');
    const ownList = await request(desk.sales.app).get(`/api/sales/?vin=${vin}`).set(me).expect(200);
    expect(ownList.body.sales[0]).not.toHaveProperty('front_gross');
    const ownCsv = await request(desk.sales.app)
      .get(`/api/sales/?vin=${vin}`)
      .set(me)
      .set('Accept', 'text/csv')
      .expect(200);
    expect(ownCsv.text).not.toContain('front_gross');
    expect(ownCsv.text).not.toContain('21000');
  });
});

describe('voiding a deal with a trade-in', () => {
  it('queues the trade-in’s removal after its arrival, in order for its VIN', async () => {
    const [vin, traded] = [sampleVin(7200), sampleVin(7201)];
    await stockCars(desk.sales, [vin]);
    const res = await record(sale(vin, { trade_in: tradeIn(traded) })).expect(201);
    await desk.sales.api().delete(`/api/sales/${res.body.id}/`).expect(200);
    const rows = await desk.sales.db.select().from(outbox).where(eq(outbox.vin, traded)).orderBy(asc(outbox.id));
    expect(rows.map((row) => [row.kind, row.payload])).toEqual([
      ['trade_in', expect.objectContaining({ sale_id: res.body.id })],
      ['trade_in_remove', { sale_id: res.body.id }],
    ]);
  });

  it('is 409 once the trade-in has been sold since, and changes nothing', async () => {
    const [vin, traded] = [sampleVin(7210), sampleVin(7211)];
    await stockCars(desk.sales, [vin]);
    const res = await record(sale(vin, { trade_in: tradeIn(traded) })).expect(201);
    // The trade-in arrives in inventory and comes back through the feed; then it is sold.
    await stockCars(desk.sales, [traded]);
    await record(sale(traded)).expect(201);
    const before = await counts();
    const refused = await desk.sales.api().delete(`/api/sales/${res.body.id}/`).expect(409);
    expect(refused.body.errors).toEqual([{ path: 'trade_in.vin', message: expect.stringMatching(/sold since/) }]);
    expect(await counts()).toEqual(before);
    await desk.sales.api().get(`/api/sales/${res.body.id}/`).expect(200);
  });
});
