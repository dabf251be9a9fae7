import type { Db } from '@carcar/common/database';
import type { FeedChange, SyncStore } from '@carcar/common/poller';
import { eq, sql } from 'drizzle-orm';
import { automobileVOs, syncCursors } from '../db/schema.js';

const CURSOR = 'inventory';

/** Upserts a page of feed entries into AutomobileVO and moves the cursor, in one transaction. */
export function automobileVOStore(db: Db): SyncStore {
  return {
    async readCursor() {
      const [row] = await db.select({ seq: syncCursors.seq }).from(syncCursors).where(eq(syncCursors.name, CURSOR));
      return row?.seq ?? 0;
    },

    async apply(changes: FeedChange[], next: number) {
      // One row per VIN: a page may hold several changes of one car, and the last one wins.
      const latest = new Map(changes.map((change) => [change.vin, change]));
      const rows = [...latest.values()].map((change) => ({
        vin: change.vin,
        sold: change.sold,
        year: change.year,
        color: change.color,
        modelName: change.model.name,
        manufacturerName: change.model.manufacturer.name,
        inInventory: !change.deleted,
        seq: change.seq,
      }));
      await db.transaction(async (tx) => {
        await tx
          .insert(automobileVOs)
          .values(rows)
          .onConflictDoUpdate({
            target: automobileVOs.vin,
            set: {
              sold: sql`excluded.sold`,
              year: sql`excluded.year`,
              color: sql`excluded.color`,
              modelName: sql`excluded.model_name`,
              manufacturerName: sql`excluded.manufacturer_name`,
              inInventory: sql`excluded.in_inventory`,
              seq: sql`excluded.seq`,
            },
            // Never let an older entry (a replica that lost its lock mid-poll) overwrite a newer one.
            setWhere: sql`${automobileVOs.seq} < excluded.seq`,
          });
        await tx
          .insert(syncCursors)
          .values({ name: CURSOR, seq: next })
          .onConflictDoUpdate({ target: syncCursors.name, set: { seq: next, updatedAt: sql`now()` } });
      });
    },
  };
}
