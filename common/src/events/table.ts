import { type SQL, sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  index,
  jsonb,
  type PgSchema,
  timestamp,
  uniqueIndex,
  uuid,
  varchar,
} from 'drizzle-orm/pg-core';
import type { WebhookEventType } from '../contract/webhooks.js';
import type { Db } from '../db/database.js';

// The outbox of webhook events (docs/architecture.md, "Webhooks"): each service appends an event
// in the same transaction as the change that causes it, and the gateway reads them in order from
// `GET /api/events/` to deliver them. Most events are appended by row triggers in the service's
// custom migration (`*_webhook_events.sql`), so every write path is covered, exactly as the audit
// trail is; `emitEvent` below is for a use case that writes one itself.

/**
 * The events table of a service's schema. `seq` is drawn as an event is appended, in the writer's
 * transaction; `feed_seq`, the feed's order, is given afterwards to committed events only, oldest
 * `seq` first, by whoever reads the feed (./feed.ts, one at a time under a lock). So the feed's
 * order is commit order, as a reader needs: one that has passed 12 never misses an 11 committed
 * later, because nothing uncommitted has a `feed_seq`. Writers take no lock for it (an earlier
 * design drew the seq at commit under a lock, which made every write of the service wait for the
 * one before it to reach the disk).
 */
export function eventsTable(schema: PgSchema) {
  return schema.table(
    'events',
    {
      seq: bigserial({ mode: 'number' }).primaryKey(),
      /** The place in the feed (`GET /api/events/`'s `seq`); null until a reader of the feed numbers it. */
      feedSeq: bigint('feed_seq', { mode: 'number' }),
      /** What a receiver de-duplicates by. */
      id: uuid().notNull().defaultRandom().unique(),
      type: varchar({ length: 60 }).notNull(),
      /** `sale`, `appointment`, `automobile`, `repair_order`: with `entity_id`, the unit of ordering. */
      entity: varchar({ length: 40 }).notNull(),
      entityId: varchar('entity_id', { length: 100 }).notNull(),
      data: jsonb().$type<Record<string, unknown>>().notNull(),
      createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    },
    (t) => [
      uniqueIndex('events_feed_seq_key').on(t.feedSeq),
      // What the next reader numbers: few rows, whatever the table holds.
      index('events_unnumbered_idx').on(t.seq).where(sql`${t.feedSeq} is null`),
    ],
  );
}

export type EventsTable = ReturnType<typeof eventsTable>;

export interface NewEvent {
  type: WebhookEventType;
  entity: string;
  entityId: string | number;
  data: Record<string, unknown>;
}

/**
 * Appends one event. Pass the change's transaction as `tx`, so the event commits with the change
 * or not at all. In SQL (a CTE or a trigger) the same is `select <schema>.emit_event(type, entity,
 * entity_id, data)`, defined by each service's webhook-events migration.
 */
export async function emitEvent(tx: Db, table: EventsTable, event: NewEvent): Promise<void> {
  await tx.insert(table).values({
    type: event.type,
    entity: event.entity,
    entityId: String(event.entityId),
    data: event.data,
  });
}

/** The same as an SQL fragment, for a single-statement write: `, ev as (${emitEventSql(...)})`. */
export function emitEventSql(table: EventsTable, type: WebhookEventType, entity: string, rows: SQL): SQL {
  return sql`insert into ${table} (type, entity, entity_id, data)
    select ${type}, ${entity}, r.id::text, to_jsonb(r) from (${rows}) r`;
}
