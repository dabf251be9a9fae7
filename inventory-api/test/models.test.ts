import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addAutomobile, type Inventory, seedModel, startInventory, VINS } from './helpers.js';

let inv: Inventory;
beforeAll(async () => {
  inv = await startInventory();
});
afterAll(() => inv.close());

describe('vehicle models', () => {
  it('creates, lists, reads, updates and deletes with the manufacturer nested', async () => {
    const maker = (await inv.api().post('/api/manufacturers/').send({ name: 'Chrysler' }).expect(201)).body;
    const created = await inv
      .api()
      .post('/api/models/')
      .send({ name: 'Sebring', picture_url: 'https://pictures.example/sebring.jpg', manufacturer_id: maker.id })
      .expect(201);
    expect(created.body).toEqual({
      href: `/api/models/${created.body.id}/`,
      id: created.body.id,
      name: 'Sebring',
      picture_url: 'https://pictures.example/sebring.jpg',
      manufacturer: maker,
    });
    const list = await inv.api().get('/api/models/').expect(200);
    expect(list.body).toEqual({ models: [created.body] });
    expect(list.headers['x-total-count']).toBe('1');
    await inv.api().get(`/api/models/${created.body.id}/`).expect(200, created.body);

    const updated = await inv.api().put(`/api/models/${created.body.id}/`).send({ name: '300' }).expect(200);
    expect(updated.body).toEqual({ ...created.body, name: '300' });
    const picture = await inv
      .api()
      .put(`/api/models/${created.body.id}/`)
      .send({ picture_url: 'https://pictures.example/300.jpg' })
      .expect(200);
    expect(picture.body.picture_url).toBe('https://pictures.example/300.jpg');

    await inv.api().delete(`/api/models/${created.body.id}/`).expect(200);
    await inv.api().get(`/api/models/${created.body.id}/`).expect(404);
  });

  it('takes a model without a picture (missing or an empty form field) and still refuses a bad URL', async () => {
    const maker = (await inv.api().post('/api/manufacturers/').send({ name: 'Pictureless' }).expect(201)).body;
    const missing = await inv.api().post('/api/models/').send({ name: 'Plain', manufacturer_id: maker.id }).expect(201);
    expect(missing.body.picture_url).toBe('');
    const empty = await inv
      .api()
      .post('/api/models/')
      .send({ name: 'Blank', picture_url: '', manufacturer_id: String(maker.id) })
      .expect(201);
    expect(empty.body.picture_url).toBe('');
    const bad = await inv
      .api()
      .post('/api/models/')
      .send({ name: 'Bad', picture_url: 'not a url', manufacturer_id: maker.id })
      .expect(400);
    expect(bad.body.errors).toEqual([
      { path: 'picture_url', message: 'Enter a picture URL starting with http:// or https://' },
    ]);
  });

  it('refuses an unknown manufacturer_id with 400 and writes nothing', async () => {
    const before = (await inv.api().get('/api/models/')).body.models.length;
    const res = await inv
      .api()
      .post('/api/models/')
      .send({ name: 'Ghost', picture_url: 'https://pictures.example/g.jpg', manufacturer_id: 9999 })
      .expect(400);
    expect(res.body.errors).toEqual([{ path: 'manufacturer_id', message: expect.any(String) }]);
    expect((await inv.api().get('/api/models/')).body.models.length).toBe(before);
  });

  it.each([
    // The picture is optional: a model without one is shown with a placeholder.
    ['missing fields', {}, ['name', 'manufacturer_id']],
    ['a picture that is not a URL', { name: 'X', picture_url: 'not a url', manufacturer_id: 1 }, ['picture_url']],
    ['a javascript: URL', { name: 'X', picture_url: 'javascript:alert(1)', manufacturer_id: 1 }, ['picture_url']],
    [
      'a name over 100 characters',
      { name: 'n'.repeat(101), picture_url: 'https://a.example/x.jpg', manufacturer_id: 1 },
      ['name'],
    ],
    [
      'a manufacturer_id of the wrong type',
      { name: 'X', picture_url: 'https://a.example/x.jpg', manufacturer_id: 'abc' },
      ['manufacturer_id'],
    ],
  ])('answers 400 for %s', async (_label, body, paths) => {
    const res = await inv.api().post('/api/models/').send(body).expect(400);
    expect(res.body.errors.map((e: { path: string }) => e.path)).toEqual(paths);
  });

  it('will not delete a model that still has automobiles (409)', async () => {
    const model = await seedModel(inv, 'Honda', 'Accord');
    await addAutomobile(inv, VINS[0] as string, model.id);
    const res = await inv.api().delete(`/api/models/${model.id}/`).expect(409);
    expect(res.body).toMatchObject({ code: 'conflict', message: expect.any(String) });
    await inv.api().get(`/api/models/${model.id}/`).expect(200);
  });

  it('answers 404 for unknown models on every verb', async () => {
    await inv.api().get('/api/models/424242/').expect(404);
    await inv.api().put('/api/models/424242/').send({ name: 'x' }).expect(404);
    await inv.api().delete('/api/models/424242/').expect(404);
  });
});
