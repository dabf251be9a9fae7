import { sampleVin } from '@carcar/common/vin/vin';
import { asRole } from '@carcar/testing/credentials';
import { testAppOptions } from '@carcar/testing/test-app';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { createApp } from '../src/app.js';
import { answerCheck, salesWithParties, stockCars } from './helpers.js';

// The desk's own routes: the deal settings the browser's payment grid computes with, and the
// managers' front gross per deal and per salesperson and month.

const desk = salesWithParties();

const sell = (vin: string, price: number) =>
  desk.sales
    .api()
    .post('/api/sales/')
    .send({ automobile: vin, salesperson: desk.person.id, customer: desk.customer.id, price })
    .expect(201);

describe('deal settings', () => {
  it('answers SALES_TAX_RATE in percent to whoever records sales', async () => {
    const app = createApp({
      db: desk.sales.db,
      ...(await testAppOptions('sales-api', answerCheck)),
      salesTaxRate: 88_750,
    });
    const res = await request(app)
      .get('/api/deal-settings/')
      .set(await asRole('sales', 'sales-api'))
      .expect(200);
    expect(res.body).toEqual({ tax_rate: 8.875 });
    await desk.sales.api().get('/api/deal-settings').expect(200, { tax_rate: 0 });
  });
});

describe('gross reports', () => {
  it('answer each live deal’s price − cost, null while the cost is unknown, and the month per salesperson', async () => {
    const [known, unknown, voided] = [sampleVin(7900), sampleVin(7901), sampleVin(7902)];
    await stockCars(desk.sales, [known, voided], { cost: 20000.25 });
    await stockCars(desk.sales, [unknown]);
    const first = await sell(known, 23000.5);
    const second = await sell(unknown, 18000);
    const third = await sell(voided, 30000);
    await desk.sales.api().delete(`/api/sales/${third.body.id}/`).send({ reason: 'test' }).expect(200);
    const month = (first.body.sold_at as string).slice(0, 7);

    const deals = await desk.sales.api('manager').get('/api/reports/gross-by-deal/').expect(200);
    expect(deals.body.rows).toEqual([
      expect.objectContaining({
        sale_id: first.body.id,
        month,
        vin: known,
        price: 23000.5,
        cost: 20000.25,
        front_gross: 3000.25,
      }),
      expect.objectContaining({ sale_id: second.body.id, vin: unknown, price: 18000, cost: null, front_gross: null }),
    ]);
    expect(deals.body.rows[0].sold_at).toBe(first.body.sold_at);

    const people = await desk.sales.api('admin').get('/api/reports/gross-by-salesperson').expect(200);
    expect(people.body.rows).toEqual([
      {
        month,
        salesperson_id: desk.person.id,
        employee_id: expect.any(String),
        salesperson: expect.stringContaining('Sam Seller'),
        deals: 2,
        revenue: 41000.5,
        front_gross: 3000.25,
        average_front_gross: 3000.25,
        deals_without_cost: 1,
      },
    ]);
    const csv = await desk.sales
      .api('manager')
      .get('/api/reports/gross-by-deal/')
      .set('Accept', 'text/csv')
      .expect(200);
    expect(csv.text.split('\r\n')[0]).toContain('front_gross');
  });

  it('is refused to a salesperson and checks the range', async () => {
    await desk.sales.api('sales').get('/api/reports/gross-by-deal/').expect(403);
    const bad = await desk.sales.api('manager').get('/api/reports/gross-by-salesperson/?from=2026-05-01&to=2026-01-01');
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].path).toBe('to');
  });
});
