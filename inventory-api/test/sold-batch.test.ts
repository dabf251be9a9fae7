import { SOLD_BATCH_MAX } from '@carcar/common/contract/feed';
import { sampleVin } from '@carcar/common/vin/vin';
import { auditReader } from '@carcar/testing/audit';
import { asService } from '@carcar/testing/credentials';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { addAutomobile, inventoryWithModel } from './helpers.js';

// `POST /api/automobiles/sold/`: the sales outbox's batches of sold and unsold updates.

const stock = inventoryWithModel();
const trail = auditReader((path) => stock.inv.api('manager').get(path));

const salesCredential = await asService('sales-api', 'inventory-api');

/** A batch as the sales outbox sends it, with sales' own credential. */
function asSales(body: unknown) {
  return request(stock.inv.app)
    .post('/api/automobiles/sold/')
    .set(salesCredential)
    .send(body as object);
}

async function feedAfter(after: number) {
  const res = await stock.inv.feed().get(`/api/automobiles/changes/?after=${after}&limit=500`).expect(200);
  return res.body as { changes: Array<{ vin: string; sold: boolean; seq: number }>; next: number };
}

async function feedHead(): Promise<number> {
  let next = 0;
  for (;;) {
    const page = await feedAfter(next);
    if (page.changes.length === 0) return next;
    next = page.next;
  }
}

const soldIn = async (vin: string) => (await stock.inv.api().get(`/api/automobiles/${vin}/`).expect(200)).body.sold;

describe('POST /api/automobiles/sold/', () => {
  it('marks each car sold or unsold in one request: the feed in the order listed, one audit entry per car by sales', async () => {
    const vins = [7101, 7102, 7103, 7104].map((n) => sampleVin(n));
    for (const vin of vins) await addAutomobile(stock.inv, vin, stock.modelId);
    await stock.inv.api().put(`/api/automobiles/${vins[3]}/`).send({ sold: true }).expect(200);
    const head = await feedHead();
    const batch = [
      { vin: vins[2], sold: true },
      { vin: vins[0], sold: true },
      // Lower case is a VIN too; unknown VINs are answered, not refused.
      { vin: sampleVin(7999).toLowerCase(), sold: true },
      { vin: vins[3], sold: false },
      { vin: vins[1], sold: true },
    ];
    const entries = await trail.during(async () => {
      const res = await asSales({ automobiles: batch }).expect(200);
      expect(res.body).toEqual({ updated: 4, missing: [sampleVin(7999)] });
    });

    expect(await Promise.all(vins.map(soldIn))).toEqual([true, true, true, false]);
    // One entry per car that changed (different cars: the trail's order among them is not a promise).
    const byVin = entries.map((entry) => [entry.vin, entry.action, entry.changes]).sort();
    expect(byVin).toEqual([
      [vins[0], 'sold', { sold: [false, true] }],
      [vins[1], 'sold', { sold: [false, true] }],
      [vins[2], 'sold', { sold: [false, true] }],
      [vins[3], 'unsold', { sold: [true, false] }],
    ]);
    for (const entry of entries) expect(entry.actor).toEqual({ service: 'sales-api' });
    // The sold cars in the order listed, then the unsold one: one feed entry per car.
    const feed = await feedAfter(head);
    expect(feed.changes.map((change) => [change.vin, change.sold])).toEqual([
      [vins[2], true],
      [vins[0], true],
      [vins[1], true],
      [vins[3], false],
    ]);

    // The same batch again (its answer lost on the way back): nothing changes, nothing is written.
    const again = await trail.during(() => asSales({ automobiles: batch }).expect(200));
    expect(again).toEqual([]);
    expect((await feedAfter(feed.next)).changes).toEqual([]);
  });

  it('keeps each car’s order over successive batches: sold, then unsold, then sold again', async () => {
    const vin = sampleVin(7201);
    await addAutomobile(stock.inv, vin, stock.modelId);
    const entries = await trail.during(async () => {
      for (const sold of [true, false, true]) await asSales({ automobiles: [{ vin, sold }] }).expect(200);
    });
    expect(entries.map((entry) => entry.action)).toEqual(['sold', 'unsold', 'sold']);
    expect(await soldIn(vin)).toBe(true);
  });

  it('is for the sales service’s own credential only', async () => {
    const body = { automobiles: [{ vin: sampleVin(7301), sold: true }] };
    for (const role of ['admin', 'manager', 'sales'] as const) {
      await stock.inv.api(role).post('/api/automobiles/sold/').send(body).expect(403);
    }
    await request(stock.inv.app)
      .post('/api/automobiles/sold/')
      .set(await asService('service-api', 'inventory-api'))
      .send(body)
      .expect(403);
    await request(stock.inv.app).post('/api/automobiles/sold/').send(body).expect(401);
  });

  it.each([
    ['no list', {}, 'automobiles', 'List the automobiles as [{"vin", "sold"}]'],
    ['an empty list', { automobiles: [] }, 'automobiles', 'List at least one automobile'],
    ['a bad VIN', { automobiles: [{ vin: 'NOT-A-VIN', sold: true }] }, 'automobiles.0.vin', 'A VIN has 17'],
    [
      'sold not a boolean',
      { automobiles: [{ vin: sampleVin(7401), sold: 'yes' }] },
      'automobiles.0.sold',
      'Choose whether the car is sold: true or false',
    ],
    [
      'a VIN twice',
      {
        automobiles: [
          { vin: sampleVin(7402), sold: true },
          { vin: sampleVin(7402), sold: false },
        ],
      },
      'automobiles.1.vin',
      'is already in this request',
    ],
    [
      'too many cars',
      { automobiles: Array.from({ length: SOLD_BATCH_MAX + 1 }, (_, i) => ({ vin: sampleVin(8000 + i), sold: true })) },
      'automobiles',
      `At most ${SOLD_BATCH_MAX} automobiles a request`,
    ],
  ])('answers 400 for %s, naming the field', async (_name, body, path, message) => {
    const res = await asSales(body).expect(400);
    const errors = res.body.errors as Array<{ path: string; message: string }>;
    expect(errors.find((error) => error.path === path)?.message).toContain(message);
  });
});
