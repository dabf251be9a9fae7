import type { AddressInfo } from 'node:net';
import { sampleVin } from '@carcar/common/vin/vin';
import { describe, expect, it } from 'vitest';
import { addAutomobile, inventoryWithModel, seedModel } from './helpers.js';

const stock = inventoryWithModel();

interface Change {
  seq: number;
  vin: string;
  deleted: boolean;
  sold: boolean;
  color: string;
  model: { name: string; manufacturer: { name: string } };
}

async function changes(after: number, extra = '') {
  const res = await stock.inv.feed().get(`/api/automobiles/changes/?after=${after}${extra}`).expect(200);
  return res.body as { changes: Change[]; next: number };
}

describe('the changes feed', () => {
  it('gives every create, update and delete a strictly higher seq, with the automobile JSON', async () => {
    const start = (await changes(0)).next;
    const vin = sampleVin(1);
    const created = await addAutomobile(stock.inv, vin, stock.modelId);
    await stock.inv.api().put(`/api/automobiles/${vin}/`).send({ sold: true }).expect(200);
    await stock.inv.api().delete(`/api/automobiles/${vin}/`).expect(200);

    const feed = await changes(start);
    expect(feed.changes.map((c) => [c.vin, c.sold, c.deleted])).toEqual([
      [vin, false, false],
      [vin, true, false],
      [vin, true, true],
    ]);
    const seqs = feed.changes.map((c) => c.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    expect(new Set(seqs).size).toBe(3);
    expect(feed.next).toBe(seqs.at(-1));
    // The feed's reader here is service-api, which is not given costs.
    const { cost: _cost, ...withoutCost } = created as typeof created & { cost?: unknown };
    expect(feed.changes[0]).toEqual({ ...withoutCost, seq: seqs[0], deleted: false });
  });

  it('returns only changes after `after`, in seq order, at most `limit`', async () => {
    const start = (await changes(0, '&limit=500')).next;
    for (let i = 10; i < 15; i++) await addAutomobile(stock.inv, sampleVin(i), stock.modelId);
    const all = await changes(start);
    expect(all.changes.map((c) => c.vin)).toEqual([10, 11, 12, 13, 14].map((i) => sampleVin(i)));
    const firstTwo = await changes(start, '&limit=2');
    expect(firstTwo.changes).toHaveLength(2);
    const rest = await changes(firstTwo.next);
    expect(rest.changes.map((c) => c.vin)).toEqual([12, 13, 14].map((i) => sampleVin(i)));
    expect((await changes(all.next)).changes).toEqual([]);
    expect((await changes(all.next)).next).toBe(all.next);
  });

  it('records a model rename as a change of each of its automobiles', async () => {
    const model = await seedModel(stock.inv, 'Lincoln', 'Navigator');
    await addAutomobile(stock.inv, sampleVin(20), model.id);
    const start = (await changes(0, '&limit=500')).next;
    await stock.inv.api().put(`/api/models/${model.id}/`).send({ name: 'Aviator' }).expect(200);
    await stock.inv
      .api()
      .put(`/api/manufacturers/${model.manufacturer.id}/`)
      .send({ name: 'Lincoln Motor' })
      .expect(200);
    const feed = await changes(start);
    expect(feed.changes.map((c) => [c.vin, c.model.name, c.model.manufacturer.name])).toEqual([
      [sampleVin(20), 'Aviator', 'Lincoln'],
      [sampleVin(20), 'Aviator', 'Lincoln Motor'],
    ]);
  });

  it('holds an empty answer with `wait` and returns as soon as a change is made', async () => {
    const server = stock.inv.app.listen(0);
    await new Promise((resolve) => server.once('listening', resolve));
    const { port } = server.address() as AddressInfo;
    try {
      const head = (await changes(0, '&limit=500')).next;
      const started = Date.now();
      const polling = fetch(`http://127.0.0.1:${port}/api/automobiles/changes/?after=${head}&wait=10`, {
        headers: stock.inv.pollerHeaders,
      }).then(async (res) => ({ body: (await res.json()) as { changes: Change[] }, elapsed: Date.now() - started }));
      await new Promise((resolve) => setTimeout(resolve, 300));
      await addAutomobile(stock.inv, sampleVin(30), stock.modelId);
      const { body, elapsed } = await polling;
      expect(body.changes.map((c) => c.vin)).toEqual([sampleVin(30)]);
      expect(elapsed).toBeGreaterThanOrEqual(250);
      // Well before the 10 s wait ends: it was woken by the change, not by the timeout.
      expect(elapsed).toBeLessThan(5000);
    } finally {
      server.closeAllConnections();
      server.close();
    }
  });

  it('returns an empty list when `wait` ends with nothing new', async () => {
    const head = (await changes(0, '&limit=500')).next;
    const started = Date.now();
    const feed = await changes(head, '&wait=1');
    expect(feed).toEqual({ changes: [], next: head });
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
  });

  it.each(['?after=-1', '?after=abc', '?limit=0', '?limit=501', '?wait=31', '?wait=-1'])(
    'answers 400 for %s',
    async (query) => {
      const res = await stock.inv.feed().get(`/api/automobiles/changes/${query}`).expect(400);
      expect(res.body.code).toBe('validation_error');
    },
  );
});
