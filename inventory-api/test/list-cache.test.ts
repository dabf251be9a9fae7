import { audited } from '@carcar/common/db/audit';
import { queryRows } from '@carcar/common/db/statements';
import { sampleVin } from '@carcar/common/vin/vin';
import { asService } from '@carcar/testing/credentials';
import { testAppOptions } from '@carcar/testing/test-app';
import { parse } from 'csv-parse/sync';
import { sql } from 'drizzle-orm';
import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../src/app.js';
import { FeedNotifier } from '../src/feed/notifier.js';
import { addAutomobile, answerCheck, type Inventory, inventoryWithModel, seedModel } from './helpers.js';

// The list answers kept as bytes until their version moves: never one older than a change that was
// committed before the request, whichever app instance on the database made it.

const stock = inventoryWithModel();

/** A second app on the same database, with caches of its own: another replica. */
async function replicaOf(inv: Inventory) {
  const feedNotifier = new FeedNotifier();
  const app = createApp({ db: inv.db, feedNotifier, ...(await testAppOptions('inventory-api', answerCheck)) });
  return { api: () => request.agent(app).set(inv.headers()), close: () => feedNotifier.close() };
}

interface Car {
  vin: string;
  color: string;
  sold: boolean;
  model: { name: string };
}

const list = async (path = '/api/automobiles/') => (await stock.inv.api().get(path).expect(200)).body.autos as Car[];
const vinsOf = (cars: Car[]) => cars.map((car) => car.vin);
const carIn = (cars: Car[], vin: string) => cars.find((car) => car.vin === vin);

/** The stored color of a car, changed behind the app's back: no feed entry, so no new version. */
async function recolorQuietly(vin: string, color: string) {
  await audited(stock.inv.db, { actor: { service: 'inventory-api' }, request_id: 'list-cache-test' }, (tx) =>
    queryRows(tx, sql`update inventory.automobiles set color = ${color} where vin = ${vin}`),
  );
}

