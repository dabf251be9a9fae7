import http from 'node:http';
import type { SoldUpdate } from '@carcar/common/contract/feed';
import type { Db } from '@carcar/common/db/database';
import { prepareRows } from '@carcar/common/db/statements';
import type { Logger } from '@carcar/common/service/logger';
import axios from 'axios';
import { eq, sql } from 'drizzle-orm';
import { outbox } from '../db/schema.js';

export interface DispatcherOptions {
  db: Db;
  inventoryUrl: string;
  /** Sales' own credential for inventory: it may mark cars sold and unsold, nothing else. */
  credential: () => Promise<string>;
  logger: Logger;
  /** Retry delays double from 250 ms up to this cap while inventory is unreachable. */
  maxBackoffMs?: number;
  /** How long a claimed row stays with this replica before another may take it. */
  leaseSeconds?: number;
  /** How often an idle dispatcher looks for due rows (`onOutboxWritten` ends the wait at once). */
  idleMs?: number;
}

export interface DispatcherStatus {
  state: 'ok' | 'failing' | 'stopped';
  last_error: string | null;
}

export interface Dispatcher {
  /** A statement that wrote an outbox row committed (see ./enqueue.ts): deliver now, not at the next idle look. */
  onOutboxWritten(): void;
  status(): DispatcherStatus;
  stop(): Promise<void>;
}

interface Claimed {
  id: number;
  vin: string;
  sold: boolean;
  attempts: number;
}

type Outcome = { kind: 'delivered' } | { kind: 'gone'; status: number } | { kind: 'retry'; error: string };

/**
 * Delivers the outbox rows that ./enqueue.ts writes to inventory (`PUT /api/automobiles/:vin/`, a
 * `SoldUpdate` body): the oldest row of each VIN first, so a sale and its void arrive in order; a
 * row is deleted only once inventory answered.
 * Rows are claimed with a short lease under FOR UPDATE SKIP LOCKED, so replicas never deliver the
 * same row at once, and no transaction stays open during the HTTP call.
 */
export function startDispatcher(options: DispatcherOptions): Dispatcher {
  const { db, logger } = options;
  const maxBackoffMs = options.maxBackoffMs ?? 2000;
  // Outlasts the 5 s HTTP timeout; a replica that dies holding rows delays them by at most this.
  const leaseSeconds = options.leaseSeconds ?? 10;
  const idleMs = options.idleMs ?? 500;
  const client = axios.create({
    baseURL: options.inventoryUrl,
    timeout: 5000,
    validateStatus: () => true,
    httpAgent: new http.Agent({ keepAlive: true, maxSockets: 10 }),
    // Inventory never redirects; not following redirects spares a wrapper around every request.
    maxRedirects: 0,
  });
  const status: DispatcherStatus = { state: 'ok', last_error: null };
  let stopped = false;
  let endPause: (() => void) | undefined;

  const claimDue = prepareRows<
    { id: string | number; vin: string; sold: boolean; attempts: number },
    { lease: number }
  >(
    db,
    'sales_outbox_claim',
    sql`update ${outbox} set leased_until = now() + make_interval(secs => ${sql.placeholder('lease')})
        where id in (
          select o.id from ${outbox} o
          where o.next_attempt_at <= now()
            and (o.leased_until is null or o.leased_until < now())
            and o.id = (select min(o2.id) from ${outbox} o2 where o2.vin = o.vin)
          order by o.id limit 50
          for update skip locked)
        returning id, vin, sold, attempts`,
  );
  const deleteDelivered = prepareRows<never, { ids: number[] }>(
    db,
    'sales_outbox_delete_delivered',
    sql`delete from ${outbox} where ${outbox.id} = any(${sql.placeholder('ids')}::bigint[])`,
  );

  async function claim(): Promise<Claimed[]> {
    const rows = await claimDue({ lease: leaseSeconds });
    return rows.map((row) => ({ ...row, id: Number(row.id) }));
  }

  async function deliver(row: Claimed): Promise<Outcome> {
    try {
      const body: SoldUpdate = { sold: row.sold };
      const res = await client.put(`/api/automobiles/${encodeURIComponent(row.vin)}/`, body, {
        headers: { Authorization: `Bearer ${await options.credential()}` },
      });
      if (res.status >= 200 && res.status < 300) return { kind: 'delivered' };
      // 401/403 mean our key is not (yet, or no longer) trusted there: an operator's fix, after
      // which the update must still arrive, so it waits like an outage rather than being dropped.
      if (res.status >= 500 || [401, 403, 408, 429].includes(res.status)) {
        return { kind: 'retry', error: `inventory answered ${res.status}` };
      }
      return { kind: 'gone', status: res.status };
    } catch (error) {
      return { kind: 'retry', error: axios.isAxiosError(error) ? (error.code ?? error.message) : String(error) };
    }
  }

  /** Delivered rows go in one statement; refused ones are dropped with a warning; failed ones wait. */
  async function settle(rows: Claimed[], outcomes: Outcome[]): Promise<void> {
    const done: number[] = [];
    const retries: Array<Promise<unknown>> = [];
    rows.forEach((row, i) => {
      const outcome = outcomes[i] as Outcome;
      if (outcome.kind === 'gone') {
        // Inventory refused for good (the car was deleted there): retrying would block this VIN forever.
        logger.warn(
          { vin: row.vin, sold: row.sold, status: outcome.status },
          'inventory refused a sold update; dropped',
        );
      }
      if (outcome.kind !== 'retry') {
        done.push(row.id);
        return;
      }
      const delayMs = Math.min(250 * 2 ** row.attempts, maxBackoffMs);
      retries.push(
        db
          .update(outbox)
          .set({
            attempts: row.attempts + 1,
            lastError: outcome.error.slice(0, 500),
            leasedUntil: null,
            nextAttemptAt: sql`now() + make_interval(secs => ${delayMs / 1000})`,
          })
          .where(eq(outbox.id, row.id)),
      );
    });
    await Promise.all([...(done.length > 0 ? [deleteDelivered({ ids: done })] : []), ...retries]);
  }

  function setState(state: DispatcherStatus['state'], error?: string): void {
    if (error) status.last_error = error;
    if (status.state === state) return;
    status.state = state;
    if (state === 'failing')
      logger.warn({ error }, 'inventory unreachable or refusing our credential; sold updates queued in the outbox');
    if (state === 'ok') logger.info('inventory reachable; delivering queued sold updates');
  }

  function pause(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        endPause = undefined;
        resolve();
      }
      endPause = done;
    });
  }

  const loop = (async () => {
    while (!stopped) {
      try {
        const rows = await claim();
        if (rows.length === 0) {
          await pause(idleMs);
          continue;
        }
        const outcomes = await Promise.all(rows.map(deliver));
        await settle(rows, outcomes);
        const failure = outcomes.find((o): o is Extract<Outcome, { kind: 'retry' }> => o.kind === 'retry');
        setState(failure ? 'failing' : 'ok', failure?.error);
        if (failure) await pause(Math.min(250, maxBackoffMs));
      } catch (error) {
        // The database is away: try again shortly; the rows stay until delivered.
        logger.warn({ err: error }, 'outbox dispatch failed');
        await pause(1000);
      }
    }
    status.state = 'stopped';
  })();

  return {
    onOutboxWritten: () => endPause?.(),
    status: () => ({ ...status }),
    stop: async () => {
      stopped = true;
      endPause?.();
      await loop;
    },
  };
}
