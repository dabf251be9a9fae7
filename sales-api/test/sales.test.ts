import { sampleVin } from '@carcar/common/vin/vin';
import { asRole } from '@carcar/testing/credentials';
import { cashDeal } from '@carcar/testing/deal';
import { count, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { salesAutomobileStore } from '../src/automobiles/store.js';
import { outbox, salesRecords } from '../src/db/schema.js';
import { addCustomer, addSalesperson, salesWithParties, stockCars } from './helpers.js';

const desk = salesWithParties();

async function counts() {
  const [s] = await desk.sales.db.select({ n: count() }).from(salesRecords);
  const [o] = await desk.sales.db.select({ n: count() }).from(outbox);
  return { sales: s?.n, outbox: o?.n };
}

const sale = (vin: string, extra: Record<string, unknown> = {}) => ({
  automobile: vin,
  salesperson: desk.person.id,
  customer: desk.customer.id,
  price: 25999.99,
  ...extra,
});

describe('sales', () => {
  it('records a sale with the classic JSON, marks the car sold and queues the inventory update', async () => {
    const vin = sampleVin(100);
    await stockCars(desk.sales, [vin]);
    const res = await desk.sales.api().post('/api/sales/').send(sale(vin.toLowerCase())).expect(201);
    const salesperson = (await desk.sales.api().get(`/api/salespeople/${desk.person.id}/`)).body;
    const buyer = (await desk.sales.api().get(`/api/customers/${desk.customer.id}/`)).body;
    expect(res.body).toEqual({
      id: res.body.id,
      price: 25999.99,
      sold_at: expect.any(String),
      voided_at: null,
      void_reason: null,
      automobile: { vin, sold: true },
      salesperson,
      customer: buyer,
      // (sales desk, additive) no trade-in or fees, a deal of the price alone, and (an
      // administrator asking) the front gross, unknown while the car's cost is
      trade_in: null,
      fees: [],
      deal: cashDeal(25999.99),
      front_gross: null,
    });
    await desk.sales.api().get(`/api/sales/${res.body.id}/`).expect(200, res.body);
    expect((await desk.sales.api().get('/api/sales/').expect(200)).body.sales).toContainEqual(res.body);
    const autos = (await desk.sales.api().get('/api/automobiles/?sold=false').expect(200)).body.autos as {
      vin: string;
    }[];
    expect(autos.map((a) => a.vin)).not.toContain(vin);
    const rows = await desk.sales.db.select().from(outbox);
    expect(rows.map((r) => [r.vin, r.sold])).toContainEqual([vin, true]);
  });

  it('refuses a second sale of a sold car with 409, writing nothing', async () => {
    const vin = sampleVin(101);
    await stockCars(desk.sales, [vin]);
    await desk.sales.api().post('/api/sales/').send(sale(vin)).expect(201);
    const before = await counts();
    const res = await desk.sales
      .api()
      .post('/api/sales/')
      .send(sale(vin, { price: 1 }))
      .expect(409);
    expect(res.body).toMatchObject({ code: 'conflict', message: expect.stringContaining(vin) });
    expect(await counts()).toEqual(before);
  });

  it('gives exactly one of 50 concurrent sales of one car', async () => {
    const vin = sampleVin(102);
    await stockCars(desk.sales, [vin]);
    const before = await counts();
    const results = await Promise.all(
      Array.from({ length: 50 }, () => desk.sales.api().post('/api/sales/').send(sale(vin))),
    );
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(49);
    expect(await counts()).toEqual({ sales: (before.sales ?? 0) + 1, outbox: (before.outbox ?? 0) + 1 });
  });

  it('voids a sale: the car is available again and inventory will be told, in order', async () => {
    const vin = sampleVin(103);
    await stockCars(desk.sales, [vin]);
    const created = (await desk.sales.api().post('/api/sales/').send(sale(vin)).expect(201)).body;
    const voided = await desk.sales.api().delete(`/api/sales/${created.id}/`).expect(200);
    expect(voided.body).toEqual({ ...created, automobile: { vin, sold: false }, voided_at: expect.any(String) });
    expect(Date.parse(voided.body.voided_at)).toBeGreaterThanOrEqual(Date.parse(created.sold_at));
    await desk.sales.api().get(`/api/sales/${created.id}/`).expect(404);
    await desk.sales.api().delete(`/api/sales/${created.id}/`).expect(404);
    const queued = (await desk.sales.db.select().from(outbox)).filter((r) => r.vin === vin);
    expect(queued.map((r) => r.sold)).toEqual([true, false]);
    const autos = (await desk.sales.api().get('/api/automobiles/?sold=false').expect(200)).body.autos as {
      vin: string;
    }[];
    expect(autos.map((a) => a.vin)).toContain(vin);
    // And it can be sold again.
    await desk.sales.api().post('/api/sales/').send(sale(vin)).expect(201);
  });

  it('keeps its own sold flag while the outbox row is pending, then follows inventory again', async () => {
    const vin = sampleVin(104);
    const [car] = await stockCars(desk.sales, [vin]);
    await desk.sales.api().post('/api/sales/').send(sale(vin)).expect(201);
    // An older feed entry (sold: false) arrives before inventory has heard of the sale.
    await salesAutomobileStore(desk.sales.db).apply(
      [{ ...(car as NonNullable<typeof car>), seq: 10_000, color: 'blue' }],
      10_000,
    );
    const [auto] = (await desk.sales.api().get('/api/automobiles/').expect(200)).body.autos.filter(
      (a: { vin: string }) => a.vin === vin,
    );
    expect(auto).toMatchObject({ vin, sold: true, color: 'blue' });
    await desk.sales.db.delete(outbox);
    await salesAutomobileStore(desk.sales.db).apply(
      [{ ...(car as NonNullable<typeof car>), seq: 10_001, sold: true }],
      10_001,
    );
    await salesAutomobileStore(desk.sales.db).apply(
      [{ ...(car as NonNullable<typeof car>), seq: 10_002, sold: false }],
      10_002,
    );
    const [after] = (await desk.sales.api().get('/api/automobiles/').expect(200)).body.autos.filter(
      (a: { vin: string }) => a.vin === vin,
    );
    expect(after.sold).toBe(false);
  });

  it('filters by salesperson and customer', async () => {
    const other = await addSalesperson(desk.sales);
    const vin = sampleVin(105);
    await stockCars(desk.sales, [vin]);
    const mine = (
      await desk.sales
        .api()
        .post('/api/sales/')
        .send(sale(vin, { salesperson: other.id, price: '18000.5' }))
        .expect(201)
    ).body;
    expect(mine.price).toBe(18000.5);
    const list = await desk.sales.api().get(`/api/sales/?salesperson=${other.id}`).expect(200);
    expect(list.body).toEqual({ sales: [mine] });
    expect(list.headers['x-total-count']).toBe('1');
    const byCustomer = await desk.sales.api().get(`/api/sales/?customer=${desk.customer.id}&limit=2`).expect(200);
    expect(byCustomer.body.sales).toHaveLength(2);
    expect(Number(byCustomer.headers['x-total-count'])).toBeGreaterThan(2);
  });

  it('lists the local AutomobileVO copy for the sale form', async () => {
    const vin = sampleVin(106);
    await stockCars(desk.sales, [vin], { year: 2024, color: 'white' });
    const res = await desk.sales.api().get('/api/automobiles/?sold=false').expect(200);
    expect(res.body.autos).toContainEqual({
      vin,
      sold: false,
      year: 2024,
      color: 'white',
      model: 'Camry',
      manufacturer: 'Toyota',
    });
    await desk.sales.api().get('/api/automobiles/?sold=perhaps').expect(400);
  });

  it('finds one car of the copy by VIN, in any case, and answers an empty list for a car it lacks', async () => {
    const vin = sampleVin(107);
    await stockCars(desk.sales, [vin]);
    const found = await desk.sales.api().get(`/api/automobiles/?vin=${vin.toLowerCase()}`).expect(200);
    expect(found.body.autos.map((a: { vin: string }) => a.vin)).toEqual([vin]);
    expect(found.headers['x-total-count']).toBe('1');
    const missing = await desk.sales
      .api()
      .get(`/api/automobiles/?vin=${sampleVin(108)}`)
      .expect(200);
    expect(missing.body).toEqual({ autos: [] });
    const tooLong = await desk.sales
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
      await stockCars(desk.sales, [vin]);
      const before = await counts();
      const res = await desk.sales
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
        await stockCars(desk.sales, [vin]);
        expect((await desk.sales.api().post('/api/sales/').send(sale(vin, { price })).expect(201)).body.price).toBe(
          price,
        );
      }
    });

    it('answers 404 for unknown sales and 400 for bad filters', async () => {
      await desk.sales.api().get('/api/sales/987654/').expect(404);
      await desk.sales.api().delete('/api/sales/987654/').expect(404);
      await desk.sales.api().get('/api/sales/?salesperson=abc').expect(400);
    });
  });
});

