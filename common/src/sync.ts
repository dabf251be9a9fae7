import { type SQL, sql } from 'drizzle-orm';
import { bigint, boolean, index, type PgSchema, smallint, timestamp, varchar } from 'drizzle-orm/pg-core';
import type { Db } from './database.js';
import type { FeedChange, SyncStore } from './poller.js';

/**
 * The tables a service keeps its copy of inventory in. Each service creates them in its own
 * schema; the poller's store below works on either.
 */
export function automobileVOTable(schema: PgSchema) {
  return schema.table(
    'automobile_vos',
    {
      vin: varchar({ length: 17 }).primaryKey(),
      sold: boolean().notNull(),
      year: smallint().notNull(),
      color: varchar({ length: 50 }).notNull(),
      modelName: varchar('model_name', { length: 100 }).notNull(),
      manufacturerName: varchar('manufacturer_name', { length: 100 }).notNull(),
      /** False once inventory deleted the car; the row stays, since it was once ours. */
      inInventory: boolean('in_inventory').notNull().default(true),
      /** The feed entry this row reflects; an older entry never overwrites a newer one. */
      seq: bigint({ mode: 'number' }).notNull(),
    },
    (t) => [index().on(t.sold, t.vin)],
  );
}

/** Where the poller has read the feed up to; written in the transaction that applies the rows. */
export function syncCursorTable(schema: PgSchema) {
  return schema.table('sync_cursors', {
    name: varchar({ length: 50 }).primaryKey(),
    seq: bigint({ mode: 'number' }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  });
}

export type AutomobileVOTable = ReturnType<typeof automobileVOTable>;
export type SyncCursorTable = ReturnType<typeof syncCursorTable>;

export interface AutomobileVOStoreOptions {
  vos: AutomobileVOTable;
  cursors: SyncCursorTable;
  /**
   * The `sold` value to store, given `excluded.sold` from the feed: a service that changes `sold`
   * itself (sales) keeps its own value while its change has not reached inventory yet.
   */
  soldOnConflict?: SQL;
}

const CURSOR = 'inventory';

/** Upserts a page of feed entries into AutomobileVO and moves the cursor, in one transaction. */
export function automobileVOStore(db: Db, options: AutomobileVOStoreOptions): SyncStore {
  const { vos, cursors } = options;
  return {
    async readCursor() {
      const [row] = await db.select({ seq: cursors.seq }).from(cursors).where(sql`${cursors.name} = ${CURSOR}`);
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
      const upsert = db
        .insert(vos)
        .values(rows)
        .onConflictDoUpdate({
          target: vos.vin,
          set: {
            sold: options.soldOnConflict ?? sql`excluded.sold`,
            year: sql`excluded.year`,
            color: sql`excluded.color`,
            modelName: sql`excluded.model_name`,
            manufacturerName: sql`excluded.manufacturer_name`,
            inInventory: sql`excluded.in_inventory`,
            seq: sql`excluded.seq`,
          },
          setWhere: sql`${vos.seq} < excluded.seq`,
        });
      const moveCursor = db
        .insert(cursors)
        .values({ name: CURSOR, seq: next })
        .onConflictDoUpdate({ target: cursors.name, set: { seq: next, updatedAt: sql`now()` } });
      // One statement, so one transaction and one round trip: the rows and the cursor move together.
      await db.execute(sql`with upserted as (${upsert.getSQL()}) ${moveCursor.getSQL()}`);
    },
  };
}
