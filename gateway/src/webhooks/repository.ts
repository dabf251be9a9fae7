import type { DeliveryStatus, EventFeedEntry, WebhookPayload } from '@carcar/common/contract/webhooks';
import type { AuditContext } from '@carcar/common/db/audit';
import type { Db } from '@carcar/common/db/database';
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import { webhookAttempts, webhookCursors, webhookDeliveries, webhooks } from '../db/schema.js';
import { recordEvent } from '../identity/for-webhooks.js';

export interface WebhookRecord {
  id: number;
  url: string;
  events: string[];
  createdAt: Date;
}

export interface DeliveryRecord {
  id: number;
  eventId: string;
  type: string;
  eventAt: Date;
  status: DeliveryStatus;
  attempts: number;
  responseStatus: number | null;
  lastAttemptAt: Date | null;
  nextAttemptAt: Date;
  lastError: string | null;
}

export interface AttemptRecord {
  deliveryId: number;
  at: Date;
  responseStatus: number | null;
  error: string | null;
  durationMs: number;
}

/** A delivery a dispatcher has claimed: what to send where. */
export interface ClaimedDelivery {
  id: number;
  webhookId: number;
  body: string;
  eventId: string;
  type: string;
  attempts: number;
  giveUpAt: Date;
}

const webhookColumns = { id: webhooks.id, url: webhooks.url, events: webhooks.events, createdAt: webhooks.createdAt };
const deliveryColumns = {
  id: webhookDeliveries.id,
  eventId: webhookDeliveries.eventId,
  type: webhookDeliveries.type,
  eventAt: webhookDeliveries.eventAt,
  status: webhookDeliveries.status,
  attempts: webhookDeliveries.attempts,
  responseStatus: webhookDeliveries.responseStatus,
  lastAttemptAt: webhookDeliveries.lastAttemptAt,
  nextAttemptAt: webhookDeliveries.nextAttemptAt,
  lastError: webhookDeliveries.lastError,
};

/** How long a claimed delivery is held: far above the receiver's timeout, so one send never overlaps another. */
const LEASE_SECONDS = 120;

/** The exact body a receiver gets; it is stored, so a redelivery sends the very same bytes. */
export function payloadOf(event: {
  id: string;
  type: string;
  created_at: string;
  data: Record<string, unknown>;
}): string {
  const payload: WebhookPayload = { id: event.id, type: event.type, created_at: event.created_at, data: event.data };
  return JSON.stringify(payload);
}

