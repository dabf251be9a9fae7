import { sampleVin } from '@carcar/common/vin/vin';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addCustomer, addSalesperson, type SalesApi, startSalesApi, stockCars } from './helpers.js';

let sales: SalesApi;
beforeAll(async () => {
  sales = await startSalesApi();
});
afterAll(() => sales.close());

describe('salespeople', () => {
  it('creates, lists, reads and deletes with the classic JSON', async () => {
    const created = await sales
      .api()
      .post('/api/salespeople/')
      .send({ first_name: 'Sam', last_name: 'Seller', employee_id: 'S-900' })
      .expect(201);
    expect(created.body).toEqual({ id: created.body.id, first_name: 'Sam', last_name: 'Seller', employee_id: 'S-900' });
    const list = await sales.api().get('/api/salespeople/').expect(200);
    expect(list.body).toEqual({ salespeople: [created.body] });
    await sales.api().get(`/api/salespeople/${created.body.id}/`).expect(200, created.body);
    await sales
      .api()
      .post('/api/salespeople/')
      .send({ first_name: 'Other', last_name: 'Person', employee_id: 's-900' })
      .expect(409);
    await sales.api().delete(`/api/salespeople/${created.body.id}/`).expect(200, created.body);
    await sales.api().get(`/api/salespeople/${created.body.id}/`).expect(404);
  });

  it.each([
    ['missing fields', {}, ['first_name', 'last_name', 'employee_id']],
    ['wrong types', { first_name: 5, last_name: null, employee_id: {} }, ['first_name', 'last_name', 'employee_id']],
    ['a name over 100 characters', { first_name: 'x'.repeat(101), last_name: 'y', employee_id: 'S-1' }, ['first_name']],
  ])('answers 400 for %s', async (_label, body, paths) => {
    const res = await sales.api().post('/api/salespeople/').send(body).expect(400);
    expect(res.body.errors.map((e: { path: string }) => e.path)).toEqual(paths);
  });
});

describe('customers', () => {
  it('creates, lists, reads and deletes with the classic JSON', async () => {
    const body = {
      first_name: 'Jane',
      last_name: 'Doe',
      address: '1 Main St, Springfield',
      phone_number: '555.010.0100',
    };
    const created = await sales.api().post('/api/customers/').send(body).expect(201);
    expect(created.body).toEqual({ id: created.body.id, ...body });
    const list = await sales.api().get('/api/customers/').expect(200);
    expect(list.body.customers).toContainEqual(created.body);
    await sales.api().get(`/api/customers/${created.body.id}`).expect(200, created.body);
    await sales.api().delete(`/api/customers/${created.body.id}/`).expect(200, created.body);
    await sales.api().get(`/api/customers/${created.body.id}/`).expect(404);
  });

  it.each(['+1 (555) 010-0100', '555-0100', '+44 20 7946 0958', '030.1234.5678'])(
    'accepts the phone number %s',
    async (phone) => {
      await sales
        .api()
        .post('/api/customers/')
        .send({ first_name: 'A', last_name: 'B', address: 'Somewhere 1', phone_number: phone })
        .expect(201);
    },
  );

  it.each(['12345', 'call me maybe', '555-0100 ext 4', '+1 555 010 0100 0100 0100', '-------', '555_0100'])(
    'refuses the phone number %s',
    async (phone) => {
      const res = await sales
        .api()
        .post('/api/customers/')
        .send({ first_name: 'A', last_name: 'B', address: 'Somewhere 1', phone_number: phone })
        .expect(400);
      expect(res.body.errors).toEqual([{ path: 'phone_number', message: expect.any(String) }]);
    },
  );

  it('refuses an empty or over-long address', async () => {
    for (const address of ['', 'a'.repeat(201)]) {
      const res = await sales
        .api()
        .post('/api/customers/')
        .send({ first_name: 'A', last_name: 'B', address, phone_number: '555-0100' })
        .expect(400);
      expect(res.body.errors[0].path).toBe('address');
    }
  });
});

describe('deleting people that sales reference', () => {
  it('answers 409 for the salesperson and the customer of a sale', async () => {
    const [car] = await stockCars(sales, [sampleVin(1)]);
    const person = await addSalesperson(sales);
    const customer = await addCustomer(sales);
    await sales
      .api()
      .post('/api/sales/')
      .send({ automobile: car?.vin, salesperson: person.id, customer: customer.id, price: 1000 })
      .expect(201);
    expect((await sales.api().delete(`/api/salespeople/${person.id}/`).expect(409)).body.code).toBe('conflict');
    expect((await sales.api().delete(`/api/customers/${customer.id}/`).expect(409)).body.code).toBe('conflict');
  });
});
