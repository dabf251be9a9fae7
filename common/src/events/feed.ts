import { sql } from 'drizzle-orm';
import { Router } from 'express';
import { z } from 'zod';
import type { EventFeedPage, WebhookEventType } from '../contract/webhooks.js';
import type { Db } from '../db/database.js';
import { prepareRows } from '../db/statements.js';
import type { Operation } from '../http/openapi.js';
import { parseInput } from '../http/validation.js';
import type { EventsTable } from './table.js';

export const eventsQuery = z.object({
  after: z.coerce.number().int().min(0).max(Number.MAX_SAFE_INTEGER).default(0),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

/** How many new events one read numbers at most; the rest wait for the next read. */
const NUMBER_AT_ONCE = 5000;

/**
 * `GET /api/events/?after=&limit=`: the service's webhook events after a seq, oldest first. Only
 * the gateway's own credential may read it (`events.read`, in the route table).
 */
export function eventsRouter(db: Db, table: EventsTable, statementPrefix: string): Router {
  const read = prepareRows<
    {
      seq: string | number;
      id: string;
      type: string;
      entity: string;
      entity_id: string;
      created_at: Date | string;
      data: Record<string, unknown>;
    },
    { after: number; limit: number }
  >(
    db,
    `${statementPrefix}_events_after`,
    sql`select feed_seq as seq, id, type, entity, entity_id, created_at, data from ${table}
      where feed_seq > ${sql.placeholder('after')} order by feed_seq limit ${sql.placeholder('limit')}`,
  );
  const lockName = `carcar:${statementPrefix}:events`;
  /**
   * Gives the committed events without a place in the feed the next places, oldest `seq` first:
   * one reader at a time (the lock, held to its commit), so places are given in commit order and
   * a later reader's are all after an earlier one's. An uncommitted event is invisible here and
   * gets its place once it commits, after everything numbered before.
   */
  function numberNewEvents(): Promise<void> {
    return db.transaction(async (tx) => {
      await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${lockName}))`);
      await tx.execute(sql`update ${table} e set feed_seq = fresh.base + fresh.n
        from (select seq, row_number() over (order by seq) as n,
                (select coalesce(max(feed_seq), 0) from ${table}) as base
              from ${table} where feed_seq is null order by seq limit ${NUMBER_AT_ONCE}) fresh
        where e.seq = fresh.seq`);
    });
  }
  const router = Router();
  router.get('/', async (req, res) => {
    const query = parseInput(eventsQuery, req.query);
    await numberNewEvents();
    const rows = await read(query);
    const events = rows.map((row) => ({
      seq: Number(row.seq),
      id: row.id,
      type: row.type,
      entity: row.entity,
      entity_id: row.entity_id,
      created_at: new Date(row.created_at).toISOString(),
      data: row.data,
    }));
    const page: EventFeedPage = { events, next: events.at(-1)?.seq ?? query.after };
    res.json(page);
  });
  return router;
}

/** The feed in a service's OpenAPI document, with one of its events as the example. */
export function eventsOperation(example: {
  type: WebhookEventType;
  entity: string;
  data: Record<string, unknown>;
}): Operation {
  const entry = {
    seq: 1,
    id: '0b9e2f7c-3c1a-4d7e-9f2a-5b8c6d4e3f21',
    type: example.type,
    entity: example.entity,
    entity_id: String(example.data.id ?? '1'),
    created_at: '2026-05-01T14:30:00.000Z',
    data: example.data,
  };
  return {
    method: 'get',
    path: '/api/events/',
    summary:
      "The webhook events feed (the gateway's own credential only): events after a seq, oldest first, " +
      'in commit order; the gateway delivers them to the subscribed receivers',
    query: eventsQuery,
    example: { events: [entry], next: 1 } satisfies EventFeedPage,
    errors: [401, 403],
  };
}
