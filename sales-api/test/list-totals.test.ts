import { sampleVin } from '@carcar/common/vin/vin';
import { count, isNull, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { customers, salesRecords } from '../src/db/schema.js';
import { addCustomer, salesWithParties, stockCars } from './helpers.js';

// The unfiltered sales list's totals (the live sales, and every sale) and the customers' come from
// counters kept by triggers (common/src/db/row-counts.ts), not from a count of every row: they must
// still equal the tables as rows are written at once, voided and deleted.

const desk = salesWithParties();

const totalOf = async (path: string) => Number((await desk.sales.api().get(path).expect(200)).headers['x-total-count']);

async function stored() {
  const [all] = await desk.sales.db.select({ n: count() }).from(salesRecords);
  const [live] = await desk.sales.db.select({ n: count() }).from(salesRecords).where(isNull(salesRecords.voidedAt));
  return { all: all?.n, live: live?.n };
}

describe("the sales list's total", () => {
  it('follows sales recorded at once and voided, live and with the voided ones', async () => {
    const vins = Array.from({ length: 10 }, (_, n) => sampleVin(700 + n));
    await stockCars(desk.sales, vins);
    const recorded = await Promise.all(
      vins.map((vin) =>
        desk.sales
          .api()
          .post('/api/sales/')
          .send({ automobile: vin, salesperson: desk.person.id, customer: desk.customer.id, price: 19999.99 })
          .expect(201),
      ),
    );
    expect(await stored()).toEqual({ all: 10, live: 10 });
    expect(await totalOf('/api/sales/?limit=3')).toBe(10);
    for (const res of recorded.slice(0, 3)) {
      await desk.sales.api().delete(`/api/sales/${res.body.id}/?reason=Financing%20fell%20through`).expect(200);
    }
    expect(await stored()).toEqual({ all: 10, live: 7 });
    expect(await totalOf('/api/sales/?limit=3')).toBe(7);
    expect(await totalOf('/api/sales/?limit=3&sort=-price')).toBe(7);
    expect(await totalOf('/api/sales/?limit=3&include_voided=true')).toBe(10);
    // A page past the end has no row to carry the total: it is read on its own, and still right.
    const past = await desk.sales.api().get('/api/sales/?limit=3&offset=40').expect(200);
    expect(past.body.sales).toEqual([]);
    expect(past.headers['x-total-count']).toBe('7');
    // A filtered list is still counted by its filter.
    expect(await totalOf(`/api/sales/?limit=3&salesperson=${desk.person.id}`)).toBe(7);
    expect(await totalOf(`/api/sales/?limit=3&q=${vins[5]}`)).toBe(1);
  });

  it('is emptied by a TRUNCATE, which no statement trigger of rows sees', async () => {
    await desk.sales.db.execute(sql`truncate sales.sales cascade`);
    expect(await totalOf('/api/sales/?limit=3')).toBe(0);
    expect(await totalOf('/api/sales/?limit=3&include_voided=true')).toBe(0);
  });
});

describe("the customers list's total", () => {
  const storedCustomers = async () => (await desk.sales.db.select({ n: count() }).from(customers))[0]?.n;

  it('follows customers added at once and deleted, and a filter still counts its matches', async () => {
    const before = await storedCustomers();
    expect(await totalOf('/api/customers/?limit=2')).toBe(before);
    const added = await Promise.all(Array.from({ length: 8 }, () => addCustomer(desk.sales)));
    expect(await storedCustomers()).toBe((before ?? 0) + 8);
    expect(await totalOf('/api/customers/?limit=2')).toBe((before ?? 0) + 8);
    for (const customer of added.slice(0, 3)) {
      await desk.sales.api().delete(`/api/customers/${customer.id}/`).expect(200);
    }
    const after = await storedCustomers();
    expect(after).toBe((before ?? 0) + 5);
    expect(await totalOf('/api/customers/?limit=2')).toBe(after);
    expect(
      (await desk.sales.api().get('/api/customers/?limit=2&offset=500').expect(200)).headers['x-total-count'],
    ).toBe(String(after));
    await desk.sales.api().post('/api/customers/').send({
      first_name: 'Zelda',
      last_name: 'Quintero',
      address: '2 Elm St',
      phone_number: '555-0142',
    });
    expect(await totalOf('/api/customers/?limit=2&q=Quintero')).toBe(1);
  });

  it('is emptied by a TRUNCATE', async () => {
    await desk.sales.db.execute(sql`truncate sales.customers cascade`);
    expect(await totalOf('/api/customers/?limit=2')).toBe(0);
  });
});
