import { sampleVin } from '@carcar/common/vin/vin';
import { count } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { salesAutomobileStore } from '../src/automobiles/store.js';
import { outbox, salesRecords } from '../src/db/schema.js';
import { addCustomer, addSalesperson, type SalesApi, startSalesApi, stockCars } from './helpers.js';

let sales: SalesApi;
let person: { id: number };
let customer: { id: number };
beforeAll(async () => {
  sales = await startSalesApi();
  person = await addSalesperson(sales);
  customer = await addCustomer(sales);
});
afterAll(() => sales.close());

async function counts() {
  const [s] = await sales.db.select({ n: count() }).from(salesRecords);
  const [o] = await sales.db.select({ n: count() }).from(outbox);
  return { sales: s?.n, outbox: o?.n };
}

const sale = (vin: string, extra: Record<string, unknown> = {}) => ({
  automobile: vin,
  salesperson: person.id,
  customer: customer.id,
  price: 25999.99,
  ...extra,
});

describe('sales', () => {
  it('records a sale with the classic JSON, marks the car sold and queues the inventory update', async () => {
    const vin = sampleVin(100);
    await stockCars(sales, [vin]);
    const res = await sales.api().post('/api/sales/').send(sale(vin.toLowerCase())).expect(201);
    const salesperson = (await sales.api().get(`/api/salespeople/${person.id}/`)).body;
    const buyer = (await sales.api().get(`/api/customers/${customer.id}/`)).body;
    expect(res.body).toEqual({
      id: res.body.id,
      price: 25999.99,
      sold_at: expect.any(String),
      automobile: { vin, sold: true },
      salesperson,
      customer: buyer,
    });
    await sales.api().get(`/api/sales/${res.body.id}/`).expect(200, res.body);
    expect((await sales.api().get('/api/sales/').expect(200)).body.sales).toContainEqual(res.body);
    const autos = (await sales.api().get('/api/automobiles/?sold=false').expect(200)).body.autos as { vin: string }[];
    expect(autos.map((a) => a.vin)).not.toContain(vin);
    const rows = await sales.db.select().from(outbox);
    expect(rows.map((r) => [r.vin, r.sold])).toContainEqual([vin, true]);
  });

  it('refuses a second sale of a sold car with 409, writing nothing', async () => {
    const vin = sampleVin(101);
    await stockCars(sales, [vin]);
    await sales.api().post('/api/sales/').send(sale(vin)).expect(201);
    const before = await counts();
    const res = await sales
      .api()
      .post('/api/sales/')
      .send(sale(vin, { price: 1 }))
      .expect(409);
    expect(res.body).toMatchObject({ code: 'conflict', message: expect.stringContaining(vin) });
    expect(await counts()).toEqual(before);
  });

  it('gives exactly one of 50 concurrent sales of one car', async () => {
    const vin = sampleVin(102);
    await stockCars(sales, [vin]);
    const before = await counts();
    const results = await Promise.all(
      Array.from({ length: 50 }, () => sales.api().post('/api/sales/').send(sale(vin))),
    );
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(49);
    expect(await counts()).toEqual({ sales: (before.sales ?? 0) + 1, outbox: (before.outbox ?? 0) + 1 });
  });

  it('voids a sale: the car is available again and inventory will be told, in order', async () => {
    const vin = sampleVin(103);
    await stockCars(sales, [vin]);
    const created = (await sales.api().post('/api/sales/').send(sale(vin)).expect(201)).body;
    const voided = await sales.api().delete(`/api/sales/${created.id}/`).expect(200);
    expect(voided.body).toEqual({ ...created, automobile: { vin, sold: false } });
    await sales.api().get(`/api/sales/${created.id}/`).expect(404);
    await sales.api().delete(`/api/sales/${created.id}/`).expect(404);
    const queued = (await sales.db.select().from(outbox)).filter((r) => r.vin === vin);
    expect(queued.map((r) => r.sold)).toEqual([true, false]);
    const autos = (await sales.api().get('/api/automobiles/?sold=false').expect(200)).body.autos as { vin: string }[];
    expect(autos.map((a) => a.vin)).toContain(vin);
    // And it can be sold again.
    await sales.api().post('/api/sales/').send(sale(vin)).expect(201);
  });

  it('keeps its own sold flag while the outbox row is pending, then follows inventory again', async () => {
    const vin = sampleVin(104);
    const [car] = await stockCars(sales, [vin]);
    await sales.api().post('/api/sales/').send(sale(vin)).expect(201);
    // An older feed entry (sold: false) arrives before inventory has heard of the sale.
    await salesAutomobileStore(sales.db).apply(
      [{ ...(car as NonNullable<typeof car>), seq: 10_000, color: 'blue' }],
      10_000,
    );
    const [auto] = (await sales.api().get('/api/automobiles/').expect(200)).body.autos.filter(
      (a: { vin: string }) => a.vin === vin,
    );
    expect(auto).toMatchObject({ vin, sold: true, color: 'blue' });
    await sales.db.delete(outbox);
    await salesAutomobileStore(sales.db).apply(
      [{ ...(car as NonNullable<typeof car>), seq: 10_001, sold: true }],
      10_001,
    );
    await salesAutomobileStore(sales.db).apply(
      [{ ...(car as NonNullable<typeof car>), seq: 10_002, sold: false }],
      10_002,
    );
    const [after] = (await sales.api().get('/api/automobiles/').expect(200)).body.autos.filter(
      (a: { vin: string }) => a.vin === vin,
    );
    expect(after.sold).toBe(false);
  });

  it('filters by salesperson and customer', async () => {
    const other = await addSalesperson(sales);
    const vin = sampleVin(105);
    await stockCars(sales, [vin]);
    const mine = (
      await sales
        .api()
        .post('/api/sales/')
        .send(sale(vin, { salesperson: other.id, price: '18000.5' }))
        .expect(201)
    ).body;
    expect(mine.price).toBe(18000.5);
    const list = await sales.api().get(`/api/sales/?salesperson=${other.id}`).expect(200);
    expect(list.body).toEqual({ sales: [mine] });
    expect(list.headers['x-total-count']).toBe('1');
    const byCustomer = await sales.api().get(`/api/sales/?customer=${customer.id}&limit=2`).expect(200);
    expect(byCustomer.body.sales).toHaveLength(2);
    expect(Number(byCustomer.headers['x-total-count'])).toBeGreaterThan(2);
  });

  it('lists the local AutomobileVO copy for the sale form', async () => {
    const vin = sampleVin(106);
    await stockCars(sales, [vin], { year: 2024, color: 'white' });
    const res = await sales.api().get('/api/automobiles/?sold=false').expect(200);
    expect(res.body.autos).toContainEqual({
      vin,
      sold: false,
      year: 2024,
      color: 'white',
      model: 'Camry',
      manufacturer: 'Toyota',
    });
    await sales.api().get('/api/automobiles/?sold=perhaps').expect(400);
  });

  it('finds one car of the copy by VIN, in any case, and answers an empty list for a car it lacks', async () => {
    const vin = sampleVin(107);
    await stockCars(sales, [vin]);
    const found = await sales.api().get(`/api/automobiles/?vin=${vin.toLowerCase()}`).expect(200);
    expect(found.body.autos.map((a: { vin: string }) => a.vin)).toEqual([vin]);
    expect(found.headers['x-total-count']).toBe('1');
    const missing = await sales
      .api()
      .get(`/api/automobiles/?vin=${sampleVin(108)}`)
      .expect(200);
    expect(missing.body).toEqual({ autos: [] });
    const tooLong = await sales
      .api()
      .get(`/api/automobiles/?vin=${'X'.repeat(18)}`)
      .expect(400);
    expect(tooLong.body.errors[0].path).toBe('vin');
  });

  describe('bad input: 4xx JSON naming the field, nothing written', () => {
    it.each([
      ['a negative price', { price: -1 }, 'price'],
      ['a price with 3 decimals', { price: 10.999 }, 'price'],
      ['a price string with 3 decimals', { price: '10.999' }, 'price'],
      ['a price over 10,000,000', { price: 10_000_000.01 }, 'price'],
      ['a price that is not a number', { price: 'lots' }, 'price'],
      ['a missing price', { price: undefined }, 'price'],
      ['a malformed VIN', { automobile: 'NOT-A-VIN' }, 'automobile'],
      ['a VIN with a wrong check digit', { automobile: '1G1YZ23J9P5800003' }, 'automobile'],
      ['a VIN unknown to inventory', { automobile: sampleVin(999) }, 'automobile'],
      ['an unknown salesperson', { salesperson: 424242 }, 'salesperson'],
      ['an unknown customer', { customer: 424242 }, 'customer'],
      ['a salesperson of the wrong type', { salesperson: 'Sam' }, 'salesperson'],
    ])('%s', async (_label, change, path) => {
      const vin = sampleVin(200);
      await stockCars(sales, [vin]);
      const before = await counts();
      const res = await sales
        .api()
        .post('/api/sales/')
        .send({ ...sale(vin), ...change })
        .expect(400);
      expect(res.body).toMatchObject({ message: 'Invalid request', code: 'validation_error' });
      expect(res.body.errors.map((e: { path: string }) => e.path)).toContain(path);
      expect(await counts()).toEqual(before);
    });

    it('accepts the boundary prices 0 and 10,000,000', async () => {
      for (const [i, price] of [0, 10_000_000].entries()) {
        const vin = sampleVin(300 + i);
        await stockCars(sales, [vin]);
        expect((await sales.api().post('/api/sales/').send(sale(vin, { price })).expect(201)).body.price).toBe(price);
      }
    });

    it('answers 404 for unknown sales and 400 for bad filters', async () => {
      await sales.api().get('/api/sales/987654/').expect(404);
      await sales.api().delete('/api/sales/987654/').expect(404);
      await sales.api().get('/api/sales/?salesperson=abc').expect(400);
    });
  });
});
