import { queryRows } from '@carcar/common/db/statements';
import { sampleVin } from '@carcar/common/vin/vin';
import { asService } from '@carcar/testing/credentials';
import { parse } from 'csv-parse/sync';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { addAutomobile, inventoryWithModel, seedModel, VINS } from './helpers.js';

const stock = inventoryWithModel();

const count = async () => Number((await stock.inv.api().get('/api/automobiles/').expect(200)).headers['x-total-count']);

describe('automobiles', () => {
  it('creates an automobile with the classic JSON, VIN upper-cased', async () => {
    const res = await stock.inv
      .api()
      .post('/api/automobiles/')
      .send({ color: 'red', year: 2012, vin: '1c3cc5fb2an120174', model_id: stock.modelId })
      .expect(201);
    const model = (await stock.inv.api().get(`/api/models/${stock.modelId}/`)).body;
    expect(res.body).toEqual({
      href: '/api/automobiles/1C3CC5FB2AN120174/',
      id: res.body.id,
      color: 'red',
      year: 2012,
      vin: '1C3CC5FB2AN120174',
      model,
      sold: false,
      // (added) when inventory recorded the car
      created_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
      // (sales desk) the defaults of a car that never said; cost because the caller is an administrator
      condition: 'new',
      odometer: 0,
      list_price: null,
      acquired_at: res.body.created_at,
      days_in_stock: 0,
      cost: null,
    });
    await stock.inv.api().get('/api/automobiles/1C3CC5FB2AN120174/').expect(200, res.body);
    await stock.inv.api().get('/api/automobiles/1c3cc5fb2an120174').expect(200, res.body);
    const list = await stock.inv.api().get('/api/automobiles/').expect(200);
    expect(list.body).toEqual({ autos: [res.body] });
  });

  it('accepts numeric strings from classic HTML forms', async () => {
    const res = await stock.inv
      .api()
      .post('/api/automobiles/')
      .send({ color: 'blue', year: '2015', vin: '1GC4K0C87FF132904', model_id: String(stock.modelId) })
      .expect(201);
    expect(res.body.year).toBe(2015);
  });

  it('updates color, year and sold, and deletes', async () => {
    const vin = VINS[3] as string;
    await addAutomobile(stock.inv, vin, stock.modelId);
    const sold = await stock.inv.api().put(`/api/automobiles/${vin}/`).send({ sold: true }).expect(200);
    expect(sold.body).toMatchObject({ vin, sold: true, color: 'red' });
    const painted = await stock.inv
      .api()
      .put(`/api/automobiles/${vin}/`)
      .send({ color: 'green', year: 2021 })
      .expect(200);
    expect(painted.body).toMatchObject({ color: 'green', year: 2021, sold: true });
    const deleted = await stock.inv.api().delete(`/api/automobiles/${vin}/`).expect(200);
    expect(deleted.body).toEqual(painted.body);
    await stock.inv.api().get(`/api/automobiles/${vin}/`).expect(404, { message: 'Does not exist', code: 'not_found' });
  });

  it('filters by sold and searches VIN, color, model and manufacturer', async () => {
    const other = await seedModel(stock.inv, 'Audi', 'Q5');
    await addAutomobile(stock.inv, 'WA1A4AFY2J2008189', other.id, { color: 'silver', year: 2018 });
    await stock.inv.api().put('/api/automobiles/WA1A4AFY2J2008189/').send({ sold: true }).expect(200);

    const vins = async (query: string) =>
      ((await stock.inv.api().get(`/api/automobiles/${query}`).expect(200)).body.autos as { vin: string }[]).map(
        (a) => a.vin,
      );
    expect(await vins('?sold=true')).toEqual(['WA1A4AFY2J2008189']);
    expect(await vins('?sold=false')).not.toContain('WA1A4AFY2J2008189');
    expect(await vins('?q=audi')).toEqual(['WA1A4AFY2J2008189']);
    expect(await vins('?q=Q5')).toEqual(['WA1A4AFY2J2008189']);
    expect(await vins('?q=silver')).toEqual(['WA1A4AFY2J2008189']);
    expect(await vins('?q=2008189')).toEqual(['WA1A4AFY2J2008189']);
    expect(await vins('?q=sebring')).toEqual(expect.arrayContaining(['1C3CC5FB2AN120174']));
    expect(await vins('?q=%25')).toEqual([]);
    const page = await stock.inv.api().get('/api/automobiles/?limit=1&offset=1&sold=false').expect(200);
    expect(page.body.autos).toHaveLength(1);
    expect(page.headers['x-total-count']).toBe(String((await vins('?sold=false')).length));
  });

  it('reports totals that always match the stored cars, through concurrent creates, sales, voids and deletes', async () => {
    const real = async (sold?: boolean) => {
      const where = sold === undefined ? sql`` : sql`where sold = ${sold}`;
      const rows = await queryRows<{ n: number | string }>(
        stock.inv.db,
        sql`select count(*) as n from inventory.automobiles ${where}`,
      );
      return Number(rows[0]?.n);
    };
    const totals = async () => {
      const header = async (query: string) =>
        Number((await stock.inv.api().get(`/api/automobiles/?limit=1${query}`).expect(200)).headers['x-total-count']);
      return { all: await header(''), sold: await header('&sold=true'), unsold: await header('&sold=false') };
    };
    const soldBefore = await real(true);
    const vins = Array.from({ length: 30 }, (_, i) => sampleVin(700 + i));
    await Promise.all(
      vins.map((vin) =>
        stock.inv.api().post('/api/automobiles/').send({ color: 'red', year: 2020, vin, model_id: stock.modelId }),
      ),
    );
    await Promise.all(
      vins.slice(0, 12).map((vin) => stock.inv.api().put(`/api/automobiles/${vin}/`).send({ sold: true }).expect(200)),
    );
    await Promise.all([
      ...vins
        .slice(0, 4)
        .map((vin) => stock.inv.api().put(`/api/automobiles/${vin}/`).send({ sold: false }).expect(200)),
      ...vins
        .slice(4, 6)
        .map((vin) => stock.inv.api().put(`/api/automobiles/${vin}/`).send({ sold: true }).expect(200)),
      ...vins.slice(20, 25).map((vin) => stock.inv.api().delete(`/api/automobiles/${vin}/`).expect(200)),
    ]);
    expect(await totals()).toEqual({ all: await real(), sold: await real(true), unsold: await real(false) });
    expect(await real(true)).toBe(soldBefore + 8);
    const pastTheEnd = await stock.inv.api().get('/api/automobiles/?limit=5&offset=100000&sold=true').expect(200);
    expect(pastTheEnd.body.autos).toEqual([]);
    expect(pastTheEnd.headers['x-total-count']).toBe(String(soldBefore + 8));
  });

  it('refuses a duplicate VIN with 409', async () => {
    await addAutomobile(stock.inv, '1HGCM82633A004352', stock.modelId);
    const before = await count();
    const res = await stock.inv
      .api()
      .post('/api/automobiles/')
      .send({ color: 'red', year: 2003, vin: '1hgcm82633a004352', model_id: stock.modelId })
      .expect(409);
    expect(res.body).toMatchObject({ code: 'conflict', message: expect.stringContaining('1HGCM82633A004352') });
    expect(await count()).toBe(before);
  });

  it('accepts a foreign VIN whose check digit does not match (reported, not refused)', async () => {
    await addAutomobile(stock.inv, 'JHMAP11432T2N3BH3', stock.modelId);
  });

  const nextYearPlusTwo = new Date().getUTCFullYear() + 2;
  const good = { color: 'red', year: 2012, vin: '1FTMW1T88MFA00001', model_id: 0 };
  it.each([
    ['wrong type for year', { year: 'abc' }, 'year'],
    ['a fractional year', { year: 2012.5 }, 'year'],
    ['a year before 1900', { year: 1899 }, 'year'],
    ['a year after next year + 1', { year: nextYearPlusTwo + 1 }, 'year'],
    ['an empty color', { color: '' }, 'color'],
    ['a color over 50 characters', { color: 'c'.repeat(51) }, 'color'],
    ['a short VIN', { vin: '1FTMW1T88MFA0000' }, 'vin'],
    ['a VIN with I', { vin: '1FTMW1T88MFA0000I' }, 'vin'],
    ['a VIN with O', { vin: '1FTMW1T88MFAO0001' }, 'vin'],
    ['a VIN with Q', { vin: '1FTMW1T88MFAQ0001' }, 'vin'],
    ['a North American VIN with a wrong check digit', { vin: '1G1YZ23J9P5800003' }, 'vin'],
    ['a VIN of the wrong type', { vin: 1234567 }, 'vin'],
    ['a missing model_id', { model_id: undefined }, 'model_id'],
    ['a model_id of the wrong type', { model_id: 'abc' }, 'model_id'],
  ])('answers 400 for %s, writing nothing', async (_label, change, path) => {
    const before = await count();
    const res = await stock.inv
      .api()
      .post('/api/automobiles/')
      .send({ ...good, model_id: stock.modelId, ...change })
      .expect(400);
    expect(res.body).toMatchObject({ message: 'Invalid request', code: 'validation_error' });
    expect(res.body.errors.map((e: { path: string }) => e.path)).toContain(path);
    expect(await count()).toBe(before);
  });

  it('accepts the latest allowed year (next year + 1)', async () => {
    await addAutomobile(stock.inv, '1FTMW1T88MFA00001', stock.modelId, { year: nextYearPlusTwo });
  });

  it('answers 400 naming every missing field', async () => {
    const res = await stock.inv.api().post('/api/automobiles/').send({}).expect(400);
    expect(res.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['color', 'model_id', 'vin', 'year']);
  });

  it('answers 400 for an unknown model_id, writing nothing', async () => {
    const before = await count();
    const res = await stock.inv
      .api()
      .post('/api/automobiles/')
      .send({ color: 'red', year: 2010, vin: sampleVin(1), model_id: 987654 })
      .expect(400);
    expect(res.body.errors).toEqual([{ path: 'model_id', message: expect.any(String) }]);
    expect(await count()).toBe(before);
  });

  it('answers 400 for bad updates and 404 for unknown VINs', async () => {
    await stock.inv.api().put('/api/automobiles/1C3CC5FB2AN120174/').send({ sold: 'yes' }).expect(400);
    await stock.inv.api().put('/api/automobiles/1C3CC5FB2AN120174/').send({ year: 1800 }).expect(400);
    await stock.inv.api().put('/api/automobiles/1C3CC5FB2AN120174/').send({ color: '' }).expect(400);
    await stock.inv.api().get('/api/automobiles/1C3CC5FB2AN120174/').expect(200);
    await stock.inv.api().get('/api/automobiles/5YJSA1E26HF000001/').expect(404);
    await stock.inv.api().put('/api/automobiles/5YJSA1E26HF000001/').send({ sold: true }).expect(404);
    await stock.inv.api().delete('/api/automobiles/5YJSA1E26HF000001/').expect(404);
    await stock.inv
      .api()
      .get(`/api/automobiles/${'Z'.repeat(300)}/`)
      .expect(404);
  });

  it.each(['?limit=-1', '?limit=0', '?limit=501', '?limit=99999999999999', '?limit=abc', '?offset=-5', '?sold=maybe'])(
    'answers 400 for the list query %s',
    async (query) => {
      const res = await stock.inv.api().get(`/api/automobiles/${query}`).expect(400);
      expect(res.body.code).toBe('validation_error');
      expect(res.body.errors.length).toBeGreaterThan(0);
    },
  );
});

