import { audited } from '@carcar/common/db/audit';
import { sampleVin } from '@carcar/common/vin/vin';
import { testAppOptions } from '@carcar/testing/test-app';
import { eq } from 'drizzle-orm';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../src/app.js';
import { salesRecords } from '../src/db/schema.js';
import { addCustomer, addSalesperson, answerCheck, type SalesApi, startSalesApi, stockCars } from './helpers.js';

// A small book of sales, made through the API and then dated where the reports can tell them
// apart, with every figure below worked out by hand.

let sales: SalesApi;
let chicago: () => request.Agent;
const people: Record<'ann' | 'bob' | 'dee' | 'cal', { id: number }> = {} as never;
let vinSerial = 400;

/** A sale through the API, then moved to `at` (the API always records now). */
async function sell(who: { id: number }, customer: { id: number }, price: number, at: string) {
  const vin = sampleVin(vinSerial++);
  await stockCars(sales, [vin]);
  const res = await sales
    .api()
    .post('/api/sales/')
    .send({ automobile: vin, salesperson: who.id, customer: customer.id, price })
    .expect(201);
  const id = res.body.id as number;
  // The audit trigger refuses a change that does not say who makes it.
  await audited(sales.db, { actor: { service: 'sales-api' }, request_id: 'reports-test' }, (tx) =>
    tx
      .update(salesRecords)
      .set({ createdAt: new Date(at) })
      .where(eq(salesRecords.id, id)),
  );
  return id;
}

beforeAll(async () => {
  sales = await startSalesApi();
  const app = createApp({
    db: sales.db,
    ...(await testAppOptions('sales-api', answerCheck)),
    timezone: 'America/Chicago',
  });
  chicago = () => request.agent(app).set(sales.headers('manager'));
  people.ann = await addSalesperson(sales);
  people.bob = await addSalesperson(sales);
  people.dee = await addSalesperson(sales);
  people.cal = await addSalesperson(sales);
  await sales.api().put(`/api/salespeople/${people.cal.id}/`).send({ active: false }).expect(200);
  const customer = await addCustomer(sales);

  await sell(people.ann, customer, 7000, '2025-12-31T12:00:00Z');
  await sell(people.ann, customer, 10000, '2026-01-10T12:00:00Z');
  await sell(people.ann, customer, 20000, '2026-01-20T12:00:00Z');
  await sell(people.ann, customer, 30000, '2026-03-05T12:00:00Z');
  // January's last evening in Chicago: February already in UTC for the second.
  await sell(people.bob, customer, 15000, '2026-01-31T23:30:00Z');
  await sell(people.bob, customer, 5000, '2026-02-01T03:00:00Z');
  const voided = await sell(people.bob, customer, 99999, '2026-02-10T12:00:00Z');
  await sales.api().delete(`/api/sales/${voided}/`).expect(200);
});
afterAll(() => sales.close());

const range = '?from=2026-01-01&to=2026-03-31';

describe('sales by month', () => {
  it('counts, sums and averages the live sales of each month of the range, voided ones and those outside left out', async () => {
    const res = await sales.api('manager').get(`/api/reports/sales-by-month/${range}`).expect(200);
    expect(res.body).toEqual({
      rows: [
        { month: '2026-01', sales: 3, revenue: 45000, average_price: 15000 },
        { month: '2026-02', sales: 1, revenue: 5000, average_price: 5000 },
        { month: '2026-03', sales: 1, revenue: 30000, average_price: 30000 },
      ],
    });
    expect(res.headers['x-total-count']).toBe('3');
  });

  it("reads months and days on the dealership's clock (TIMEZONE), a month without a sale with zeros", async () => {
    const res = await chicago().get(`/api/reports/sales-by-month/${range}`).expect(200);
    expect(res.body.rows).toEqual([
      { month: '2026-01', sales: 4, revenue: 50000, average_price: 12500 },
      { month: '2026-02', sales: 0, revenue: 0, average_price: null },
      { month: '2026-03', sales: 1, revenue: 30000, average_price: 30000 },
    ]);
  });

  it('covers the last twelve months, this one included, when no range is given', async () => {
    const rows = (await sales.api('manager').get('/api/reports/sales-by-month/').expect(200)).body.rows as {
      month: string;
    }[];
    expect(rows).toHaveLength(12);
    expect(rows.at(-1)?.month).toBe(new Date().toISOString().slice(0, 7));
  });

  it('answers the same rows as CSV for Accept: text/csv', async () => {
    const res = await sales
      .api('manager')
      .get(`/api/reports/sales-by-month/${range}`)
      .set('Accept', 'text/csv')
      .expect(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.text).toBe(
      'month,sales,revenue,average_price\r\n2026-01,3,45000,15000\r\n2026-02,1,5000,5000\r\n2026-03,1,30000,30000\r\n',
    );
  });

  it('refuses a range that ends before it starts, in words', async () => {
    const res = await sales
      .api('manager')
      .get('/api/reports/sales-by-month/?from=2026-03-01&to=2026-02-01')
      .expect(400);
    expect(res.body.errors).toEqual([{ path: 'to', message: 'Choose a "to" date on or after the "from" date' }]);
    const bad = await sales.api('manager').get('/api/reports/sales-by-month/?from=March').expect(400);
    expect(bad.body.errors).toEqual([{ path: 'from', message: 'Enter a date such as 2026-12-03' }]);
  });
});

describe('sales by salesperson', () => {
  it('gives each salesperson their live sales of the range, most revenue first, active ones without a sale too', async () => {
    const res = await sales.api('admin').get(`/api/reports/sales-by-salesperson/${range}`).expect(200);
    const name = async (who: { id: number }) => {
      const person = (await sales.api().get(`/api/salespeople/${who.id}/`)).body;
      return { salesperson_id: who.id, employee_id: person.employee_id, salesperson: `Sam ${person.last_name}` };
    };
    expect(res.body.rows).toEqual([
      { ...(await name(people.ann)), sales: 3, revenue: 60000, average_price: 20000 },
      { ...(await name(people.bob)), sales: 2, revenue: 20000, average_price: 10000 },
      { ...(await name(people.dee)), sales: 0, revenue: 0, average_price: null },
    ]);
  });

  it('answers CSV with the same columns', async () => {
    const res = await sales
      .api('manager')
      .get(`/api/reports/sales-by-salesperson/${range}`)
      .set('Accept', 'text/csv')
      .expect(200);
    const [header, first] = res.text.split('\r\n');
    expect(header).toBe('salesperson_id,employee_id,salesperson,sales,revenue,average_price');
    expect(first).toMatch(new RegExp(`^${people.ann.id},S-\\d+,Sam Seller \\d+,3,60000,20000$`));
  });
});

describe('who may read the reports', () => {
  it.each(['sales', 'service', 'technician'] as const)('refuses %s with 403', async (role) => {
    for (const report of ['sales-by-month', 'sales-by-salesperson']) {
      const res = await sales.api(role).get(`/api/reports/${report}/`).expect(403);
      expect(res.body.code).toBe('forbidden');
    }
  });
});
