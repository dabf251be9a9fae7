import { sql } from 'drizzle-orm';
import { Router } from 'express';
import { z } from 'zod';
import { inventoryRoutes } from '../contract/routes.js';
import type { EventFeedPage, WebhookEventType } from '../contract/webhooks.js';
import type { Db } from '../db/database.js';
import { feedNumbering } from '../db/feed-order.js';
import { prepareRows } from '../db/statements.js';
import type { Operation } from '../http/openapi.js';
import { parseInput } from '../http/validation.js';
import type { EventsTable } from './table.js';

export const eventsQuery = z.object({
  after: z.coerce.number().int().min(0).max(Number.MAX_SAFE_INTEGER).default(0),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

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
  const numberNewEvents = feedNumbering(db, table, `carcar:${statementPrefix}:events`);
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
    // Every service's table holds the same `events` row.
    path: inventoryRoutes.events.path,
    summary:
      "The webhook events feed (the gateway's own credential only): events after a seq, oldest first, " +
      'in commit order; the gateway delivers them to the subscribed receivers',
    query: eventsQuery,
    example: { events: [entry], next: 1 } satisfies EventFeedPage,
    errors: [401, 403],
  };
}
