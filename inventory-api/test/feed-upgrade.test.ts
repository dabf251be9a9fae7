import { queryRows } from '@carcar/common/db/statements';
import { asService } from '@carcar/testing/credentials';
import { sql } from 'drizzle-orm';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { afterUpgradeFrom, olderSebring, withOlderCatalog } from './helpers.js';

// Migration 0022 moves the automobile feed's numbering from a commit trigger to the feed's readers.
// A poller's cursor is a place in the feed, so the entries written before it must keep theirs.

/** An automobile's JSON as the feed's writer wrote it before 0022: the whole car. */
function entryJson(vin: string, id: number): string {
  return JSON.stringify({
    href: `/api/automobiles/${vin}/`,
    id,
    color: 'red',
    year: 2020,
    vin,
    model: olderSebring,
    sold: false,
    created_at: '2025-03-04T05:06:07.000Z',
    condition: 'new',
    odometer: 0,
    list_price: null,
    acquired_at: '2025-03-04T05:06:07.000Z',
    cost: null,
  });
}

describe('migrations 0020 to 0022', () => {
  it('keeps every earlier entry at its place and numbers the next ones after them', async () => {
    await afterUpgradeFrom(
      21,
      async (db) => {
        // A gap in the places, as a rolled-back write leaves one.
        await db.execute(sql`select setval('inventory.automobile_changes_seq_seq', 40)`);
        for (const vin of ['1HGCM82633A004352', '1GC4K0C87FF132904'])
          await db.execute(sql`insert into inventory.automobile_changes (vin, automobile)
            values (${vin}, ${entryJson(vin, 1)}::json)`);
        return queryRows<{ seq: string | number }>(db, sql`select seq from inventory.automobile_changes order by seq`);
      },
      async ({ db, app, written }) => {
        // The old trigger drew each entry's seq again at its commit: places with gaps, above 40.
        const [firstPlace, lastPlace] = written.map((row) => Number(row.seq)) as [number, number];
        expect(firstPlace).toBeGreaterThan(40);
        expect(lastPlace).toBeGreaterThan(firstPlace + 1);

        const poller = await asService('service-api', 'inventory-api');
        // A poller that had read the first entry before the upgrade gets the second next, at its old place.
        const first = await request(app).get(`/api/automobiles/changes/?after=${firstPlace}`).set(poller).expect(200);
        expect(first.body.changes.map((c: { seq: number; vin: string }) => [c.seq, c.vin])).toEqual([
          [lastPlace, '1GC4K0C87FF132904'],
        ]);
        // Drawn 100 as it is written (rolled-back writes took the numbers between); its place is the next one.
        await db.execute(sql`select setval('inventory.automobile_changes_seq_seq', 99)`);
        await db.execute(sql`insert into inventory.automobile_changes (vin, automobile)
          values ('1FTMW1T88MFA00001', ${entryJson('1FTMW1T88MFA00001', 2)}::json)`);
        const next = await request(app).get(`/api/automobiles/changes/?after=${lastPlace}`).set(poller).expect(200);
        expect(next.body.changes.map((c: { seq: number; vin: string }) => [c.seq, c.vin])).toEqual([
          [lastPlace + 1, '1FTMW1T88MFA00001'],
        ]);
        expect(next.body.next).toBe(lastPlace + 1);
      },
    );
  });

  it('upgrades a database from 0018 with a costed car in one run, its re-announced entry above every earlier one', async () => {
    await afterUpgradeFrom(
      18,
      async (db) => {
        await withOlderCatalog(db, (tx) =>
          tx.execute(sql`insert into inventory.automobiles (vin, color, year, model_id, cost)
            values ('1HGCM82633A004352', 'green', 2011, 1, 12000.5)`),
        );
        await db.execute(sql`insert into inventory.automobile_changes (vin, automobile)
          values ('1GC4K0C87FF132904', ${JSON.stringify({ vin: '1GC4K0C87FF132904', id: 9, sold: false })}::json)`);
      },
      // 0019 (one entry per car with a cost) and the switch run in one transaction: Postgres
      // refused the switch's ALTER TABLE while 0019's commit triggers were still queued.
      async ({ db, app }) => {
        const rows = await queryRows<{ vin: string; seq: string | number; feed_seq: string | number | null }>(
          db,
          sql`select vin, seq, feed_seq from inventory.automobile_changes order by seq`,
        );
        expect(rows.map((row) => row.vin)).toEqual(['1GC4K0C87FF132904', '1HGCM82633A004352']);
        // Each entry at the place its commit gave it, the re-announcement above the older entry.
        for (const row of rows) expect(Number(row.feed_seq)).toBe(Number(row.seq));
        const [older, announced] = rows.map((row) => Number(row.feed_seq)) as [number, number];
        expect(announced).toBeGreaterThan(older);
        const sales = await asService('sales-api', 'inventory-api');
        const feed = await request(app).get(`/api/automobiles/changes/?after=${older}`).set(sales).expect(200);
        expect(feed.body.changes).toEqual([
          expect.objectContaining({ seq: announced, vin: '1HGCM82633A004352', cost: 12000.5 }),
        ]);
      },
    );
  });
});
