import { queryRows } from '@carcar/common/db/statements';
import { asService } from '@carcar/testing/credentials';
import { sql } from 'drizzle-orm';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import {
  addAutomobile,
  afterUpgradeFrom,
  answerCheck,
  inventoryWithModel,
  olderSebring,
  VINS,
  withOlderCatalog,
} from './helpers.js';

// Feed entries keep the JSON of the day they were written. Those written before migration 0012 lack
// condition, odometer, list_price, cost and acquired_at (before 0007 created_at too); a page holding
// one used to answer 500, and a poller reading the feed from the start retried it forever.

const stock = inventoryWithModel();

/** UTC calendar days from `date`'s day to today's: the days_in_stock of a car acquired then. */
function daysSince(date: string): number {
  const today = new Date().toISOString().slice(0, 10);
  return Math.round((Date.parse(today) - Date.parse(date.slice(0, 10))) / 86_400_000);
}

/** An automobile's JSON as the feed's writer wrote it before 0012 (and, without `created_at`, before 0007). */
function oldJson(vin: string, id: number, createdAt?: string): Record<string, unknown> {
  return {
    href: `/api/automobiles/${vin}/`,
    id,
    color: 'green',
    year: 2011,
    vin,
    model: olderSebring,
    sold: false,
    ...(createdAt === undefined ? {} : { created_at: createdAt }),
  };
}

const OLD_KEYS = ['condition', 'odometer', 'list_price', 'cost', 'acquired_at', 'days_in_stock'];

describe('the feed with entries written before 0012', () => {
  it('answers 200 and gives old and damaged entries the automobile defaults', async () => {
    const { inv } = stock;
    const head = (await inv.feed().get('/api/automobiles/changes/?limit=500').expect(200)).body.next as number;
    const written = [
      // Between 0007 and 0012: created_at, nothing of the sales desk.
      { vin: '1HGCM82633A004352', json: oldJson('1HGCM82633A004352', 901, '2025-03-04T05:06:07.000Z') },
      // Before 0007: not even created_at; the entry was written on 2024-01-02.
      { vin: '1GC4K0C87FF132904', json: oldJson('1GC4K0C87FF132904', 902) },
      // Damaged: every key the route computes from or defaults is there, of the wrong kind.
      {
        vin: '1FTMW1T88MFA00001',
        json: {
          ...oldJson('1FTMW1T88MFA00001', 903, 'last spring'),
          condition: 'salvage',
          odometer: -5,
          list_price: '12000',
          cost: 'a lot',
          acquired_at: 'yesterday',
        },
      },
    ];
    for (const entry of written)
      await inv.db.execute(sql`insert into inventory.automobile_changes (vin, automobile, changed_at)
        values (${entry.vin}, ${JSON.stringify(entry.json)}::json, '2024-01-02T03:04:05.678Z')`);

    const service = await inv.feed().get(`/api/automobiles/changes/?after=${head}`).expect(200);
    const sales = await request(inv.app)
      .get(`/api/automobiles/changes/?after=${head}`)
      .set(await asService('sales-api', 'inventory-api'))
      .expect(200);

    const defaults = { condition: 'new', odometer: 0, list_price: null, deleted: false };
    const expected = [
      {
        ...oldJson('1HGCM82633A004352', 901, '2025-03-04T05:06:07.000Z'),
        ...defaults,
        acquired_at: '2025-03-04T05:06:07.000Z',
        days_in_stock: daysSince('2025-03-04'),
      },
      {
        ...oldJson('1GC4K0C87FF132904', 902, '2024-01-02T03:04:05.678Z'),
        ...defaults,
        acquired_at: '2024-01-02T03:04:05.678Z',
        days_in_stock: daysSince('2024-01-02'),
      },
      {
        ...oldJson('1FTMW1T88MFA00001', 903, '2024-01-02T03:04:05.678Z'),
        ...defaults,
        acquired_at: '2024-01-02T03:04:05.678Z',
        days_in_stock: daysSince('2024-01-02'),
      },
    ];
    // service-api is not given costs; sales is, and an entry from before costs existed has none.
    expect(service.body.changes).toEqual(expected.map((car) => ({ ...car, seq: expect.any(Number) })));
    expect(sales.body.changes).toEqual(expected.map((car) => ({ ...car, cost: null, seq: expect.any(Number) })));
    expect(service.body.next).toBe(service.body.changes.at(-1).seq);
  });

  it('answers 200 for an entry whose JSON is not an automobile at all', async () => {
    const { inv } = stock;
    const head = (await inv.feed().get('/api/automobiles/changes/?limit=500').expect(200)).body.next as number;
    await inv.db.execute(sql`insert into inventory.automobile_changes (vin, automobile, changed_at)
      values ('1C3CC5FB2AN120174', '"unreadable"'::json, '2024-01-02T03:04:05.678Z')`);
    const car = await addAutomobile(inv, VINS[1] as string, stock.modelId);

    const res = await inv.feed().get(`/api/automobiles/changes/?after=${head}`).expect(200);
    // Nothing to answer but what the row itself says; the car after it is answered as ever.
    expect(res.body.changes[0]).toEqual({
      seq: expect.any(Number),
      deleted: false,
      vin: '1C3CC5FB2AN120174',
      created_at: '2024-01-02T03:04:05.678Z',
      acquired_at: '2024-01-02T03:04:05.678Z',
      days_in_stock: daysSince('2024-01-02'),
      condition: 'new',
      odometer: 0,
      list_price: null,
    });
    expect(res.body.changes[1]).toMatchObject({ vin: car.vin, id: car.id });
    // That entry is no Automobile (README: the feed's entries are automobiles): the answer check
    // says so, naming the keys only a writer can give, and nothing else on the page.
    const [mismatch, ...more] = answerCheck.take();
    expect(more).toEqual([]);
    expect(mismatch).toMatchObject({ route: 'GET /api/automobiles/changes/', status: 200 });
    for (const key of ['href', 'id', 'color', 'year', 'model', 'sold'])
      expect(mismatch?.problem).toContain(`changes.0.${key}:`);
    expect(mismatch?.problem).not.toContain('changes.1.');
  });
});