describe('voiding with a reason', () => {
  let refused = 0;
  async function soldCar(n: number) {
    const vin = sampleVin(n);
    await stockCars(desk.sales, [vin]);
    return (await desk.sales.api().post('/api/sales/').send(sale(vin)).expect(201)).body as {
      id: number;
      sold_at: string;
    };
  }

  async function storedVoid(id: number) {
    const [row] = await desk.sales.db
      .select({ voidedAt: salesRecords.voidedAt, voidReason: salesRecords.voidReason })
      .from(salesRecords)
      .where(eq(salesRecords.id, id));
    return row;
  }

  it('takes the reason as ?reason= and keeps it with the voided sale', async () => {
    const created = await soldCar(400);
    const voided = await desk.sales
      .api()
      .delete(`/api/sales/${created.id}/?reason=Wrong%20price%20entered`)
      .expect(200);
    expect(voided.body).toMatchObject({
      id: created.id,
      void_reason: 'Wrong price entered',
      voided_at: expect.any(String),
    });
    expect(await storedVoid(created.id)).toEqual({
      voidedAt: new Date(voided.body.voided_at),
      voidReason: 'Wrong price entered',
    });
  });

  it('takes the reason as a JSON body {"reason"}, trimmed', async () => {
    const created = await soldCar(401);
    const voided = await desk.sales
      .api()
      .delete(`/api/sales/${created.id}/`)
      .send({ reason: '  Customer changed their mind  ' })
      .expect(200);
    expect(voided.body.void_reason).toBe('Customer changed their mind');
    expect((await storedVoid(created.id))?.voidReason).toBe('Customer changed their mind');
  });

  it('stores no reason when none or an empty one is given', async () => {
    const first = await soldCar(402);
    const second = await soldCar(403);
    expect((await desk.sales.api().delete(`/api/sales/${first.id}/`).expect(200)).body.void_reason).toBeNull();
    await desk.sales.api().delete(`/api/sales/${second.id}/?reason=%20%20`).expect(200);
    expect(await storedVoid(first.id)).toMatchObject({ voidReason: null, voidedAt: expect.any(Date) });
    expect(await storedVoid(second.id)).toMatchObject({ voidReason: null, voidedAt: expect.any(Date) });
  });

  it.each([
    [
      'a reason of 501 characters in the query',
      (id: number) => desk.sales.api().delete(`/api/sales/${id}/?reason=${'x'.repeat(501)}`),
    ],
    [
      'a reason of 501 characters in the body',
      (id: number) =>
        desk.sales
          .api()
          .delete(`/api/sales/${id}/`)
          .send({ reason: 'x'.repeat(501) }),
    ],
    ['a reason that is not text', (id: number) => desk.sales.api().delete(`/api/sales/${id}/`).send({ reason: 42 })],
  ])('refuses %s with a 400 on reason, leaving the sale live', async (_label, send) => {
    const created = await soldCar(410 + refused++);
    const before = await counts();
    const res = await send(created.id).expect(400);
    expect(res.body.errors).toEqual([
      {
        path: 'reason',
        message: expect.stringMatching(/^(The reason can be at most 500 characters|Enter the reason as text)$/),
      },
    ]);
    expect(await counts()).toEqual(before);
    expect(await storedVoid(created.id)).toEqual({ voidedAt: null, voidReason: null });
    await desk.sales.api().get(`/api/sales/${created.id}/`).expect(200);
  });

  it('accepts a reason of exactly 500 characters', async () => {
    const created = await soldCar(495);
    const res = await desk.sales
      .api()
      .delete(`/api/sales/${created.id}/`)
      .send({ reason: 'y'.repeat(500) })
      .expect(200);
    expect(res.body.void_reason).toHaveLength(500);
  });

  it('answers a voided sale only with ?include_voided=true', async () => {
    const created = await soldCar(496);
    const voided = (await desk.sales.api().delete(`/api/sales/${created.id}/?reason=Duplicate`).expect(200)).body;
    await desk.sales.api().get(`/api/sales/${created.id}/`).expect(404);
    await desk.sales.api().get(`/api/sales/${created.id}/?include_voided=false`).expect(404);
    const found = await desk.sales.api().get(`/api/sales/${created.id}/?include_voided=true`).expect(200);
    expect(found.body).toEqual(voided);
    // A live sale reads the same with or without the flag.
    const live = await soldCar(497);
    await desk.sales.api().get(`/api/sales/${live.id}/?include_voided=true`).expect(200, live);
    const bad = await desk.sales.api().get(`/api/sales/${live.id}/?include_voided=yes`).expect(400);
    expect(bad.body.errors).toEqual([{ path: 'include_voided', message: 'Use true or false' }]);
  });
});