describe('sorting the stock: ?sort=', () => {
  type Car = { id: number; vin: string; year: number; sold: boolean };
  const orders: Record<string, (a: Car, b: Car) => number> = {
    id: (a, b) => a.id - b.id,
    '-id': (a, b) => b.id - a.id,
    vin: (a, b) => (a.vin < b.vin ? -1 : a.vin > b.vin ? 1 : 0),
    year: (a, b) => a.year - b.year || a.id - b.id,
    '-year': (a, b) => b.year - a.year || b.id - a.id,
  };
  let mine: Car[];

  beforeAll(async () => {
    const model = await seedModel(stock.inv, 'Sorter Motors', 'Orderly');
    // Years with ties, VINs whose order is not their id order, one sold car.
    const cars = [
      [sampleVin(905, '5YJSA1E20HF'), 2015],
      [sampleVin(901, '1FTMW1T80MF'), 2021],
      [sampleVin(903, '3TMCZ5AN0KM'), 2015],
      [sampleVin(902, '2HGFC2F50LH'), 1999],
      [sampleVin(904, '1C4RJFBG0EC'), 2021],
    ] as const;
    mine = [];
    for (const [vin, year] of cars) mine.push((await addAutomobile(stock.inv, vin, model.id, { year })) as Car);
    await stock.inv.api().put(`/api/automobiles/${mine[2]?.vin}/`).send({ sold: true }).expect(200);
    mine = await Promise.all(
      mine.map(async (car) => (await stock.inv.api().get(`/api/automobiles/${car.vin}/`)).body as Car),
    );
  });

  const vinsOf = (res: { body: { autos: Car[] } }) => res.body.autos.map((car) => car.vin);

  it.each(Object.keys(orders))('sorts a search by %s', async (sort) => {
    const order = orders[sort] as (a: Car, b: Car) => number;
    const res = await stock.inv.api().get(`/api/automobiles/?q=orderly&sort=${sort}`).expect(200);
    expect(vinsOf(res)).toEqual([...mine].sort(order).map((car) => car.vin));
    expect(res.headers['x-total-count']).toBe('5');
    const paged = [];
    for (let offset = 0; offset < 5; offset += 2) {
      const page = await stock.inv
        .api()
        .get(`/api/automobiles/?q=orderly&sort=${sort}&limit=2&offset=${offset}`)
        .expect(200);
      expect(page.headers['x-total-count']).toBe('5');
      paged.push(...vinsOf(page));
    }
    expect(paged).toEqual(vinsOf(res));
    const unsold = await stock.inv.api().get(`/api/automobiles/?q=orderly&sort=${sort}&sold=false`).expect(200);
    expect(vinsOf(unsold)).toEqual(
      [...mine]
        .filter((car) => !car.sold)
        .sort(order)
        .map((car) => car.vin),
    );
  });

  it.each(
    Object.keys(orders).flatMap((sort) => [
      [sort, ''],
      [sort, '&sold=true'],
      [sort, '&sold=false'],
    ]),
  )('pages the whole stock by %s%s, each page in order with the total', async (sort, sold) => {
    const order = orders[sort] as (a: Car, b: Car) => number;
    const whole = await stock.inv.api().get(`/api/automobiles/?sort=${sort}${sold}`).expect(200);
    const cars = whole.body.autos as Car[];
    expect(cars.length).toBeGreaterThan(5);
    expect(cars.map((car) => car.vin)).toEqual([...cars].sort(order).map((car) => car.vin));
    const paged: string[] = [];
    for (let offset = 0; offset < cars.length; offset += 7) {
      const page = await stock.inv
        .api()
        .get(`/api/automobiles/?sort=${sort}${sold}&limit=7&offset=${offset}`)
        .expect(200);
      expect(page.headers['x-total-count']).toBe(String(cars.length));
      paged.push(...vinsOf(page));
    }
    expect(paged).toEqual(cars.map((car) => car.vin));
  });

  it('sorts by id unless asked, as classic clients expect', async () => {
    const plain = await stock.inv.api().get('/api/automobiles/?limit=50').expect(200);
    const byId = await stock.inv.api().get('/api/automobiles/?limit=50&sort=id').expect(200);
    expect(plain.body).toEqual(byId.body);
    const ids = plain.body.autos.map((car: Car) => car.id);
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
  });

  it('refuses an unknown sort with a sentence naming the choices', async () => {
    const res = await stock.inv.api().get('/api/automobiles/?sort=color').expect(400);
    expect(res.body.errors).toEqual([{ path: 'sort', message: 'Sort by one of: id, -id, vin, year, -year' }]);
  });
});

