import { auditLogTable } from '@carcar/common/db/audit';
import { eventsTable } from '@carcar/common/events/table';
import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  boolean,
  check,
  index,
  integer,
  json,
  numeric,
  pgSchema,
  primaryKey,
  serial,
  smallint,
  timestamp,
  uniqueIndex,
  varchar,
} from 'drizzle-orm/pg-core';

export const inventory = pgSchema('inventory');

export const manufacturers = inventory.table(
  'manufacturers',
  {
    id: serial().primaryKey(),
    name: varchar({ length: 100 }).notNull(),
  },
  // "Toyota" and "toyota" are the same maker to the staff who type them.
  (t) => [uniqueIndex('manufacturers_name_key').on(sql`lower(${t.name})`)],
);

export const vehicleModels = inventory.table(
  'vehicle_models',
  {
    id: serial().primaryKey(),
    name: varchar({ length: 100 }).notNull(),
    pictureUrl: varchar('picture_url', { length: 2000 }).notNull(),
    manufacturerId: integer('manufacturer_id')
      .notNull()
      .references(() => manufacturers.id, { onDelete: 'restrict' }),
  },
  (t) => [index('vehicle_models_manufacturer_id_idx').on(t.manufacturerId)],
);

export const automobiles = inventory.table(
  'automobiles',
  {
    id: serial().primaryKey(),
    vin: varchar({ length: 17 }).notNull().unique(),
    color: varchar({ length: 50 }).notNull(),
    year: smallint().notNull(),
    sold: boolean().notNull().default(false),
    modelId: integer('model_id')
      .notNull()
      .references(() => vehicleModels.id, { onDelete: 'restrict' }),
    /** When inventory recorded the car (its time in stock starts at `acquiredAt`). */
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    /** (sales desk) `new` or `used`: a trade-in comes in used. */
    condition: varchar({ length: 4 }).notNull().default('new'),
    /** Miles on the clock when the car came in. */
    odometer: integer().notNull().default(0),
    /** The asking price, in dollars and cents; null when none is set. */
    listPrice: numeric('list_price', { precision: 12, scale: 2 }),
    /** What the dealership paid (a trade-in: its allowance): only managers and admins see it. */
    cost: numeric({ precision: 12, scale: 2 }),
    /** When the dealership took the car into stock: `days_in_stock` counts from it. */
    acquiredAt: timestamp('acquired_at', { withTimezone: true }).notNull().defaultNow(),
    /** The sale whose trade-in this car is: the sales outbox's create and remove are idempotent by it. */
    tradeInSaleId: integer('trade_in_sale_id'),
  },
  (t) => [
    check('automobiles_condition_check', sql`${t.condition} in ('new', 'used')`),
    check('automobiles_odometer_check', sql`${t.odometer} >= 0`),
    check('automobiles_money_check', sql`${t.listPrice} >= 0 and ${t.cost} >= 0`),
    index('automobiles_model_id_idx').on(t.modelId),
    index('automobiles_sold_id_idx').on(t.sold, t.id),
    // `?sort=year` and `-year`: a page read in order from the index, not a sort of the whole stock.
    index('automobiles_year_id_idx').on(t.year, t.id),
    // Kept from when the aging report counted from the record's creation (it reads acquired_at now).
    index('automobiles_unsold_created_at_idx').on(t.createdAt).where(sql`not ${t.sold}`),
    // `?aged_over=N` (the unsold cars acquired before a day) and the aging report, oldest first.
    index('automobiles_unsold_acquired_at_idx').on(t.acquiredAt).where(sql`not ${t.sold}`),
    // `?q=` (ilike '%text%'): trigram indexes (pg_trgm, migration 0024), one per column searched.
    index('automobiles_vin_trgm_idx').using('gin', t.vin.op('gin_trgm_ops')),
    index('automobiles_color_trgm_idx').using('gin', t.color.op('gin_trgm_ops')),
  ],
);

/**
 * How many automobiles there are, sold and unsold, kept by triggers (migration 0002) so a list's
 * total is not a count of every row. Spread over shards, one per connection, so concurrent writers
 * never wait on one hot counter row; readers add the shards up.
 */
export const automobileCounts = inventory.table(
  'automobile_counts',
  {
    shard: smallint().notNull(),
    sold: boolean().notNull(),
    n: bigint({ mode: 'number' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.shard, t.sold] })],
);

/**
 * The sync feed: one row per insert, update or delete of an automobile, holding the automobile's
 * JSON as it was after the change. `seq` is drawn as the row is written; `feed_seq`, the place a
 * poller reads by, is given after commit by the feed's readers, so it follows commit order
 * (`@carcar/common/db/feed-order`; migration 0022; until then a trigger drew `seq` at commit).
 */
export const automobileChanges = inventory.table(
  'automobile_changes',
  {
    seq: bigserial({ mode: 'number' }).primaryKey(),
    /** The place in the feed (`GET /api/automobiles/changes/`'s `seq`); null until a reader numbers it. */
    feedSeq: bigint('feed_seq', { mode: 'number' }),
    vin: varchar({ length: 17 }).notNull(),
    deleted: boolean().notNull().default(false),
    automobile: json().notNull(),
    changedAt: timestamp('changed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('automobile_changes_feed_seq_key').on(t.feedSeq),
    // What the next reader numbers: few rows, whatever the feed holds.
    index('automobile_changes_unnumbered_idx').on(t.seq).where(sql`${t.feedSeq} is null`),
  ],
);

/**
 * Every change staff and services make here, who made it and why: append-only (triggers refuse
 * UPDATE, DELETE and TRUNCATE) and written by triggers on the audited tables (the custom migration).
 */
export const auditLog = auditLogTable(inventory);

/**
 * One row counting the rows written to manufacturers and vehicle models, bumped by row triggers
 * on both (migration 0010): the version of the catalog lists, for their ETags and kept answers.
 * Writers update the one row, so they take turns on its lock and the count follows commit order.
 */
export const catalogVersion = inventory.table('catalog_version', {
  id: smallint().primaryKey(),
  n: bigint({ mode: 'number' }).notNull(),
});

/**
 * Webhook events (automobile.created, automobile.sold, automobile.unsold), appended by triggers on
 * automobiles in the same transaction as the change (the custom migration).
 */
export const events = eventsTable(inventory);
