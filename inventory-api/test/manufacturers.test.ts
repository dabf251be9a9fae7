import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Inventory, seedModel, startInventory } from './helpers.js';

let inv: Inventory;
beforeAll(async () => {
  inv = await startInventory();
});
afterAll(() => inv.close());

describe('manufacturers', () => {
  it('creates, lists, reads, renames and deletes with the classic JSON', async () => {
    const created = await inv.api().post('/api/manufacturers/').send({ name: '  Chrysler ' }).expect(201);
    expect(created.body).toEqual({
      href: `/api/manufacturers/${created.body.id}/`,
      id: created.body.id,
      name: 'Chrysler',
    });
    const id = created.body.id as number;

    const list = await inv.api().get('/api/manufacturers/').expect(200);
    expect(list.body).toEqual({ manufacturers: [created.body] });
    expect(list.headers['x-total-count']).toBe('1');

    await inv.api().get(`/api/manufacturers/${id}/`).expect(200, created.body);
    await inv.api().get(`/api/manufacturers/${id}`).expect(200, created.body);

    const renamed = await inv.api().put(`/api/manufacturers/${id}/`).send({ name: 'Stellantis' }).expect(200);
    expect(renamed.body.name).toBe('Stellantis');

    const deleted = await inv.api().delete(`/api/manufacturers/${id}/`).expect(200);
    expect(deleted.body).toEqual(renamed.body);
    await inv.api().get(`/api/manufacturers/${id}/`).expect(404, { message: 'Does not exist', code: 'not_found' });
  });

  it('refuses a duplicate name, ignoring case (409)', async () => {
    await inv.api().post('/api/manufacturers/').send({ name: 'Toyota' }).expect(201);
    const dup = await inv.api().post('/api/manufacturers/').send({ name: 'toyota' }).expect(409);
    expect(dup.body).toMatchObject({ code: 'conflict', message: expect.stringContaining('toyota') });
    const other = await inv.api().post('/api/manufacturers/').send({ name: 'Honda' }).expect(201);
    await inv.api().put(`/api/manufacturers/${other.body.id}/`).send({ name: 'TOYOTA' }).expect(409);
  });

  it('will not delete a manufacturer that still has models (409)', async () => {
    const model = await seedModel(inv, 'Ford', 'Focus');
    const res = await inv.api().delete(`/api/manufacturers/${model.manufacturer.id}/`).expect(409);
    expect(res.body.code).toBe('conflict');
    await inv.api().get(`/api/manufacturers/${model.manufacturer.id}/`).expect(200);
  });

  it('pages with limit and offset and reports the total', async () => {
    for (const name of ['Kia', 'Mazda', 'Subaru'])
      await inv.api().post('/api/manufacturers/').send({ name }).expect(201);
    const all = (await inv.api().get('/api/manufacturers/').expect(200)).body.manufacturers as { id: number }[];
    const page = await inv.api().get('/api/manufacturers/?limit=2&offset=1').expect(200);
    expect(page.body.manufacturers).toEqual(all.slice(1, 3));
    expect(page.headers['x-total-count']).toBe(String(all.length));
    const past = await inv.api().get('/api/manufacturers/?limit=2&offset=1000').expect(200);
    expect(past.body.manufacturers).toEqual([]);
    expect(past.headers['x-total-count']).toBe(String(all.length));
  });

  it.each([
    ['missing name', {}],
    ['empty name', { name: '   ' }],
    ['name over 100 characters', { name: 'x'.repeat(101) }],
    ['wrong type', { name: 42 }],
  ])('answers 400 naming the field for %s', async (_label, body) => {
    const before = (await inv.api().get('/api/manufacturers/')).body.manufacturers.length;
    const res = await inv.api().post('/api/manufacturers/').send(body).expect(400);
    expect(res.body).toMatchObject({ message: 'Invalid request', code: 'validation_error' });
    expect(res.body.errors[0].path).toBe('name');
    expect((await inv.api().get('/api/manufacturers/')).body.manufacturers.length).toBe(before);
  });

  it.each(['abc', '0', '-1', '1.5', '99999999999', '2147483648'])('answers 404 for the id %s', async (id) => {
    await inv.api().get(`/api/manufacturers/${id}/`).expect(404);
    await inv.api().delete(`/api/manufacturers/${id}/`).expect(404);
  });
});