describe('finding sales: ?vin=, ?q=, ?include_voided=, ?sort= with paging', () => {
  const prefix = '1FTMW1T80MF';
  const vins = [0, 1, 2, 3, 4].map((n) => sampleVin(n, prefix));
  let finder: { id: number };
  let buyer: { id: number };
  const made: Array<{ id: number; price: number; automobile: { vin: string }; voided_at: string | null }> = [];

  beforeAll(async () => {
    finder = (
      await desk.sales
        .api()
        .post('/api/salespeople/')
        .send({ first_name: 'Priya', last_name: 'Ramanathan', employee_id: 'FIND-1' })
        .expect(201)
    ).body;
    buyer = (
      await desk.sales
        .api()
        .post('/api/customers/')
        .send({ first_name: 'Zelda', last_name: "O'Quintero", address: '9 Elm St', phone_number: '555-0199-22' })
        .expect(201)
    ).body;
    await stockCars(desk.sales, vins);
    // Prices with a tie (30000 twice), so the price order has to break it by id.
    const prices = [30000, 12000.5, 30000, 45000, 9999.99];
    for (const [i, vin] of vins.entries()) {
      const body = { automobile: vin, salesperson: finder.id, customer: buyer.id, price: prices[i] };
      made.push((await desk.sales.api().post('/api/sales/').send(body).expect(201)).body);
    }
    // The first car's deal fell through and it was sold again: one voided sale, one live, same VIN.
    const first = made[0] as (typeof made)[number];
    const voided = (
      await desk.sales.api().delete(`/api/sales/${first.id}/?reason=Financing%20fell%20through`).expect(200)
    ).body;
    made[0] = voided;
    made.push(
      (
        await desk.sales
          .api()
          .post('/api/sales/')
          .send({ automobile: vins[0], salesperson: finder.id, customer: buyer.id, price: 29500 })
          .expect(201)
      ).body,
    );
  });

  const ids = (res: { body: { sales: Array<{ id: number }> } }) => res.body.sales.map((s) => s.id);
  const live = () => made.filter((s) => s.voided_at === null);

  it("lists a car's live sales by VIN, in any case, and its whole history with include_voided", async () => {
    const vin = vins[0] as string;
    const liveOnly = await desk.sales.api().get(`/api/sales/?vin=${vin.toLowerCase()}`).expect(200);
    expect(ids(liveOnly)).toEqual([made[5]?.id]);
    expect(liveOnly.headers['x-total-count']).toBe('1');
    const history = await desk.sales.api().get(`/api/sales/?vin=${vin}&include_voided=true`).expect(200);
    // The voided sale shows the car as it is now: sold again.
    expect(history.body.sales).toEqual([{ ...made[0], automobile: { vin, sold: true } }, made[5]]);
    expect(history.body.sales[0]).toMatchObject({
      voided_at: expect.any(String),
      void_reason: 'Financing fell through',
    });
    expect(history.body.sales[1]).toMatchObject({ voided_at: null, void_reason: null });
    expect(history.headers['x-total-count']).toBe('2');
    await desk.sales
      .api()
      .get(`/api/sales/?vin=${sampleVin(7, prefix)}`)
      .expect(200, { sales: [] });
  });

  it('searches VIN, customer and salesperson names with q, case-insensitively', async () => {
    const all = live()
      .map((s) => s.id)
      .sort((a, b) => a - b);
    for (const q of ['1ftmw1t8', 'zelda', "o'quintero", 'ZELDA O', 'priya ramanathan', 'RAMANATH']) {
      const res = await desk.sales
        .api()
        .get(`/api/sales/?q=${encodeURIComponent(q)}`)
        .expect(200);
      expect(ids(res), q).toEqual(all);
      expect(res.headers['x-total-count'], q).toBe(String(all.length));
    }
    const withVoided = await desk.sales.api().get('/api/sales/?q=zelda&include_voided=true').expect(200);
    expect(ids(withVoided)).toEqual(made.map((s) => s.id).sort((a, b) => a - b));
    // Wildcards are letters: nobody's name or VIN holds a % or an underscore.
    await desk.sales.api().get('/api/sales/?q=%25').expect(200, { sales: [] });
    await desk.sales.api().get('/api/sales/?q=_').expect(200, { sales: [] });
    // The search narrows the other filters, and an empty q is no filter.
    const mine = await desk.sales.api().get(`/api/sales/?q=zelda&salesperson=${desk.person.id}`).expect(200);
    expect(mine.body).toEqual({ sales: [] });
    const empty = await desk.sales.api().get(`/api/sales/?q=&customer=${buyer.id}`).expect(200);
    expect(ids(empty)).toEqual(all);
  });

  it('pages a search with limit and offset, each page carrying the whole total', async () => {
    const all = live()
      .map((s) => s.id)
      .sort((a, b) => a - b);
    const first = await desk.sales.api().get('/api/sales/?q=zelda&limit=2').expect(200);
    const second = await desk.sales.api().get('/api/sales/?q=zelda&limit=2&offset=2').expect(200);
    const past = await desk.sales.api().get('/api/sales/?q=zelda&limit=2&offset=50').expect(200);
    expect([...ids(first), ...ids(second)]).toEqual(all.slice(0, 4));
    for (const res of [first, second, past]) expect(res.headers['x-total-count']).toBe(String(all.length));
    expect(past.body).toEqual({ sales: [] });
  });

  it.each([
    ['id', (a: (typeof made)[number], b: (typeof made)[number]) => a.id - b.id],
    ['-id', (a: (typeof made)[number], b: (typeof made)[number]) => b.id - a.id],
    ['price', (a: (typeof made)[number], b: (typeof made)[number]) => a.price - b.price || a.id - b.id],
    ['-price', (a: (typeof made)[number], b: (typeof made)[number]) => b.price - a.price || b.id - a.id],
  ])('sorts by %s, page after page', async (sort, order) => {
    const expected = [...live()].sort(order).map((s) => s.id);
    const whole = await desk.sales.api().get(`/api/sales/?customer=${buyer.id}&sort=${sort}`).expect(200);
    expect(ids(whole)).toEqual(expected);
    const paged: number[] = [];
    for (let offset = 0; offset < expected.length; offset += 2) {
      const page = await desk.sales
        .api()
        .get(`/api/sales/?customer=${buyer.id}&sort=${sort}&limit=2&offset=${offset}`)
        .expect(200);
      expect(page.headers['x-total-count']).toBe(String(expected.length));
      paged.push(...ids(page));
    }
    expect(paged).toEqual(expected);
    const withVoided = await desk.sales.api().get(`/api/sales/?q=zelda&include_voided=true&sort=${sort}`).expect(200);
    expect(ids(withVoided)).toEqual([...made].sort(order).map((s) => s.id));
  });

  it('combines every filter and order in one request (and its page past the end)', async () => {
    const vin = vins[0] as string;
    const all = `salesperson=${finder.id}&customer=${buyer.id}&vin=${vin}&q=zelda&include_voided=true&sort=-price`;
    const res = await desk.sales.api().get(`/api/sales/?${all}&limit=1`).expect(200);
    expect(ids(res)).toEqual([made[0]?.id]);
    expect(res.headers['x-total-count']).toBe('2');
    const past = await desk.sales.api().get(`/api/sales/?${all}&limit=1&offset=5`).expect(200);
    expect(past.body).toEqual({ sales: [] });
    expect(past.headers['x-total-count']).toBe('2');
  });

  it('sorts every live sale when no filter is given', async () => {
    const res = await desk.sales.api().get('/api/sales/?sort=-price&limit=1').expect(200);
    const [top] = res.body.sales;
    expect(top.price).toBe(
      Math.max(...(await desk.sales.api().get('/api/sales/')).body.sales.map((s: { price: number }) => s.price)),
    );
  });

  it.each([
    ['?sort=name', 'sort', 'Sort by one of: id, -id, price, -price'],
    ['?include_voided=1', 'include_voided', 'Use true or false'],
    [`?vin=${'X'.repeat(18)}`, 'vin', 'A VIN has 17 characters'],
    [`?q=${'x'.repeat(101)}`, 'q', 'A search can be at most 100 characters'],
    ['?salesperson=abc', 'salesperson', 'Choose a salesperson'],
    ['?customer=0', 'customer', 'Choose a customer'],
  ])('refuses %s with a sentence on the field', async (search, path, message) => {
    const res = await desk.sales.api().get(`/api/sales/${search}`).expect(400);
    expect(res.body.errors).toEqual([{ path, message }]);
  });
});

