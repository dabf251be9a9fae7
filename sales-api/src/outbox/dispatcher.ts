import http from 'node:http';
import type { TradeInBatchResult } from '@carcar/common/contract/deal';
import { SOLD_BATCH_MAX, type SoldBatch, type SoldBatchResult, type SoldUpdate } from '@carcar/common/contract/feed';
import { inventoryRoutes, pathTo } from '@carcar/common/contract/routes';
import type { Db } from '@carcar/common/db/database';
import { onIndexWalks, queryRows } from '@carcar/common/db/statements';
import type { Logger } from '@carcar/common/service/logger';
import { inSpan, type SpanRef } from '@carcar/common/service/otlp';
import { traceparentFor } from '@carcar/common/service/trace';
import axios from 'axios';
import { sql } from 'drizzle-orm';
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
  /** `sold` (the flag), `trade_in` (payload: inventory's trade-in body) or `trade_in_remove` (payload: the sale's id). */
  kind: string;
  sold: boolean | null;
  payload: Record<string, unknown> | null;
  attempts: number;
  /** The trace of the request that wrote the row, if it came with one, and the span that wrote it. */
  trace_id: string | null;
  span_id: string | null;
}

type Outcome = { kind: 'delivered' } | { kind: 'gone'; status: number } | { kind: 'retry'; error: string };

/** The distinct trace ids of `rows`, in order. */
function traceIds(rows: Claimed[]): string[] {
  return [...new Set(rows.flatMap((row) => (row.trace_id ? [row.trace_id] : [])))];
}

/** The distinct spans that wrote `rows` (the requests whose work a delivery finishes). */
function causesOf(rows: Claimed[]): SpanRef[] {
  const bySpan = new Map<string, SpanRef>();
  for (const row of rows) {
    if (row.trace_id) bySpan.set(`${row.trace_id}-${row.span_id}`, { traceId: row.trace_id, spanId: row.span_id });
  }
  return [...bySpan.values()];
}

/** How many rows one claim takes and one request to inventory carries. */
const BATCH = SOLD_BATCH_MAX;