describe('migration 0018', () => {
  it("fills in the old entries' missing keys, acquired_at from the car when it is still there", async () => {
    await afterUpgradeFrom(
      11,
      async (db) => {
        // The car still in stock (id 7), recorded in March 2025.
        await withOlderCatalog(db, (tx) =>
          tx.execute(sql`insert into inventory.automobiles (id, vin, color, year, model_id, created_at)
            values (7, '1HGCM82633A004352', 'green', 2011, 1, '2025-03-04T05:06:07Z')`),
        );
        const entries: [string, Record<string, unknown>, string, boolean][] = [
          // The car in stock, written before 0007: its row knows when it was acquired.
          ['1HGCM82633A004352', oldJson('1HGCM82633A004352', 7), '2025-03-04T05:06:07Z', false],
          // A car since deleted, with created_at: acquired then.
          [
            '1GC4K0C87FF132904',
            oldJson('1GC4K0C87FF132904', 5, '2024-06-07T08:09:10.000Z'),
            '2024-06-08T00:00:00Z',
            true,
          ],
          // A car since deleted, before 0007: when its entry was written. Its VIN is in stock
          // again as another car (id 7 is not 3), whose row says nothing about this one.
          ['1HGCM82633A004352', oldJson('1HGCM82633A004352', 3), '2023-02-03T04:05:06.789Z', true],
        ];
        for (const [vin, json, at, deleted] of entries)
          await db.execute(sql`insert into inventory.automobile_changes (vin, deleted, automobile, changed_at)
            values (${vin}, ${deleted}, ${JSON.stringify(json)}::json, ${at})`);
      },
      async ({ db, app }) => {
        const rows = await queryRows<{ automobile: Record<string, unknown> }>(
          db,
          sql`select automobile from inventory.automobile_changes order by seq`,
        );
        const desk = { condition: 'new', odometer: 0, list_price: null, cost: null };
        expect(rows.map((row) => row.automobile)).toEqual([
          {
            ...oldJson('1HGCM82633A004352', 7, '2025-03-04T05:06:07.000Z'),
            ...desk,
            acquired_at: '2025-03-04T05:06:07.000Z',
          },
          {
            ...oldJson('1GC4K0C87FF132904', 5, '2024-06-07T08:09:10.000Z'),
            ...desk,
            acquired_at: '2024-06-07T08:09:10.000Z',
          },
          {
            ...oldJson('1HGCM82633A004352', 3, '2023-02-03T04:05:06.789Z'),
            ...desk,
            acquired_at: '2023-02-03T04:05:06.789Z',
          },
        ]);

        // The feed answers them as stored now, with days_in_stock, to a poller reading from the start.
        const res = await request(app)
          .get('/api/automobiles/changes/?after=0')
          .set(await asService('sales-api', 'inventory-api'))
          .expect(200);
        expect(res.body.changes.map((c: { days_in_stock: number }) => c.days_in_stock)).toEqual([
          daysSince('2025-03-04'),
          daysSince('2024-06-07'),
          daysSince('2023-02-03'),
        ]);
        expect(res.body.changes[0]).toEqual(expect.objectContaining({ cost: null, condition: 'new' }));
        for (const key of OLD_KEYS) expect(res.body.changes[1]).toHaveProperty(key);
      },
    );
  });
});