describe('messages a person understands', () => {
  const jargon = /Invalid input|expected|received|NaN|undefined|must be/;

  it.each([
    ['an empty salesperson', { salesperson: '' }, 'salesperson', 'Choose a salesperson'],
    ['a missing customer', { customer: undefined }, 'customer', 'Choose a customer'],
    ['a customer of the wrong type', { customer: 'Jane' }, 'customer', 'Choose a customer'],
    ['an empty VIN', { automobile: '' }, 'automobile', 'Enter the VIN'],
    ['a missing VIN', { automobile: undefined }, 'automobile', 'Enter the VIN'],
    [
      'a VIN of 16 characters',
      { automobile: '1HGCM82633A00435' },
      'automobile',
      'A VIN has 17 characters; this one has 16',
    ],
    [
      'a VIN with an O',
      { automobile: '1HGCM82633A00435O' },
      'automobile',
      'A VIN uses only digits and the letters A–Z except I, O and Q',
    ],
    [
      'a VIN with a wrong check digit',
      { automobile: '1G1YZ23J9P5800003' },
      'automobile',
      'The check digit (9th character) should be 7 for this VIN; check for a typo',
    ],
    ['a price that is text', { price: 'lots' }, 'price', 'Enter a price from 0 to 10,000,000 with at most 2 decimals'],
    ['a missing price', { price: undefined }, 'price', 'Enter a price from 0 to 10,000,000 with at most 2 decimals'],
    ['a price of 3 decimals', { price: 1.005 }, 'price', 'Enter a price from 0 to 10,000,000 with at most 2 decimals'],
    [
      'an unknown salesperson',
      { salesperson: 424242 },
      'salesperson',
      'This salesperson is no longer on file; choose another',
    ],
    ['an unknown customer', { customer: 424242 }, 'customer', 'This customer is no longer on file; choose another'],
    [
      'a VIN unknown to inventory',
      { automobile: sampleVin(998) },
      'automobile',
      'No car in inventory has this VIN; check it, or add the car to inventory first',
    ],
  ])('%s: "%s"', async (_label, change, path, message) => {
    const vin = sampleVin(201);
    await stockCars(desk.sales, [vin]);
    const res = await desk.sales
      .api()
      .post('/api/sales/')
      .send({ ...sale(vin), ...change })
      .expect(400);
    expect(res.body.errors).toContainEqual({ path, message });
  });

  it('never answers parser jargon for a sample of bad bodies and queries', async () => {
    const bodies: unknown[] = [
      {},
      [],
      'text',
      42,
      null,
      { automobile: 17, salesperson: true, customer: [], price: {} },
      { automobile: null, salesperson: null, customer: null, price: null },
      { automobile: 'x'.repeat(40), salesperson: -1, customer: 1.5, price: -0.01 },
      { automobile: '🚗', salesperson: '2147483648', customer: 'NaN', price: 'NaN' },
      { automobile: sampleVin(1), salesperson: 1e20, customer: '1e3', price: '1e3' },
    ];
    const answers = [
      ...(await Promise.all(
        bodies.map((body) =>
          desk.sales.api().post('/api/sales/').set('Content-Type', 'application/json').send(JSON.stringify(body)),
        ),
      )),
      ...(await Promise.all(
        ['limit=abc', 'limit=0', 'limit=501', 'offset=-1', 'offset=x', 'salesperson=1.5', 'sort=', 'vin=%00'].map(
          (query) => desk.sales.api().get(`/api/sales/?${query}`),
        ),
      )),
      await desk.sales.api().get('/api/automobiles/?sold=perhaps&limit=NaN'),
      await desk.sales
        .api()
        .post('/api/customers/')
        .send({ first_name: 1, last_name: '', address: null, phone_number: 'abc' }),
    ];
    for (const res of answers) {
      expect(res.status).toBe(400);
      const messages = (res.body.errors as Array<{ message: string }>).map((e) => e.message);
      expect(messages.length).toBeGreaterThan(0);
      for (const message of messages) expect(message).not.toMatch(jargon);
    }
  });
});