/**
 * Delivers the outbox rows that ./enqueue.ts writes to inventory, up to 500 in one request
 * (`POST /api/automobiles/sold/`, one transaction there): only the oldest row of each VIN is
 * taken, so a sale and its void arrive in order, in successive batches; a row is deleted only once
 * inventory answered. An inventory that refuses the batch route (an older one: 404; a body it
 * cannot take: 400) gets the batch one `PUT /api/automobiles/:vin/` per row, as before.
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

  // The heads of line: a row no older row of its VIN waits before, due and not leased, oldest
  // first. The primary key is walked from the oldest row, each row's VIN looked up in
  // `outbox_vin_id_idx` for an older one: the cost is the rows taken, whatever the backlog.
  // These statements are planned afresh on each call (plain queries, not named ones) and run
  // `onIndexWalks`. A kept plan made while the outbox was empty, or analysed empty, is built on
  // 1-row estimates and walked the whole backlog for each row once there was one (10 s a claim at
  // 110,000 rows); a fresh plan sees the table's current size, but without `onIndexWalks` it still
  // chose a sequential scan and a sort of the whole backlog (0.3 s). Both together: 3 ms for 500
  // rows at 110,000, the same as at 1,000. Planning costs a fraction of a millisecond a batch.
  const claimSql = sql`update ${outbox} set leased_until = now() + make_interval(secs => ${leaseSeconds})
    where id = any(array(
      select o.id from ${outbox} o
      where o.next_attempt_at <= now()
        and (o.leased_until is null or o.leased_until < now())
        and not exists (select from ${outbox} older where older.vin = o.vin and older.id < o.id)
      order by o.id limit ${BATCH}
      for update of o skip locked))
    returning id, vin, kind, sold, payload, attempts, trace_id, span_id`;
  const deleteSql = (ids: number[]) => sql`delete from ${outbox} where ${outbox.id} = any(${sql.param(ids)}::bigint[])`;
  // Waits double from 250 ms per attempt, up to the cap; the lease is given back.
  const retrySql = (
    ids: number[],
    error: string,
  ) => sql`update ${outbox} set attempts = attempts + 1, last_error = ${error},
      leased_until = null,
      next_attempt_at = now() + make_interval(secs => least(0.25 * power(2, least(attempts, 20)), ${maxBackoffMs / 1000}::float8))
    where ${outbox.id} = any(${sql.param(ids)}::bigint[])`;

  async function claim(): Promise<Claimed[]> {
    const rows = await onIndexWalks(db, (tx) => queryRows<Omit<Claimed, 'id'> & { id: string | number }>(tx, claimSql));
    return rows.map((row) => ({ ...row, id: Number(row.id) })).sort((a, b) => a.id - b.id);
  }

  /**
   * Sales' credential, and the trace each request to inventory is part of: the delivery's span
   * when spans are exported (common/src/service/otlp.ts); otherwise, when the rows share one
   * trace (a single sale's rows do), a new span of it. A batch of several requests' rows starts
   * no trace there; the delivery's log line names them all.
   */
  async function headers(rows: Claimed[], span: SpanRef | undefined): Promise<Record<string, string>> {
    const authorization = { Authorization: `Bearer ${await options.credential()}` };
    if (span?.spanId) return { ...authorization, traceparent: traceparentFor(span.traceId, span.spanId) };
    const [trace, ...others] = traceIds(rows);
    return trace && others.length === 0 ? { ...authorization, traceparent: traceparentFor(trace) } : authorization;
  }

  function failure(error: unknown): Outcome {
    return { kind: 'retry', error: axios.isAxiosError(error) ? (error.code ?? error.message) : String(error) };
  }

  /** What an answer other than 2xx means for the rows it was about. */
  function refusal(status: number): Outcome {
    // 401/403 mean our key is not (yet, or no longer) trusted there: an operator's fix, after
    // which the update must still arrive, so it waits like an outage rather than being dropped.
    if (status >= 500 || [401, 403, 408, 429].includes(status)) {
      return { kind: 'retry', error: `inventory answered ${status}` };
    }
    return { kind: 'gone', status };
  }

  /** One row on its own, the way every row went before the batch route. */
  async function deliverOne(row: Claimed, span: SpanRef | undefined): Promise<Outcome> {
    try {
      const body: SoldUpdate = { sold: row.sold ?? false };
      const res = await client.put(pathTo(inventoryRoutes.automobiles.update, { vin: row.vin }), body, {
        headers: await headers([row], span),
      });
      return res.status >= 200 && res.status < 300 ? { kind: 'delivered' } : refusal(res.status);
    } catch (error) {
      return failure(error);
    }
  }

  /** The rows in one request; inventory answers the VINs it has no car for, which are dropped like a 404. */
  async function deliver(rows: Claimed[], span: SpanRef | undefined): Promise<Outcome[]> {
    try {
      const body: SoldBatch = { automobiles: rows.map((row) => ({ vin: row.vin, sold: row.sold ?? false })) };
      const res = await client.post<SoldBatchResult>(pathTo(inventoryRoutes.automobiles.sold), body, {
        headers: await headers(rows, span),
      });
      if (res.status >= 200 && res.status < 300) {
        const missing = new Set(res.data.missing);
        return rows.map((row) => (missing.has(row.vin) ? { kind: 'gone', status: 404 } : { kind: 'delivered' }));
      }
      const outcome = refusal(res.status);
      if (outcome.kind === 'retry') return rows.map(() => outcome);
      // Refused for good as a whole (no batch route there, or a body it cannot take): each row
      // then gets the answer it would have had alone, so one bad row holds up no other.
      logger.warn(
        { status: res.status, rows: rows.length },
        'inventory refused a batch; delivering its rows one by one',
      );
      return Promise.all(rows.map((row) => deliverOne(row, span)));
    } catch (error) {
      return rows.map(() => failure(error));
    }
  }

  /**
   * A trade-in into inventory, or out again after a void: one request each. Inventory answers a
   * repeat of either as done (200) or gone (404), so a row delivered twice changes nothing; a 409
   * (the VIN in stock unsold, or the trade-in sold since) is refused for good and dropped with a warning.
   */
  async function deliverTradeIn(row: Claimed, span: SpanRef | undefined): Promise<Outcome> {
    try {
      const res =
        row.kind === 'trade_in'
          ? await client.post(pathTo(inventoryRoutes.automobiles.tradeIn), row.payload, {
              headers: await headers([row], span),
            })
          : await client.delete(pathTo(inventoryRoutes.automobiles.removeTradeIn, { vin: row.vin }), {
              params: { sale_id: row.payload?.sale_id },
              headers: await headers([row], span),
            });
      return res.status >= 200 && res.status < 300 ? { kind: 'delivered' } : refusal(res.status);
    } catch (error) {
      return failure(error);
    }
  }

  /**
   * A claim's trade-ins in one request (`POST /api/automobiles/trade-ins/batch/`, one transaction
   * there); one refused there (in stock and unsold) is dropped with a warning, as a single POST's
   * 409 is. An inventory without the batch route (404), or refusing the body as a whole (400), gets
   * each trade-in on its own, as before.
   */
  async function deliverTradeIns(rows: Claimed[], span: SpanRef | undefined): Promise<Outcome[]> {
    try {
      const body = { trade_ins: rows.map((row) => row.payload) };
      const res = await client.post<TradeInBatchResult>(pathTo(inventoryRoutes.automobiles.tradeInBatch), body, {
        headers: await headers(rows, span),
      });
      if (res.status >= 200 && res.status < 300) {
        const refused = new Set(res.data.refused.map((one) => one.vin));
        return rows.map((row) => (refused.has(row.vin) ? { kind: 'gone', status: 409 } : { kind: 'delivered' }));
      }
      const outcome = refusal(res.status);
      if (outcome.kind === 'retry') return rows.map(() => outcome);
      return Promise.all(rows.map((row) => deliverTradeIn(row, span)));
    } catch (error) {
      return rows.map(() => failure(error));
    }
  }

  /** A claim's rows, each by its kind: the sold updates in one batch, the trade-ins in another, removals one by one; all at once. */
  async function deliverAll(rows: Claimed[], span: SpanRef | undefined): Promise<Outcome[]> {
    const ofKind = (kind: string) => rows.filter((row) => row.kind === kind);
    const groups: Array<[Claimed[], Promise<Outcome[]>]> = [
      [ofKind('sold'), ofKind('sold').length > 0 ? deliver(ofKind('sold'), span) : Promise.resolve([])],
      [
        ofKind('trade_in'),
        ofKind('trade_in').length > 0 ? deliverTradeIns(ofKind('trade_in'), span) : Promise.resolve([]),
      ],
      [ofKind('trade_in_remove'), Promise.all(ofKind('trade_in_remove').map((row) => deliverTradeIn(row, span)))],
    ];
    const byId = new Map<number, Outcome>();
    for (const [group, outcomes] of groups) {
      const answered = await outcomes;
      group.forEach((row, i) => {
        byId.set(row.id, answered[i] as Outcome);
      });
    }
    return rows.map((row) => byId.get(row.id) as Outcome);
  }

  /** Delivered and refused rows are deleted in one statement (refused ones with a warning); failed ones wait. */
  async function settle(rows: Claimed[], outcomes: Outcome[]): Promise<void> {
    const done: number[] = [];
    const retry: number[] = [];
    let error = '';
    rows.forEach((row, i) => {
      const outcome = outcomes[i] as Outcome;
      if (outcome.kind === 'gone') {
        // Inventory refused for good (the car was deleted there): retrying would block this VIN forever.
        logger.warn(
          { vin: row.vin, kind: row.kind, sold: row.sold, status: outcome.status },
          'inventory refused an outbox message; dropped',
        );
      }
      if (outcome.kind === 'retry') {
        retry.push(row.id);
        error = outcome.error.slice(0, 500);
      } else done.push(row.id);
    });
    await onIndexWalks(db, async (tx) => {
      if (done.length > 0) await tx.execute(deleteSql(done));
      if (retry.length > 0) await tx.execute(retrySql(retry, error));
    });
    // One line per claim, naming the traces of the requests whose changes reached inventory, so a
    // trace id found in the gateway's log leads here too.
    const delivered = rows.filter((_, i) => outcomes[i]?.kind === 'delivered');
    if (delivered.length > 0) {
      logger.info({ rows: delivered.length, traceIds: traceIds(delivered) }, 'outbox rows delivered to inventory');
    }
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

  let failures = 0;
  const loop = (async () => {
    while (!stopped) {
      try {
        const rows = await claim();
        if (rows.length === 0) {
          await pause(idleMs);
          continue;
        }
        // One span per claim (when spans are exported): the child of the request that wrote the
        // rows, or linked to each of several.
        const outcomes = await inSpan(
          'outbox delivery',
          causesOf(rows),
          { 'carcar.outbox.rows': rows.length },
          (span) => deliverAll(rows, span),
        );
        await settle(rows, outcomes);
        const failed = outcomes.find((o): o is Extract<Outcome, { kind: 'retry' }> => o.kind === 'retry');
        setState(failed ? 'failing' : 'ok', failed?.error);
        // Inventory is failing as a whole: one try per pause, the oldest rows again, not the backlog in turn.
        failures = failed ? failures + 1 : 0;
        if (failed) await pause(Math.min(250 * 2 ** (failures - 1), maxBackoffMs));
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