export function webhooksRepository(db: Db) {
  return {
    async list(): Promise<WebhookRecord[]> {
      return db.select(webhookColumns).from(webhooks).orderBy(asc(webhooks.id));
    },

    async find(id: number): Promise<(WebhookRecord & { secretCiphertext: string }) | undefined> {
      const [row] = await db
        .select({ ...webhookColumns, secretCiphertext: webhooks.secretCiphertext })
        .from(webhooks)
        .where(eq(webhooks.id, id));
      return row;
    },

    /** The subscription and its `create` entry together: its URL and events, never the secret. */
    async create(
      input: { url: string; events: string[]; secretCiphertext: string; createdBy: number | null },
      audit: AuditContext,
    ): Promise<WebhookRecord> {
      return db.transaction(async (tx) => {
        const [row] = await tx.insert(webhooks).values(input).returning(webhookColumns);
        if (!row) throw new Error('insert returned no row');
        await recordEvent(tx, audit, {
          action: 'create',
          entity: 'webhook',
          entityId: row.id,
          changes: { url: [null, row.url], events: [null, row.events] },
        });
        return row;
      });
    },

    /** Deletes a subscription and its queue (nothing more is sent to it); undefined when there is none. */
    async remove(id: number, audit: AuditContext): Promise<WebhookRecord | undefined> {
      return db.transaction(async (tx) => {
        const [row] = await tx.delete(webhooks).where(eq(webhooks.id, id)).returning(webhookColumns);
        if (!row) return undefined;
        await recordEvent(tx, audit, {
          action: 'delete',
          entity: 'webhook',
          entityId: row.id,
          changes: { url: [row.url, null], events: [row.events, null] },
        });
        return row;
      });
    },

    /** The newest deliveries first, with their attempts. */
    async deliveries(
      webhookId: number,
      limit: number,
    ): Promise<Array<DeliveryRecord & { attemptLog: AttemptRecord[] }>> {
      const rows = await db
        .select(deliveryColumns)
        .from(webhookDeliveries)
        .where(eq(webhookDeliveries.webhookId, webhookId))
        .orderBy(desc(webhookDeliveries.id))
        .limit(limit);
      const ids = rows.map((row) => row.id);
      const attempts =
        ids.length === 0
          ? []
          : await db
              .select({
                deliveryId: webhookAttempts.deliveryId,
                at: webhookAttempts.at,
                responseStatus: webhookAttempts.responseStatus,
                error: webhookAttempts.error,
                durationMs: webhookAttempts.durationMs,
              })
              .from(webhookAttempts)
              .where(inArray(webhookAttempts.deliveryId, ids))
              .orderBy(asc(webhookAttempts.id));
      return rows.map((row) => ({
        ...row,
        status: row.status as DeliveryStatus,
        attemptLog: attempts.filter((attempt) => attempt.deliveryId === row.id),
      }));
    },

    /** Queues a test event for one subscription only; answers its event id. */
    async queueTest(webhookId: number, giveUpHours: number): Promise<{ eventId: string; body: string }> {
      const eventId = crypto.randomUUID();
      const createdAt = new Date().toISOString();
      const body = payloadOf({
        id: eventId,
        type: 'webhook.test',
        created_at: createdAt,
        data: { webhook_id: webhookId, message: 'A test event from CarCar' },
      });
      await db.insert(webhookDeliveries).values({
        webhookId,
        eventId,
        type: 'webhook.test',
        orderKey: `test:${eventId}`,
        seq: 0,
        body,
        eventAt: new Date(createdAt),
        giveUpAt: sql`now() + make_interval(secs => ${giveUpHours * 3600})`,
      });
      return { eventId, body };
    },

    /** Sends a delivery again from now, with a fresh retry window; false when there is no such delivery. */
    async redeliver(webhookId: number, eventId: string, giveUpHours: number): Promise<DeliveryRecord | undefined> {
      const [row] = await db
        .update(webhookDeliveries)
        .set({
          status: 'pending',
          nextAttemptAt: sql`now()`,
          giveUpAt: sql`now() + make_interval(secs => ${giveUpHours * 3600})`,
          leaseUntil: null,
        })
        .where(and(eq(webhookDeliveries.webhookId, webhookId), eq(webhookDeliveries.eventId, eventId)))
        .returning(deliveryColumns);
      return row ? { ...row, status: row.status as DeliveryStatus } : undefined;
    },

    /** Whether anyone subscribes at all: without a subscription the feeds are not read. */
    async anySubscription(): Promise<boolean> {
      const [row] = await db.select({ id: webhooks.id }).from(webhooks).limit(1);
      return row !== undefined;
    },

    async cursor(source: string): Promise<number> {
      const [row] = await db
        .select({ seq: webhookCursors.seq })
        .from(webhookCursors)
        .where(eq(webhookCursors.source, source));
      return row?.seq ?? 0;
    },

    /**
     * Queues a page of one service's events for every subscription that asked for each (made no
     * later than the event), and moves that service's cursor, in one transaction: a crash between
     * the two loses nothing and queues nothing twice (the unique (webhook, event) also guards).
     */
    async fanOut(source: string, events: EventFeedEntry[], next: number, giveUpHours: number): Promise<number> {
      return db.transaction(async (tx) => {
        let queued = 0;
        if (events.length > 0) {
          const rows = events.map((event) => ({
            event_id: event.id,
            type: event.type,
            order_key: `${source}:${event.entity}:${event.entity_id}`,
            seq: event.seq,
            body: payloadOf(event),
            event_at: event.created_at,
          }));
          const result = await tx.execute(sql`insert into ${webhookDeliveries}
              (webhook_id, event_id, type, order_key, seq, body, event_at, give_up_at)
            select w.id, e.event_id::uuid, e.type, e.order_key, e.seq, e.body, e.event_at,
              now() + make_interval(secs => ${giveUpHours * 3600})
            from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
              as e(event_id text, type text, order_key text, seq bigint, body text, event_at timestamptz)
            join ${webhooks} w on w.events ? e.type and w.created_at <= e.event_at
            order by e.seq, w.id
            on conflict (webhook_id, event_id) do nothing`);
          queued =
            (result as { rowCount?: number | null; affectedRows?: number }).rowCount ??
            (result as { affectedRows?: number }).affectedRows ??
            0;
        }
        await tx
          .insert(webhookCursors)
          .values({ source, seq: next })
          .onConflictDoUpdate({ target: webhookCursors.source, set: { seq: next } });
        return queued;
      });
    },

    /**
     * Claims up to `limit` deliveries that are due, each the oldest pending one of its entity for
     * its subscription (so one entity's events arrive in order), and leases them.
     */
    async claimDue(limit: number): Promise<ClaimedDelivery[]> {
      const result = await db.execute(sql`with due as (
          select d.id from ${webhookDeliveries} d
          where d.status = 'pending' and d.next_attempt_at <= now()
            and (d.lease_until is null or d.lease_until < now())
            and not exists (
              select 1 from ${webhookDeliveries} p
              where p.webhook_id = d.webhook_id and p.order_key = d.order_key and p.status = 'pending'
                and (p.seq, p.id) < (d.seq, d.id))
          order by d.next_attempt_at, d.id
          limit ${limit}
          for update skip locked)
        update ${webhookDeliveries} d set lease_until = now() + make_interval(secs => ${LEASE_SECONDS})
        from due where d.id = due.id
        returning d.id, d.webhook_id, d.body, d.event_id, d.type, d.attempts, d.give_up_at`);
      const rows = (result as unknown as { rows: Array<Record<string, unknown>> }).rows;
      return rows.map((row) => ({
        id: Number(row.id),
        webhookId: Number(row.webhook_id),
        body: String(row.body),
        eventId: String(row.event_id),
        type: String(row.type),
        attempts: Number(row.attempts),
        giveUpAt: new Date(row.give_up_at as string | Date),
      }));
    },

    /** Records one try and what follows: delivered, the next try, or given up. */
    async recordAttempt(
      delivery: ClaimedDelivery,
      outcome: { status?: number | undefined; error?: string | undefined; durationMs: number },
      next: { delivered: true } | { delivered: false; retryAt: Date | null },
    ): Promise<void> {
      await db.transaction(async (tx) => {
        await tx.insert(webhookAttempts).values({
          deliveryId: delivery.id,
          responseStatus: outcome.status ?? null,
          error: outcome.error?.slice(0, 500) ?? null,
          durationMs: outcome.durationMs,
        });
        const status: DeliveryStatus = next.delivered ? 'delivered' : next.retryAt === null ? 'failed' : 'pending';
        await tx
          .update(webhookDeliveries)
          .set({
            status,
            attempts: sql`${webhookDeliveries.attempts} + 1`,
            lastAttemptAt: sql`now()`,
            responseStatus: outcome.status ?? null,
            lastError: outcome.error?.slice(0, 500) ?? null,
            leaseUntil: null,
            ...(next.delivered || next.retryAt === null ? {} : { nextAttemptAt: next.retryAt }),
          })
          .where(eq(webhookDeliveries.id, delivery.id));
      });
    },
  };
}

export type WebhooksRepository = ReturnType<typeof webhooksRepository>;
