import { auditLogTable } from '@carcar/common/db/audit';
import { rowCountsTable } from '@carcar/common/db/row-counts';
import { staffTable } from '@carcar/common/db/staff-table';
import { eventsTable } from '@carcar/common/events/table';
import { automobileVOTable, syncCursorTable } from '@carcar/common/sync/store';
import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  boolean,
  index,
  integer,
  jsonb,
  numeric,
  pgSchema,
  serial,
  timestamp,
  uniqueIndex,
  varchar,
} from 'drizzle-orm/pg-core';

export const sales = pgSchema('sales');

/** A retired salesperson stays for the sales they made but is no longer offered for new ones. */
export const salespeople = staffTable(sales, 'salespeople');

export const customers = sales.table(
  'customers',
  {
    id: serial().primaryKey(),
    firstName: varchar('first_name', { length: 100 }).notNull(),
    lastName: varchar('last_name', { length: 100 }).notNull(),
    address: varchar({ length: 200 }).notNull(),
    phoneNumber: varchar('phone_number', { length: 20 }).notNull(),
  },
  // `?q=` (ilike '%text%'): trigram indexes (pg_trgm, migration 0016) on exactly the expressions
  // the search matches (people/repositories.ts): the full name, the phone as typed, its digits.
  (t) => [
    index('customers_full_name_trgm_idx').using('gin', sql`(${t.firstName} || ' ' || ${t.lastName}) gin_trgm_ops`),
    index('customers_phone_trgm_idx').using('gin', t.phoneNumber.op('gin_trgm_ops')),
    index('customers_phone_digits_trgm_idx').using(
      'gin',
      sql`regexp_replace(${t.phoneNumber}, '[^0-9]', '', 'g') gin_trgm_ops`,
    ),
  ],
);

/** The local copy of inventory's automobiles, kept by the poller; `sold` changes at once on a sale. */
export const automobileVOs = automobileVOTable(sales);
export const syncCursors = syncCursorTable(sales);

/** The totals of the unfiltered lists (sales, live and all), kept by triggers: common/src/db/row-counts.ts. */
export const rowCounts = rowCountsTable(sales);

export const salesRecords = sales.table(
  'sales',
  {
    id: serial().primaryKey(),
    price: numeric({ precision: 10, scale: 2 }).notNull(),
    automobileVin: varchar('automobile_vin', { length: 17 })
      .notNull()
      .references(() => automobileVOs.vin, { onDelete: 'restrict' }),
    salespersonId: integer('salesperson_id')
      .notNull()
      .references(() => salespeople.id, { onDelete: 'restrict' }),
    customerId: integer('customer_id')
      .notNull()
      .references(() => customers.id, { onDelete: 'restrict' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    /** A voided sale is kept for the books; the car is available again. */
    voidedAt: timestamp('voided_at', { withTimezone: true }),
    /** Why it was voided, when the person voiding it said (a wrong price, a cancelled deal). */
    voidReason: varchar('void_reason', { length: 500 }),
    /** (sales desk) The customer's car taken in part payment, as sent; null for none. */
    tradeIn: jsonb('trade_in'),
    /** Its VIN, for the checks: a VIN in stock cannot be traded in, a sold trade-in stops a void. */
    tradeInVin: varchar('trade_in_vin', { length: 17 }),
    /** The fees as sent (`[{name, amount}]`). */
    fees: jsonb(),
    /** The deal's figures in cents (`DealCents` of common/src/contract/deal.ts); null for sales recorded before it. */
    deal: jsonb(),
  },
  (t) => [
    // Exactly one live sale per car, also under concurrent requests.
    uniqueIndex('sales_one_live_sale_per_automobile').on(t.automobileVin).where(sql`${t.voidedAt} is null`),
    // A salesperson's or customer's live sales in id order, exactly what their list pages show: a
    // page is read straight from the index, even where the planner has no statistics to go by.
    index('sales_live_salesperson_id_id_idx').on(t.salespersonId, t.id).where(sql`${t.voidedAt} is null`),
    index('sales_live_customer_id_id_idx').on(t.customerId, t.id).where(sql`${t.voidedAt} is null`),
    // A car's sales, voided ones too (`?vin=&include_voided=true`: its whole history of deals).
    index('sales_automobile_vin_id_idx').on(t.automobileVin, t.id),
    // Live sales by price (`?sort=price`, `-price`): a page read in order from the index, not a sort of every sale.
    index('sales_live_price_id_idx').on(t.price, t.id).where(sql`${t.voidedAt} is null`),
    // The reports: live sales of a range of days, with every column they sum (an index-only scan).
    index('sales_live_created_at_idx').on(t.createdAt, t.salespersonId, t.price).where(sql`${t.voidedAt} is null`),
    index('sales_live_trade_in_vin_idx')
      .on(t.tradeInVin)
      .where(sql`${t.voidedAt} is null and ${t.tradeInVin} is not null`),
  ],
);

/**
 * What each car cost the dealership, from inventory's feed (which answers it to sales' credential
 * alone), for the managers' front gross. Kept apart from the sales rows, so no sale's JSON, audit
 * entry or webhook event carries it.
 */
export const automobileCosts = sales.table('automobile_costs', {
  vin: varchar({ length: 17 }).primaryKey(),
  cost: numeric({ precision: 12, scale: 2 }),
  /** The feed entry this row reflects; an older entry never overwrites a newer one. */
  seq: bigint({ mode: 'number' }).notNull(),
});

/**
 * "Mark this VIN sold/unsold in inventory", written in the same transaction as the sale or the
 * void, delivered by the dispatcher in id order per VIN, deleted only once inventory confirmed it.
 */
export const outbox = sales.table(
  'outbox',
  {
    id: bigserial({ mode: 'number' }).primaryKey(),
    vin: varchar({ length: 17 }).notNull(),
    /** What to tell inventory: `sold` (the `sold` flag), `trade_in` (the payload) or `trade_in_remove`. */
    kind: varchar({ length: 20 }).notNull().default('sold'),
    /** For `sold` only. */
    sold: boolean(),
    /** A trade-in's body for inventory, or the voided sale's id for its removal. */
    payload: jsonb(),
    attempts: integer().notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull().defaultNow(),
    /** A dispatcher's claim; another replica may take the row once it has passed. */
    leasedUntil: timestamp('leased_until', { withTimezone: true }),
    lastError: varchar('last_error', { length: 500 }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    /**
     * The W3C trace of the request that wrote the row (its trace id, and the span that wrote it):
     * the delivery is logged under it, and sent on as its child.
     */
    traceId: varchar('trace_id', { length: 32 }),
    spanId: varchar('span_id', { length: 16 }),
  },
  (t) => [index('outbox_vin_id_idx').on(t.vin, t.id)],
);

/**
 * Every change staff and services make here, who made it and why: append-only (triggers refuse
 * UPDATE, DELETE and TRUNCATE) and written by triggers on the audited tables (the custom migration).
 */
export const auditLog = auditLogTable(sales);

/** Webhook events (sale.created, sale.voided), appended by a trigger on sales in the same transaction. */
export const events = eventsTable(sales);
