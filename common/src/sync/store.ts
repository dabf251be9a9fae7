import { type SQL, type SQLWrapper, sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  getTableConfig,
  index,
  type PgSchema,
  smallint,
  timestamp,
  varchar,
} from 'drizzle-orm/pg-core';
import type { Db } from '../db/database.js';
import { onIndexWalks, prepareRows } from '../db/statements.js';
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

/** A page of feed entries, one array per AutomobileVO column, and the cursor after it. */
interface PageColumns extends Record<string, unknown> {
  vin: string[];
  sold: boolean[];
  year: number[];
  color: string[];
  modelName: string[];
  manufacturerName: string[];
  inInventory: boolean[];
  seq: number[];
  next: number;
}

/** Upserts a page of feed entries into AutomobileVO and moves the cursor, in one transaction. */
export function automobileVOStore(db: Db, options: AutomobileVOStoreOptions): SyncStore {
  const { vos, cursors } = options;

  const sold = options.soldOnConflict ?? sql`excluded.sold`;
  // One statement, so the rows and the cursor move together. The page comes as one array per
  // column, so the statement's text is the same for every page.
  // A row that already reads as the entry would write it is left alone (the `is distinct from`):
  // the entries of the service's own changes (sales' sold and unsold, coming back through the
  // feed) then cost an index probe each, not a new row version, its index entries and its WAL.
  // Its stored seq stays older than the skipped entry, which is safe: the feed is read in order,
  // so no entry between the two can come later.
  const pageSql = (column: (name: keyof PageColumns & string) => SQLWrapper) =>
    sql`with upserted as (
        insert into ${vos} (vin, sold, year, color, model_name, manufacturer_name, in_inventory, seq)
        select * from unnest(${column('vin')}::varchar[], ${column('sold')}::boolean[], ${column('year')}::smallint[],
          ${column('color')}::varchar[], ${column('modelName')}::varchar[], ${column('manufacturerName')}::varchar[],
          ${column('inInventory')}::boolean[], ${column('seq')}::bigint[])
        on conflict (vin) do update set
          sold = ${sold}, year = excluded.year, color = excluded.color,
          model_name = excluded.model_name, manufacturer_name = excluded.manufacturer_name,
          in_inventory = excluded.in_inventory, seq = excluded.seq
        where ${vos.seq} < excluded.seq
          and (${vos.sold}, ${vos.year}, ${vos.color}, ${vos.modelName}, ${vos.manufacturerName}, ${vos.inInventory})
            is distinct from (${sold}, excluded.year, excluded.color, excluded.model_name, excluded.manufacturer_name,
              excluded.in_inventory))
      insert into ${cursors} (name, seq) values (${CURSOR}, ${column('next')})
      on conflict (name) do update set seq = excluded.seq, updated_at = now()`;
  // `soldOnConflict` (sales) probes the outbox by VIN for each row, and a plan kept from when the
  // outbox was empty could scan the whole backlog for each row of the page: that page is planned
  // afresh (a fraction of a millisecond), on index walks only. Without it (service) nothing in the
  // statement grows from empty but the copy itself, read by its key: one prepared statement, one
  // round trip.
  const applyPage: (page: PageColumns) => Promise<unknown> = options.soldOnConflict
    ? (page) => onIndexWalks(db, (tx) => tx.execute(pageSql((name) => sql.param(page[name]))))
    : prepareRows<never, PageColumns>(
        db,
        `${getTableConfig(vos).schema}_apply_feed_page`,
        pageSql((name) => sql.placeholder(name)),
      );
  return {
    async readCursor() {
      const [row] = await db.select({ seq: cursors.seq }).from(cursors).where(sql`${cursors.name} = ${CURSOR}`);
      return row?.seq ?? 0;
    },

    async apply(changes: FeedChange[], next: number) {
      // One row per VIN: a page may hold several changes of one car, and the last one wins.
      const latest = [...new Map(changes.map((change) => [change.vin, change])).values()];
      const page: PageColumns = {
        vin: latest.map((change) => change.vin),
        sold: latest.map((change) => change.sold),
        year: latest.map((change) => change.year),
        color: latest.map((change) => change.color),
        modelName: latest.map((change) => change.model.name),
        manufacturerName: latest.map((change) => change.model.manufacturer.name),
        inInventory: latest.map((change) => !change.deleted),
        seq: latest.map((change) => change.seq),
        next,
      };
      await applyPage(page);
    },
  };
}
