import { sampleVin } from '@carcar/common/vin/vin';
import { heldOpen } from '@carcar/testing/database';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { automobiles } from '../src/db/schema.js';
import { recordChanges } from '../src/feed/record-changes.js';
import { addAutomobile, inventoryWithModel } from './helpers.js';

// A poller never looks below the last seq it read, so the feed's seq order must be commit order,
// with several connections writing at once: only a Postgres server has those.
const stock = inventoryWithModel();

interface Page {
  changes: Array<{ seq: number; vin: string }>;
  next: number;
}

async function feedAfter(after: number): Promise<Page> {
  return (await stock.inv.feed().get(`/api/automobiles/changes/?after=${after}&limit=500`).expect(200)).body as Page;
}

describe('the feed under concurrent writers', () => {
  it('does not hold a writer up on another open transaction, and numbers entries in commit order', async () => {
    // Two writes of the kind a rename makes, in transactions the test holds open.
    const [firstVin, secondVin] = [sampleVin(400_001), sampleVin(400_002)];
    await addAutomobile(stock.inv, firstVin, stock.modelId);
    await addAutomobile(stock.inv, secondVin, stock.modelId);
    const { next: start } = await feedAfter(0);
    // The first writer appends, then stays open until the second one has committed.
    const first = await heldOpen(stock.inv.db, (tx) => recordChanges(tx, eq(automobiles.vin, firstVin)));
    await stock.inv.db.transaction((tx) => recordChanges(tx, eq(automobiles.vin, secondVin)));

    // A poller reading now sees the second entry only, and moves its cursor past it ...
    const seen = await feedAfter(start);
    expect(seen.changes.map((c) => c.vin)).toEqual([secondVin]);
    const listBefore = await stock.inv.api().get('/api/automobiles/').expect(200);
    await first.commit();
    // The list's version moves when the first entry commits, though its seq is below the second's.
    const listAfter = await stock.inv.api().get('/api/automobiles/').expect(200);
    expect(listAfter.headers.etag).toBeDefined();
    expect(listAfter.headers.etag).not.toBe(listBefore.headers.etag);
    // ... and still gets the first entry, which committed later, on its next read.
    const later = await feedAfter(seen.next);
    expect(later.changes.map((c) => c.vin)).toEqual([firstVin]);
  });

  it('lets a poller following the feed under a write load see every change exactly once', async () => {
    const { next: start } = await feedAfter(0);
    const cars = Array.from({ length: 120 }, (_, i) => sampleVin(500_000 + i));
    let writing = true;
    const seen: string[] = [];
    const follow = (async () => {
      let cursor = start;
      for (;;) {
        const done = !writing;
        const page = await feedAfter(cursor);
        seen.push(...page.changes.map((c) => c.vin));
        cursor = page.next;
        if (done && page.changes.length === 0) return;
      }
    })();
    // Creates and updates from many connections at once, in the API's own transactions.
    await Promise.all(
      cars.map(async (vin) => {
        await stock.inv
          .api()
          .post('/api/automobiles/')
          .send({ vin, color: 'red', year: 2020, model_id: stock.modelId })
          .expect(201);
        await stock.inv.api().put(`/api/automobiles/${vin}/`).send({ color: 'blue' }).expect(200);
      }),
    );
    writing = false;
    await follow;
    expect(seen.length).toBe(cars.length * 2);
    expect([...new Set(seen)].sort()).toEqual([...cars].sort());
  });
});