describe('messages a person understands', () => {
  const jargon = /Invalid input|expected|received|NaN|undefined|must be/;
  const latest = new Date().getUTCFullYear() + 2;
  // A VIN no other test adds, so only the field under test can be refused.
  const good = { color: 'red', year: 2012, vin: sampleVin(950) };

  it.each([
    ['an empty color', { color: '' }, 'color', 'Enter the color'],
    ['a missing color', { color: undefined }, 'color', 'Enter the color'],
    ['a color over 50 characters', { color: 'c'.repeat(51) }, 'color', 'The color can be at most 50 characters'],
    ['a year that is text', { year: 'abc' }, 'year', `Enter a year from 1900 to ${latest}`],
    ['a year before 1900', { year: 1899 }, 'year', `Enter a year from 1900 to ${latest}`],
    ['a year too far ahead', { year: latest + 1 }, 'year', `Enter a year from 1900 to ${latest}`],
    ['a missing year', { year: undefined }, 'year', `Enter a year from 1900 to ${latest}`],
    ['an empty VIN', { vin: '' }, 'vin', 'Enter the VIN'],
    ['a VIN of 16 characters', { vin: '1FTMW1T88MFA0000' }, 'vin', 'A VIN has 17 characters; this one has 16'],
    [
      'a VIN with a Q',
      { vin: '1FTMW1T88MFAQ0001' },
      'vin',
      'A VIN uses only digits and the letters A–Z except I, O and Q',
    ],
    [
      'a VIN with a wrong check digit',
      { vin: '1G1YZ23J9P5800003' },
      'vin',
      'The check digit (9th character) should be 7 for this VIN; check for a typo',
    ],
    ['no vehicle model chosen', { model_id: '' }, 'model_id', 'Choose a vehicle model'],
    ['a missing vehicle model', { model_id: undefined }, 'model_id', 'Choose a vehicle model'],
    [
      'an unknown vehicle model',
      { model_id: 987654 },
      'model_id',
      'This vehicle model is no longer on file; choose another',
    ],
  ])('%s: the 400 names the field with a sentence', async (_label, change, path, message) => {
    const res = await stock.inv
      .api()
      .post('/api/automobiles/')
      .send({ ...good, model_id: stock.modelId, ...change })
      .expect(400);
    expect(res.body.errors).toContainEqual({ path, message });
  });

  it('words the models and manufacturers pickers and fields too', async () => {
    const noMaker = await stock.inv
      .api()
      .post('/api/models/')
      .send({ name: 'X', picture_url: 'https://p.example/x.jpg' })
      .expect(400);
    expect(noMaker.body.errors).toEqual([{ path: 'manufacturer_id', message: 'Choose a manufacturer' }]);
    const unknownMaker = await stock.inv
      .api()
      .post('/api/models/')
      .send({ name: 'X', picture_url: 'https://p.example/x.jpg', manufacturer_id: 987654 })
      .expect(400);
    expect(unknownMaker.body.errors).toEqual([
      { path: 'manufacturer_id', message: 'This manufacturer is no longer on file; choose another' },
    ]);
    const badUrl = await stock.inv
      .api()
      .post('/api/models/')
      .send({ name: '', picture_url: 'ftp://x', manufacturer_id: 1 })
      .expect(400);
    expect(badUrl.body.errors).toEqual([
      { path: 'name', message: 'Enter the name' },
      { path: 'picture_url', message: 'Enter a picture URL starting with http:// or https://' },
    ]);
    const noName = await stock.inv.api().post('/api/manufacturers/').send({}).expect(400);
    expect(noName.body.errors).toEqual([{ path: 'name', message: 'Enter the name' }]);
    const sold = await stock.inv.api().put('/api/automobiles/1C3CC5FB2AN120174/').send({ sold: 'yes' }).expect(400);
    expect(sold.body.errors).toEqual([{ path: 'sold', message: 'Choose whether the car is sold: true or false' }]);
  });

  it('never answers parser jargon for a sample of bad bodies and queries', async () => {
    const bodies: unknown[] = [
      {},
      [],
      'text',
      7,
      null,
      { color: 5, year: true, vin: [], model_id: {} },
      { color: null, year: null, vin: null, model_id: null },
      { color: ' ', year: '20 12', vin: 'x'.repeat(40), model_id: -3 },
      { color: '🚗', year: 'NaN', vin: '🚗', model_id: 'NaN' },
      { color: 'red', year: 1e20, vin: sampleVin(3), model_id: 1.5 },
    ];
    const answers = [
      ...(await Promise.all(
        bodies.map((body) =>
          stock.inv.api().post('/api/automobiles/').set('Content-Type', 'application/json').send(JSON.stringify(body)),
        ),
      )),
      ...(await Promise.all(
        [
          'limit=abc',
          'limit=0',
          'limit=501',
          'offset=-1',
          'offset=1.5',
          'sold=maybe',
          'sort=',
          `q=${'q'.repeat(101)}`,
        ].map((query) => stock.inv.api().get(`/api/automobiles/?${query}`)),
      )),
      await stock.inv.api().put('/api/automobiles/1C3CC5FB2AN120174/').send({ year: 'soon', color: 3, sold: 'no' }),
      await stock.inv.api().post('/api/models/').send({ name: [], picture_url: 42, manufacturer_id: 'x' }),
      await stock.inv
        .api()
        .post('/api/manufacturers/')
        .send({ name: { first: 'x' } }),
      await stock.inv.api().get(`/api/vins/${'Z'.repeat(65)}/`),
    ];
    for (const res of answers) {
      expect(res.status).toBe(400);
      const messages = (res.body.errors as Array<{ message: string }>).map((e) => e.message);
      expect(messages.length).toBeGreaterThan(0);
      for (const message of messages) expect(message).not.toMatch(jargon);
    }
  });
});