describe('kept automobile lists', () => {
  const vins = [sampleVin(9001), sampleVin(9002), sampleVin(9003)];
  beforeAll(async () => {
    for (const vin of vins) await addAutomobile(stock.inv, vin, stock.modelId);
  });

  it('answers the same bytes again until the feed moves, then the change', async () => {
    const vin = vins[0] as string;
    const first = await stock.inv.api().get('/api/automobiles/').expect(200);
    // Changed without a feed entry: the kept answer does not know, which shows it is kept.
    await recolorQuietly(vin, 'unseen');
    const again = await stock.inv.api().get('/api/automobiles/').expect(200);
    expect(again.text).toBe(first.text);
    expect(again.headers['x-total-count']).toBe(first.headers['x-total-count']);
    // Any change through the API moves the feed: the next answer is read afresh, with both changes.
    await stock.inv.api().put(`/api/automobiles/${vins[1]}/`).send({ year: 2019 }).expect(200);
    const cars = await list();
    expect(carIn(cars, vin)?.color).toBe('unseen');
    await stock.inv.api().put(`/api/automobiles/${vin}/`).send({ color: 'red' }).expect(200);
  });

  it('never answers from before a create, an update, a sale through PUT, a rename or a delete', async () => {
    const salesOutbox = await asService('sales-api', 'inventory-api');
    const views = ['/api/automobiles/', '/api/automobiles/?sold=false', '/api/automobiles/?limit=500&sort=-id'];
    // Every view kept before each change.
    const warm = () => Promise.all(views.map((view) => list(view)));
    await warm();

    const vin = sampleVin(9010);
    await addAutomobile(stock.inv, vin, stock.modelId, { color: 'white' });
    for (const view of views) expect(vinsOf(await list(view))).toContain(vin);

    await warm();
    await stock.inv.api().put(`/api/automobiles/${vin}/`).send({ color: 'black' }).expect(200);
    for (const view of views) expect(carIn(await list(view), vin)?.color).toBe('black');

    await warm();
    await stock.inv.api().put(`/api/automobiles/${vin}/`).set(salesOutbox).send({ sold: true }).expect(200);
    expect(vinsOf(await list('/api/automobiles/?sold=false'))).not.toContain(vin);
    expect(vinsOf(await list('/api/automobiles/?sold=true'))).toContain(vin);
    expect(carIn(await list(), vin)?.sold).toBe(true);

    await warm();
    await stock.inv.api().put(`/api/models/${stock.modelId}/`).send({ name: 'Sebring Kept' }).expect(200);
    expect(carIn(await list(), vin)?.model.name).toBe('Sebring Kept');
    await stock.inv.api().put(`/api/models/${stock.modelId}/`).send({ name: 'Sebring' }).expect(200);

    await warm();
    await stock.inv.api().delete(`/api/automobiles/${vin}/`).expect(200);
    for (const view of [...views, '/api/automobiles/?sold=true']) expect(vinsOf(await list(view))).not.toContain(vin);
  });

  it('never answers from before a change another replica made on the same database', async () => {
    const replica = await replicaOf(stock.inv);
    try {
      const vin = sampleVin(9020);
      // Both instances keep the list and its CSV first.
      for (const api of [stock.inv.api, replica.api]) {
        await api().get('/api/automobiles/').expect(200);
        await api().get('/api/automobiles/').set('Accept', 'text/csv').expect(200);
      }
      await replica
        .api()
        .post('/api/automobiles/')
        .send({ vin, color: 'red', year: 2020, model_id: stock.modelId })
        .expect(201);
      expect(vinsOf(await list())).toContain(vin);
      const csv = await stock.inv.api().get('/api/automobiles/').set('Accept', 'text/csv').expect(200);
      expect(csv.text).toContain(vin);

      await stock.inv.api().put(`/api/automobiles/${vin}/`).send({ color: 'plum' }).expect(200);
      const seen = (await replica.api().get('/api/automobiles/').expect(200)).body.autos as Car[];
      expect(carIn(seen, vin)?.color).toBe('plum');

      await replica.api().delete(`/api/automobiles/${vin}/`).expect(200);
      expect(vinsOf(await list())).not.toContain(vin);
    } finally {
      replica.close();
    }
  });

  it('shows each writer its own write, however many reads and writes run at once', async () => {
    const replica = await replicaOf(stock.inv);
    try {
      // Each worker writes through one instance and reads through the other straight after:
      // reads in flight when a write commits must not answer that worker's next read.
      const workers = Array.from({ length: 12 }, async (_, worker) => {
        const [writer, reader] = worker % 2 === 0 ? [stock.inv.api, replica.api] : [replica.api, stock.inv.api];
        for (let round = 0; round < 3; round++) {
          const vin = sampleVin(9100 + worker * 10 + round);
          await writer()
            .post('/api/automobiles/')
            .send({ vin, color: 'red', year: 2020, model_id: stock.modelId })
            .expect(201);
          const cars = (await reader().get('/api/automobiles/').expect(200)).body.autos as Car[];
          expect(vinsOf(cars)).toContain(vin);
          await writer().delete(`/api/automobiles/${vin}/`).expect(200);
          const after = (await reader().get('/api/automobiles/?sold=false').expect(200)).body.autos as Car[];
          expect(vinsOf(after)).not.toContain(vin);
        }
      });
      await Promise.all(workers);
    } finally {
      replica.close();
    }
  });

  it('keeps the filtered answers and pages apart, each right', async () => {
    const all = await list();
    const unsold = await list('/api/automobiles/?sold=false');
    expect(vinsOf(unsold)).toEqual(vinsOf(all.filter((car) => !car.sold)));
    const first = await list('/api/automobiles/?limit=2');
    const second = await list('/api/automobiles/?limit=2&offset=2');
    expect(vinsOf([...first, ...second])).toEqual(vinsOf(all).slice(0, 4));
    // The same query spelled another way is the same answer.
    expect(await list('/api/automobiles/?limit=2&offset=0')).toEqual(first);
    // Searches are not kept, and right anyway.
    const vin = vins[2] as string;
    expect(vinsOf(await list(`/api/automobiles/?q=${vin}`))).toEqual([vin]);
    await recolorQuietly(vin, 'searchable');
    expect(vinsOf(await list('/api/automobiles/?q=searchable'))).toEqual([vin]);
    await stock.inv.api().put(`/api/automobiles/${vin}/`).send({ color: 'red' }).expect(200);
  });

  it('never answers JSON to a CSV request or CSV to a JSON one', async () => {
    const json = await stock.inv.api().get('/api/automobiles/?sold=false').expect(200);
    const csv = await stock.inv.api().get('/api/automobiles/?sold=false').set('Accept', 'text/csv').expect(200);
    const jsonAgain = await stock.inv.api().get('/api/automobiles/?sold=false').expect(200);
    const csvAgain = await stock.inv.api().get('/api/automobiles/?sold=false').set('Accept', 'text/csv').expect(200);
    for (const res of [json, jsonAgain]) expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    for (const res of [csv, csvAgain]) expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(jsonAgain.text).toBe(json.text);
    expect(csvAgain.text).toBe(csv.text);
    const rows = parse(csvAgain.text, { columns: true }) as Array<Record<string, string>>;
    expect(rows.map((row) => row.vin)).toEqual(vinsOf(json.body.autos));
    for (const res of [json, csv]) expect(res.headers.vary).toMatch(/Accept/);
  });

  it('compresses a kept answer for the clients that ask, the same list as uncompressed', async () => {
    // Enough cars that the list and its CSV pass the 1 kB below which nothing is compressed.
    for (let i = 0; i < 8; i++) await addAutomobile(stock.inv, sampleVin(9200 + i), stock.modelId);
    const plain = await stock.inv.api().get('/api/automobiles/').set('Accept-Encoding', 'identity').expect(200);
    expect(plain.headers['content-encoding']).toBeUndefined();
    for (const encoding of ['gzip', 'br']) {
      for (let i = 0; i < 2; i++) {
        const res = await stock.inv.api().get('/api/automobiles/').set('Accept-Encoding', encoding).expect(200);
        expect(res.headers['content-encoding']).toBe(encoding);
        expect(res.headers.vary).toMatch(/Accept-Encoding/);
        expect(res.body).toEqual(plain.body);
        expect(Number(res.headers['content-length'])).toBeLessThan(plain.text.length);
      }
    }
    const csv = await stock.inv.api().get('/api/automobiles/').set('Accept', 'text/csv').set('Accept-Encoding', 'gzip');
    expect(csv.headers['content-encoding']).toBe('gzip');
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect((parse(csv.text, { columns: true }) as unknown[]).length).toBe(plain.body.autos.length);
  });

  it('tells browsers to revalidate, and answers 304 without a body', async () => {
    const res = await stock.inv.api().get('/api/automobiles/').expect(200);
    expect(res.headers['cache-control']).toBe('private, no-cache');
    const unchanged = await stock.inv
      .api()
      .get('/api/automobiles/')
      .set('If-None-Match', res.headers.etag as string)
      .expect(304);
    expect(unchanged.text).toBe('');
    expect(unchanged.headers.etag).toBe(res.headers.etag);
  });
});

