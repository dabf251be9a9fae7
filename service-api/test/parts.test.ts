import type { AuditEntry } from '@carcar/common/contract/audit';
import type { Part, PartMovement } from '@carcar/common/contract/parts';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ServiceApi, startServiceApi } from './helpers.js';

let svc: ServiceApi;
beforeAll(async () => {
  svc = await startServiceApi();
});
afterAll(() => svc.close());

let serial = 0;
/** A new part (as an advisor), with a number no other test uses. */
async function addPart(overrides: Record<string, unknown> = {}): Promise<Part> {
  serial++;
  const res = await svc
    .api('service')
    .post('/api/parts/')
    .send({ number: `OF-${serial}`, description: 'Oil filter', price: 12.5, cost: 4.1, reorder_point: 5, ...overrides })
    .expect(201);
  return res.body as Part;
}

async function movements(number: string): Promise<PartMovement[]> {
  return (await svc.api('technician').get(`/api/parts/${number}/movements/`).expect(200)).body.movements;
}

describe('the parts list', () => {
  it('adds a part with exact money, reads it by number in any case, and refuses a duplicate number with 409', async () => {
    const part = await addPart({ number: 'BP-100', price: '89.99', cost: 41.3, on_hand: 4 });
    expect(part).toEqual({
      number: 'BP-100',
      description: 'Oil filter',
      price: 89.99,
      cost: 41.3,
      on_hand: 4,
      reorder_point: 5,
    });
    expect((await svc.api('technician').get('/api/parts/bp-100/').expect(200)).body).toEqual(part);
    await svc.api('technician').get('/api/parts/bp-100').expect(200);
    const duplicate = await svc
      .api('service')
      .post('/api/parts/')
      .send({ number: 'bp-100', description: 'Brake pads', price: 1 })
      .expect(409);
    expect(duplicate.body).toMatchObject({ code: 'conflict', errors: [{ path: 'number' }] });
    expect(duplicate.body.message).toMatch(/already on the list/);
    // The opening stock is the part's first receipt.
    expect(await movements('BP-100')).toMatchObject([{ quantity: 4, reason: 'receipt', repair_order: null }]);
  });

  it('names each bad field and refuses a price with a third decimal', async () => {
    const res = await svc
      .api('service')
      .post('/api/parts/')
      .send({ number: 'a/b', description: '', price: 1.005, on_hand: -1 })
      .expect(400);
    expect(res.body.errors.map((error: { path: string }) => error.path).sort()).toEqual(
      ['description', 'number', 'on_hand', 'price'].sort(),
    );
    await svc.api('service').get('/api/parts/NO-SUCH/').expect(404);
    await svc.api('service').get('/api/parts/a%2Fb/').expect(404);
  });

  it('searches by number or description, lists those at or under the reorder point, pages, and answers CSV', async () => {
    const low = await addPart({ description: 'Wiper blade, 22 inch', on_hand: 2, reorder_point: 2 });
    await addPart({ description: 'Wiper blade, 24 inch', on_hand: 10, reorder_point: 2 });
    const search = await svc.api('technician').get('/api/parts/?q=wiper%20blade').expect(200);
    expect(search.body.parts.map((part: Part) => part.description)).toEqual([
      'Wiper blade, 22 inch',
      'Wiper blade, 24 inch',
    ]);
    expect(search.headers['x-total-count']).toBe('2');
    const lowList = await svc.api('technician').get('/api/parts/?low=true&q=wiper').expect(200);
    expect(lowList.body.parts).toEqual([low]);
    const page = await svc.api('technician').get('/api/parts/?q=wiper&limit=1&offset=1').expect(200);
    expect(page.body.parts).toHaveLength(1);
    expect(page.headers['x-total-count']).toBe('2');
    const csv = await svc.api('technician').get('/api/parts/?q=wiper').set('Accept', 'text/csv').expect(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.text.split('\r\n')[0]).toBe('number,description,price,cost,on_hand,reorder_point');
    expect(csv.text).toContain(`${low.number},"Wiper blade, 22 inch",12.5,4.1,2,2`);
    await svc.api('technician').get('/api/parts/?low=maybe').expect(400);
  });

  it('changes a part but never its stock by editing', async () => {
    const part = await addPart();
    const changed = await svc
      .api('service')
      .put(`/api/parts/${part.number}/`)
      .send({ price: '14.00', description: 'Oil filter (long life)' })
      .expect(200);
    expect(changed.body).toMatchObject({ price: 14, description: 'Oil filter (long life)' });
    const refused = await svc.api('service').put(`/api/parts/${part.number}/`).send({ on_hand: 100 }).expect(400);
    expect(refused.body.errors).toEqual([
      { path: 'on_hand', message: expect.stringMatching(/receipt or an adjustment/) },
    ]);
    await svc.api('technician').put(`/api/parts/${part.number}/`).send({ price: 1 }).expect(403);
  });

  it('receives stock (with its cost and reference) and adjusts it (managers only), each a movement and an audit entry', async () => {
    const part = await addPart({ on_hand: 1 });
    const received = await svc
      .api('service')
      .post(`/api/parts/${part.number}/receipts/`)
      .send({ quantity: 12, cost: '3.95', reference: 'PO-7781' })
      .expect(201);
    expect(received.body).toMatchObject({ on_hand: 13, cost: 3.95 });
    await svc
      .api('service')
      .post(`/api/parts/${part.number}/adjustments/`)
      .send({ quantity: -2, reason: 'damaged' })
      .expect(403);
    const adjusted = await svc
      .api('manager')
      .post(`/api/parts/${part.number}/adjustments/`)
      .send({ quantity: -2.5, reason: 'Counted on the shelf' })
      .expect(201);
    expect(adjusted.body.on_hand).toBe(10.5);
    await svc
      .api('manager')
      .post(`/api/parts/${part.number}/adjustments/`)
      .send({ quantity: 0, reason: 'x' })
      .expect(400);
    await svc.api('manager').post(`/api/parts/${part.number}/adjustments/`).send({ quantity: 1 }).expect(400);
    await svc.api('service').post(`/api/parts/${part.number}/receipts/`).send({ quantity: -1 }).expect(400);
    await svc.api('service').post('/api/parts/NOPE-1/receipts/').send({ quantity: 1 }).expect(404);

    const list = await movements(part.number);
    expect(list).toMatchObject([
      { quantity: -2.5, reason: 'adjustment', note: 'Counted on the shelf', actor: { role: 'manager' } },
      { quantity: 12, reason: 'receipt', cost: 3.95, reference: 'PO-7781', actor: { role: 'service' } },
      { quantity: 1, reason: 'receipt', reference: 'opening stock' },
    ]);
    for (const movement of list) expect(movement.at).toMatch(/^\d{4}-\d\d-\d\dT.*Z$/);
    await svc.api('sales').get(`/api/parts/${part.number}/movements/`).expect(403);

    const audit = await svc.api('manager').get('/api/audit/?entity=part').expect(200);
    const entries = (audit.body.entries as AuditEntry[]).filter((entry) =>
      ['receipt', 'adjustment'].includes(entry.action),
    );
    expect(entries.slice(0, 2)).toMatchObject([
      { action: 'adjustment', reason: 'Counted on the shelf', changes: { on_hand: [13, 10.5] } },
      { action: 'receipt', reason: 'PO-7781', changes: { on_hand: [1, 13], cost: [4.1, 3.95] } },
    ]);
  });

  it('answers sales 403 and no credential 401', async () => {
    await svc.api('sales').get('/api/parts/').expect(403);
    await request(svc.app).get('/api/parts/').expect(401);
  });
});