describe("a salesperson's own sales", () => {
  it('lists and shows a salesperson only their own sales; a manager sees all', async () => {
    const [mine, theirs] = [sampleVin(901), sampleVin(902)];
    await stockCars(desk.sales, [mine, theirs]);
    const me = await addSalesperson(desk.sales);
    const colleague = await addSalesperson(desk.sales);
    const buyer = await addCustomer(desk.sales);
    const sell = async (vin: string, salesperson: number) =>
      (
        await desk.sales
          .api()
          .post('/api/sales/')
          .send({ automobile: vin, salesperson, customer: buyer.id, price: 20000 })
          .expect(201)
      ).body.id as number;
    const myId = await sell(mine, me.id);
    const theirId = await sell(theirs, colleague.id);
    const asMe = await asRole('sales', 'sales-api', { id: 'me', salesperson_id: me.id });

    const list = await desk.sales.api().get('/api/sales/').set(asMe).expect(200);
    expect(list.body.sales.map((sale: { id: number }) => sale.id)).toEqual([myId]);
    expect(list.headers['x-total-count']).toBe('1');
    await desk.sales.api().get(`/api/sales/${myId}/`).set(asMe).expect(200);
    const refused = await desk.sales.api().get(`/api/sales/${theirId}/`).set(asMe).expect(403);
    expect(refused.body).toEqual({ message: 'You do not have permission to read sales', code: 'forbidden' });
    const colleagues = await desk.sales.api().get(`/api/sales/?salesperson=${colleague.id}`).set(asMe).expect(403);
    expect(colleagues.body.message).toBe('You may read only your own sales');
    // Not linked to a salesperson yet: no sales are theirs.
    const unlinked = await asRole('sales', 'sales-api', { id: 'new-hire' });
    expect((await desk.sales.api().get('/api/sales/').set(unlinked).expect(200)).body.sales).toEqual([]);
    // Recording is theirs to do; voiding is a manager's.
    await desk.sales.api().delete(`/api/sales/${myId}/`).set(asMe).expect(403);
    const all = await desk.sales.api('manager').get('/api/sales/').expect(200);
    expect(all.body.sales.map((sale: { id: number }) => sale.id)).toEqual(expect.arrayContaining([myId, theirId]));
  });
});