describe('conditional and kept manufacturer and model lists', () => {
  const etagOf = async (path: string) => (await stock.inv.api().get(path).expect(200)).headers.etag as string;
  const unchanged = (path: string, etag: string) => stock.inv.api().get(path).set('If-None-Match', etag).expect(304);

  it('answers 304 until a manufacturer or model changes, then the change', async () => {
    const paths = ['/api/manufacturers/', '/api/models/'];
    const tags = await Promise.all(paths.map(etagOf));
    for (const [i, path] of paths.entries()) await unchanged(path, tags[i] as string);
    // A write that finds nothing to write (404) is no change.
    await stock.inv.api().delete('/api/manufacturers/999999/').expect(404);
    await stock.inv.api().put('/api/models/999999/').send({ name: 'Nobody' }).expect(404);
    for (const [i, path] of paths.entries()) await unchanged(path, tags[i] as string);
    expect((await stock.inv.api().get('/api/models/').expect(200)).headers['cache-control']).toBe('private, no-cache');

    // A new model changes both lists' version (one counter for the catalog) and shows at once.
    const model = await seedModel(stock.inv, 'Kept Motors', 'Keeper');
    const models = await stock.inv
      .api()
      .get('/api/models/')
      .set('If-None-Match', tags[1] as string)
      .expect(200);
    expect(models.body.models.map((m: { name: string }) => m.name)).toContain('Keeper');
    expect(models.headers.etag).not.toBe(tags[1]);
    const makers = await stock.inv
      .api()
      .get('/api/manufacturers/')
      .set('If-None-Match', tags[0] as string)
      .expect(200);
    expect(makers.body.manufacturers.map((m: { name: string }) => m.name)).toContain('Kept Motors');

    // A rename of the maker shows in the models' list, whose JSON nests it.
    await unchanged('/api/models/', models.headers.etag as string);
    await stock.inv.api().put(`/api/manufacturers/${model.manufacturer.id}/`).send({ name: 'Kept Cars' }).expect(200);
    const renamed = (await stock.inv.api().get('/api/models/').expect(200)).body.models as VehicleModelJson[];
    expect(renamed.find((m) => m.id === model.id)?.manufacturer.name).toBe('Kept Cars');

    await stock.inv.api().delete(`/api/models/${model.id}/`).expect(200);
    const afterDelete = (await stock.inv.api().get('/api/models/').expect(200)).body.models as VehicleModelJson[];
    expect(afterDelete.map((m) => m.id)).not.toContain(model.id);
  });

  it('never answers a catalog list from before another replica changed it', async () => {
    const replica = await replicaOf(stock.inv);
    try {
      await stock.inv.api().get('/api/manufacturers/').expect(200);
      await stock.inv.api().get('/api/manufacturers/').set('Accept', 'text/csv').expect(200);
      const made = await replica.api().post('/api/manufacturers/').send({ name: 'Replica Motors' }).expect(201);
      const names = (await stock.inv.api().get('/api/manufacturers/').expect(200)).body.manufacturers.map(
        (m: { name: string }) => m.name,
      );
      expect(names).toContain('Replica Motors');
      const csv = await stock.inv.api().get('/api/manufacturers/').set('Accept', 'text/csv').expect(200);
      expect(csv.text).toContain('Replica Motors');
      await replica.api().delete(`/api/manufacturers/${made.body.id}/`).expect(200);
      const left = (await stock.inv.api().get('/api/manufacturers/').expect(200)).body.manufacturers.map(
        (m: { name: string }) => m.name,
      );
      expect(left).not.toContain('Replica Motors');
    } finally {
      replica.close();
    }
  });
});

interface VehicleModelJson {
  id: number;
  manufacturer: { name: string };
}
