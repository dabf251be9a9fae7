import { sampleVin } from '@carcar/common/vin/vin';
import { parse } from 'csv-parse/sync';
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
    expect(created.body).toEqual({
      id: created.body.id,
      first_name: 'Sam',
      last_name: 'Seller',
      employee_id: 'S-900',
      active: true,
    });
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

  it('says in words what is missing', async () => {
    const res = await sales.api().post('/api/salespeople/').send({ first_name: '', last_name: 'Seller' }).expect(400);
    expect(res.body.errors).toEqual([
      { path: 'first_name', message: 'Enter the first name' },
      { path: 'employee_id', message: 'Enter the employee id' },
    ]);
  });

  it('changes any of the fields with PUT; 404 for an unknown id', async () => {
    const person = await addSalesperson(sales);
    const current = (await sales.api().get(`/api/salespeople/${person.id}/`).expect(200)).body;
    const changed = await sales
      .api()
      .put(`/api/salespeople/${person.id}/`)
      .send({ first_name: 'Samantha', employee_id: 'S-CHANGED' })
      .expect(200);
    expect(changed.body).toEqual({ ...current, first_name: 'Samantha', employee_id: 'S-CHANGED' });
    await sales.api().get(`/api/salespeople/${person.id}/`).expect(200, changed.body);
    const bad = await sales.api().put(`/api/salespeople/${person.id}/`).send({ last_name: '' }).expect(400);
    expect(bad.body.errors).toEqual([{ path: 'last_name', message: 'Enter the last name' }]);
    for (const id of ['999999', 'abc']) {
      await sales.api().put(`/api/salespeople/${id}/`).send({ first_name: 'X' }).expect(404);
    }
  });

  it('answers a duplicate employee id, on POST or PUT, with 409 naming employee_id', async () => {
    await sales
      .api()
      .post('/api/salespeople/')
      .send({ first_name: 'First', last_name: 'Holder', employee_id: 'S-500' })
      .expect(201);
    const conflict = {
      message: 'Another salesperson already has employee id s-500',
      code: 'conflict',
      errors: [{ path: 'employee_id', message: 'Another salesperson already has employee id s-500' }],
    };
    await sales
      .api()
      .post('/api/salespeople/')
      .send({ first_name: 'Second', last_name: 'Holder', employee_id: 's-500' })
      .expect(409, conflict);
    const person = await addSalesperson(sales);
    const before = (await sales.api().get(`/api/salespeople/${person.id}/`).expect(200)).body;
    await sales
      .api()
      .put(`/api/salespeople/${person.id}/`)
      .send({ last_name: 'Changed', employee_id: 's-500' })
      .expect(409, conflict);
    await sales.api().get(`/api/salespeople/${person.id}/`).expect(200, before);
  });

  it('retires a salesperson: gone from ?active=true, still in the full list and on their sales', async () => {
    const [car] = await stockCars(sales, [sampleVin(20)]);
    const person = await addSalesperson(sales);
    const customer = await addCustomer(sales);
    const sale = (
      await sales
        .api()
        .post('/api/sales/')
        .send({ automobile: car?.vin, salesperson: person.id, customer: customer.id, price: 1000 })
        .expect(201)
    ).body;
    const retired = await sales.api().put(`/api/salespeople/${person.id}/`).send({ active: false }).expect(200);
    expect(retired.body.active).toBe(false);
    const active = await sales.api().get('/api/salespeople/?active=true').expect(200);
    expect(active.body.salespeople.map((p: { id: number }) => p.id)).not.toContain(person.id);
    expect(active.body.salespeople.every((p: { active: boolean }) => p.active)).toBe(true);
    expect(active.headers['x-total-count']).toBe(String(active.body.salespeople.length));
    const all = await sales.api().get('/api/salespeople/').expect(200);
    expect(all.body.salespeople).toContainEqual(retired.body);
    expect(all.body.salespeople.length).toBeGreaterThan(active.body.salespeople.length);
    expect((await sales.api().get(`/api/sales/${sale.id}/`).expect(200)).body.salesperson).toEqual(retired.body);
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

  it('changes any of the fields with PUT, checking each as on create; 404 for an unknown id', async () => {
    const customer = await addCustomer(sales);
    const current = (await sales.api().get(`/api/customers/${customer.id}/`).expect(200)).body;
    const moved = await sales
      .api()
      .put(`/api/customers/${customer.id}/`)
      .send({ address: '2 Elm St, Shelbyville', phone_number: '555-0199' })
      .expect(200);
    expect(moved.body).toEqual({ ...current, address: '2 Elm St, Shelbyville', phone_number: '555-0199' });
    await sales.api().get(`/api/customers/${customer.id}/`).expect(200, moved.body);
    const bad = await sales.api().put(`/api/customers/${customer.id}/`).send({ phone_number: 'call me' }).expect(400);
    expect(bad.body.errors.map((e: { path: string }) => e.path)).toEqual(['phone_number']);
    await sales.api().get(`/api/customers/${customer.id}/`).expect(200, moved.body);
    await sales.api().put('/api/customers/999999/').send({ first_name: 'X' }).expect(404);
  });

  it('finds customers by ?q= in the name or phone number, ignoring case and punctuation', async () => {
    const add = async (first_name: string, last_name: string, phone_number: string) =>
      (
        await sales
          .api()
          .post('/api/customers/')
          .send({ first_name, last_name, address: '1 Q St', phone_number })
          .expect(201)
      ).body.id as number;
    const ursula = await add('Ursula', 'Quennell', '+1 (312) 555-7788');
    const quentin = await add('Quentin', 'Brooks', '312.555.9900');
    const ids = async (q: string) =>
      (
        await sales
          .api()
          .get(`/api/customers/?q=${encodeURIComponent(q)}&limit=500`)
          .expect(200)
      ).body.customers.map((c: { id: number }) => c.id);
    expect(await ids('quenn')).toEqual([ursula]);
    expect(await ids('ursula QUENNELL')).toEqual([ursula]);
    expect(await ids('quen')).toEqual([ursula, quentin]);
    expect(await ids('5557788')).toEqual([ursula]);
    expect(await ids('555-99')).toEqual([quentin]);
    expect(await ids('nobody by this name')).toEqual([]);
    const page = await sales.api().get('/api/customers/?q=quen&limit=1').expect(200);
    expect(page.body.customers.map((c: { id: number }) => c.id)).toEqual([ursula]);
    expect(page.headers['x-total-count']).toBe('2');
    await sales
      .api()
      .get(`/api/customers/?q=${'q'.repeat(101)}`)
      .expect(400);
  });

  it("finds a car's buyer by ?vin=, by its live sale alone", async () => {
    const [sold, voided, unsold] = [sampleVin(930_001), sampleVin(930_002), sampleVin(930_003)];
    await stockCars(sales, [sold, voided, unsold]);
    const seller = await addSalesperson(sales);
    const add = async (first_name: string) =>
      (
        await sales
          .api()
          .post('/api/customers/')
          .send({ first_name, last_name: 'Buyer', address: '2 V St', phone_number: '555-0199' })
          .expect(201)
      ).body as { id: number };
    const [vera, walt] = [await add('Vera'), await add('Walt')];
    const sell = (vin: string, customer: { id: number }) =>
      sales
        .api()
        .post('/api/sales/')
        .send({ automobile: vin, salesperson: seller.id, customer: customer.id, price: 1000 });
    await sell(sold, vera).expect(201);
    const undone = (await sell(voided, walt).expect(201)).body as { id: number };
    await sales.api().delete(`/api/sales/${undone.id}/`).expect(200);
    const buyers = async (vin: string, q = '') =>
      (await sales.api().get(`/api/customers/?vin=${vin}${q}`).expect(200)).body.customers;
    expect(await buyers(sold.toLowerCase())).toEqual([
      { ...(await sales.api().get(`/api/customers/${vera.id}/`)).body },
    ]);
    expect(await buyers(voided)).toEqual([]);
    expect(await buyers(unsold)).toEqual([]);
    // With ?q= too, both must match.
    expect(await buyers(sold, '&q=vera')).toHaveLength(1);
    expect(await buyers(sold, '&q=walt')).toEqual([]);
    await sales
      .api()
      .get(`/api/customers/?vin=${'A'.repeat(18)}`)
      .expect(400);
  });

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

describe('lists as CSV', () => {
  it('answers the same rows as CSV for Accept: text/csv, quoted, with formula cells defused', async () => {
    const tricky = {
      first_name: '=HYPERLINK("http://evil.example","click")',
      last_name: 'O"Brien, Jr.',
      address: '12 Elm Street\nSpringfield',
      phone_number: '+1 (555) 010-0199',
    };
    const created = (await sales.api().post('/api/customers/').send(tricky).expect(201)).body as { id: number };
    const json = await sales.api().get('/api/customers/?q=Brien').expect(200);
    const res = await sales.api().get('/api/customers/?q=Brien').set('Accept', 'text/csv').expect(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['x-total-count']).toBe(json.headers['x-total-count']);
    expect(res.headers.vary).toMatch(/Accept/);
    const rows = parse(res.text, { columns: true }) as Array<Record<string, string>>;
    expect(rows).toEqual(
      json.body.customers.map((customer: Record<string, unknown>) => ({
        id: String(customer.id),
        first_name: `'${customer.first_name}`,
        last_name: customer.last_name,
        address: customer.address,
        phone_number: `'${customer.phone_number}`,
      })),
    );
    expect(rows.map((row) => row.id)).toContain(String(created.id));
    // RFC 4180: CRLF between records, quotes doubled inside quoted cells.
    expect(res.text).toContain('"O""Brien, Jr."');
    expect(res.text.split('\r\n')[0]).toBe('id,first_name,last_name,address,phone_number');
    // Paging applies as to the JSON.
    const page = await sales.api().get('/api/customers/?limit=1').set('Accept', 'text/csv').expect(200);
    expect(parse(page.text, { columns: true })).toHaveLength(1);
  });
});