describe('importing parts from CSV', () => {
  function importCsv(csv: string, query = '', role: 'manager' | 'service' | 'technician' = 'service') {
    return svc.api(role).post(`/api/parts/import/${query}`).set('Content-Type', 'text/csv').send(csv);
  }

  it('adds every row of a good file, with opening stock as receipts', async () => {
    const res = await importCsv(
      'Number,Description,Price,Cost,On_Hand,Reorder_Point\r\nIMP-1,"Spark plug, iridium",9.99,3.5,40,10\r\nIMP-2,Cabin filter,24,,,\n',
    ).expect(200);
    expect(res.body).toEqual({ created: 2, valid: 2, dry_run: false });
    expect((await svc.api().get('/api/parts/IMP-1/').expect(200)).body).toEqual({
      number: 'IMP-1',
      description: 'Spark plug, iridium',
      price: 9.99,
      cost: 3.5,
      on_hand: 40,
      reorder_point: 10,
    });
    expect((await svc.api().get('/api/parts/IMP-2/').expect(200)).body).toMatchObject({ cost: null, on_hand: 0 });
    expect(await movements('IMP-1')).toMatchObject([
      { quantity: 40, reason: 'receipt', reference: 'imported from a CSV file' },
    ]);
    expect(await movements('IMP-2')).toEqual([]);
  });

  it('refuses the whole file, naming every bad row by line, and writes nothing; a dry run writes nothing either', async () => {
    await addPart({ number: 'ON-FILE-1' });
    const res = await importCsv(
      [
        'number,description,price',
        'IMP-10,Good,1',
        'IMP-11,Bad price,abc',
        'imp-10,Twice,1',
        'on-file-1,Already there,2',
        ',No number,2',
      ].join('\n'),
    ).expect(400);
    expect(res.body.code).toBe('validation_error');
    expect(res.body.errors).toEqual([
      { line: 3, path: 'price', message: expect.any(String) },
      { line: 4, path: 'number', message: 'Part number imp-10 is also on line 2' },
      { line: 5, path: 'number', message: 'A part with number ON-FILE-1 is already on the list' },
      { line: 6, path: 'number', message: expect.any(String) },
    ]);
    await svc.api().get('/api/parts/IMP-10/').expect(404);
    const dry = await importCsv('number,description,price\nIMP-20,Dry,1\n', '?dry_run=true').expect(200);
    expect(dry.body).toEqual({ created: 0, valid: 1, dry_run: true });
    await svc.api().get('/api/parts/IMP-20/').expect(404);
    const header = await importCsv('number,name,price\nIMP-21,x,1\n').expect(400);
    expect(header.body.errors).toEqual([
      { line: 1, path: '(header)', message: 'The header row must name description' },
    ]);
    await importCsv('number,description,price\nIMP-22,x,1\n', '', 'technician').expect(403);
    await svc.api().get('/api/parts/IMP-22/').expect(404);
  });
});