describe('request bodies', () => {
  it('answers malformed JSON with 400 JSON', async () => {
    const res = await stock.inv
      .api()
      .post('/api/automobiles/')
      .set('Content-Type', 'application/json')
      .send('{"color": "red",')
      .expect(400);
    expect(res.body).toMatchObject({ code: 'validation_error', message: expect.any(String) });
  });

  it('answers a body over 100 kB with 413 JSON', async () => {
    const res = await stock.inv
      .api()
      .post('/api/manufacturers/')
      .send({ name: 'x'.repeat(110_000) })
      .expect(413);
    expect(res.body).toMatchObject({ code: 'payload_too_large', message: expect.any(String) });
  });

  it('answers unknown paths with 404 JSON', async () => {
    const res = await stock.inv.api().get('/api/nothing-here/').expect(404);
    expect(res.body).toEqual({ message: 'Does not exist', code: 'not_found' });
  });

  it('reports health', async () => {
    await stock.inv.api().get('/healthz').expect(200, { status: 'ok' });
  });
});

describe("the services' own credentials", () => {
  it('let the sales outbox mark a car sold or unsold, and nothing else', async () => {
    const vin = sampleVin(777);
    await addAutomobile(stock.inv, vin, stock.modelId);
    const salesOutbox = await asService('sales-api', 'inventory-api');
    const sold = await stock.inv
      .api()
      .put(`/api/automobiles/${vin}/`)
      .set(salesOutbox)
      .send({ sold: true })
      .expect(200);
    expect(sold.body.sold).toBe(true);
    const recolor = await stock.inv
      .api()
      .put(`/api/automobiles/${vin}/`)
      .set(salesOutbox)
      .send({ sold: false, color: 'green' })
      .expect(403);
    expect(recolor.body.message).toBe(
      'You do not have permission to create, change or delete manufacturers, models and automobiles',
    );
    await stock.inv.api().get(`/api/automobiles/${vin}/`).set(salesOutbox).expect(403);
    await stock.inv.api().delete(`/api/automobiles/${vin}/`).set(salesOutbox).expect(403);
    // The service API's poller reads the feed; marking cars sold is not its business.
    const servicePoller = await asService('service-api', 'inventory-api');
    await stock.inv.api().put(`/api/automobiles/${vin}/`).set(servicePoller).send({ sold: false }).expect(403);
    const after = await stock.inv.api().get(`/api/automobiles/${vin}/`).expect(200);
    expect(after.body).toMatchObject({ sold: true, color: 'red' });
  });
});

describe('the automobile list as CSV', () => {
  it('flattens the model and its manufacturer into dotted columns and keeps the filters', async () => {
    const vin = sampleVin(778);
    await addAutomobile(stock.inv, vin, stock.modelId, { color: 'aubergine' });
    const res = await stock.inv.api().get('/api/automobiles/?q=aubergine').set('Accept', 'text/csv').expect(200);
    const rows = parse(res.text, { columns: true }) as Array<Record<string, string>>;
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      vin,
      color: 'aubergine',
      year: '2012',
      sold: 'false',
      href: `/api/automobiles/${vin}/`,
      'model.name': 'Sebring',
      'model.manufacturer.name': 'Chrysler',
    });
  });
});

describe('conditional reads of the automobile list', () => {
  it('answers 304 to a matching If-None-Match until any car in it changes, and per query and format', async () => {
    const vin = sampleVin(779);
    await addAutomobile(stock.inv, vin, stock.modelId);
    const first = await stock.inv.api().get('/api/automobiles/').expect(200);
    const etag = first.headers.etag as string;
    expect(etag).toMatch(/^W\/".+"$/);
    await stock.inv.api().get('/api/automobiles/').set('If-None-Match', etag).expect(304);
    // Another query or the CSV form is another representation: not the same tag.
    const filtered = await stock.inv.api().get('/api/automobiles/?sold=false').expect(200);
    expect(filtered.headers.etag).not.toBe(etag);
    const csv = await stock.inv.api().get('/api/automobiles/').set('Accept', 'text/csv').expect(200);
    expect(csv.headers.etag).not.toBe(etag);
    // A change to one car, or to its model's name, makes every list new.
    await stock.inv.api().put(`/api/automobiles/${vin}/`).send({ color: 'teal' }).expect(200);
    const changed = await stock.inv.api().get('/api/automobiles/').set('If-None-Match', etag).expect(200);
    expect(changed.headers.etag).not.toBe(etag);
    await stock.inv
      .api()
      .get('/api/automobiles/')
      .set('If-None-Match', changed.headers.etag as string)
      .expect(304);
    await stock.inv.api().put(`/api/models/${stock.modelId}/`).send({ name: 'Sebring II' }).expect(200);
    const renamed = await stock.inv
      .api()
      .get('/api/automobiles/')
      .set('If-None-Match', changed.headers.etag as string)
      .expect(200);
    expect(renamed.body.autos.find((car: { vin: string }) => car.vin === vin).model.name).toBe('Sebring II');
    await stock.inv.api().put(`/api/models/${stock.modelId}/`).send({ name: 'Sebring' }).expect(200);
  });
});
