import { EventEmitter } from 'node:events';
import { setTimeout as delay } from 'node:timers/promises';
import type { Db } from '@carcar/common/db/database';
import { prepareRows } from '@carcar/common/db/statements';
import { type SQL, type SQLWrapper, sql } from 'drizzle-orm';
import { automobileChanges, automobiles, manufacturers, vehicleModels } from '../db/schema.js';
import type { AutomobileChangeJson, AutomobileJson } from './schemas.js';

/** The automobile columns the JSON is made of: the table's, or a query's that selected them. */
interface AutomobileColumns {
  id: SQLWrapper;
  vin: SQLWrapper;
  color: SQLWrapper;
  year: SQLWrapper;
  sold: SQLWrapper;
}

/**
 * An automobile's contract JSON, built by Postgres from `car` joined to its model and manufacturer,
 * so API reads and feed entries are the same document.
 */
export function automobileJsonOf(car: AutomobileColumns): SQL<AutomobileJson> {
  return sql<AutomobileJson>`json_build_object(
  'href', '/api/automobiles/' || ${car.vin} || '/', 'id', ${car.id}, 'color', ${car.color},
  'year', ${car.year}, 'vin', ${car.vin},
  'model', json_build_object(
    'href', '/api/models/' || ${vehicleModels.id} || '/', 'id', ${vehicleModels.id}, 'name', ${vehicleModels.name},
    'picture_url', ${vehicleModels.pictureUrl},
    'manufacturer', json_build_object(
      'href', '/api/manufacturers/' || ${manufacturers.id} || '/', 'id', ${manufacturers.id}, 'name', ${manufacturers.name})),
  'sold', ${car.sold})`;
}

/** The JSON of the automobile rows of `automobilesJoined`. */
export const automobileJson = automobileJsonOf(automobiles);

export const automobilesJoined = sql`${automobiles}
  join ${vehicleModels} on ${vehicleModels.id} = ${automobiles.modelId}
  join ${manufacturers} on ${manufacturers.id} = ${vehicleModels.manufacturerId}`;

// Entries are appended with a provisional seq; a deferred trigger (migration 0003) draws the real
// one at commit, under the feed lock, so the feed's order is commit order.

/** Appends one feed entry per automobile matching `where` (a rename touches many), in the caller's transaction. */
export async function recordChanges(tx: Db, where: SQL, deleted = false): Promise<void> {
  await tx.execute(sql`insert into ${automobileChanges} (vin, deleted, automobile)
    select ${automobiles.vin}, ${deleted}, ${automobileJson} from ${automobilesJoined} where ${where}`);
}

/** The columns of the automobile row a write statement returned, in `prepareAutomobileWrite` below. */
const written = { id: sql`car.id`, vin: sql`car.vin`, color: sql`car.color`, year: sql`car.year`, sold: sql`car.sold` };

/**
 * Prepares `change` (an insert, update or delete of one automobile, without `returning`, with
 * `sql.placeholder`s for its values) together with its feed entry, as one statement: one round
 * trip to Postgres and its own transaction. The statement answers the automobile's JSON, or
 * undefined when `change` touched no row.
 */
export function prepareAutomobileWrite<P extends Record<string, unknown>>(
  db: Db,
  name: string,
  change: SQL,
  deleted = false,
): (params: P) => Promise<AutomobileJson | undefined> {
  const write = prepareRows<{ automobile: AutomobileJson }, P>(
    db,
    name,
    sql`with car as (${change} returning id, vin, color, year, sold, model_id),
      written as (
        select car.vin, ${automobileJsonOf(written)} as automobile from car
        join ${vehicleModels} on ${vehicleModels.id} = car.model_id
        join ${manufacturers} on ${manufacturers.id} = ${vehicleModels.manufacturerId}),
      feed as (insert into ${automobileChanges} (vin, deleted, automobile) select vin, ${deleted}, automobile from written)
    select automobile from written`,
  );
  return async (params) => (await write(params))[0]?.automobile;
}

/** Reads the feed: up to `limit` entries after `after`, in seq order. */
export type ChangesReader = (after: number, limit: number) => Promise<AutomobileChangeJson[]>;

export function changesReader(db: Db): ChangesReader {
  const read = prepareRows<
    { seq: string | number; deleted: boolean; automobile: AutomobileJson },
    { after: number; limit: number }
  >(
    db,
    'inventory_automobile_changes_after',
    sql`select seq, deleted, automobile from ${automobileChanges}
      where seq > ${sql.placeholder('after')} order by seq limit ${sql.placeholder('limit')}`,
  );
  return async (after, limit) => {
    const rows = await read({ after, limit });
    return rows.map((row) => ({ ...row.automobile, seq: Number(row.seq), deleted: row.deleted }));
  };
}

/**
 * Wakes long-polling readers of the feed when this process commits a change. Another replica's
 * changes are picked up by the readers' periodic re-check.
 */
export class ChangeNotifier {
  private readonly events = new EventEmitter().setMaxListeners(0);
  private closed = false;
  /** Counts notifications, so a reader can tell that a change landed while it was querying. */
  version = 0;

  notify(): void {
    this.version++;
    this.events.emit('change');
  }

  /** Resolves on the next change after `sinceVersion`, after `ms`, on abort, or on close. */
  wait(ms: number, sinceVersion: number, signal?: AbortSignal): Promise<void> {
    if (this.closed || signal?.aborted || this.version !== sinceVersion) return Promise.resolve();
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.events.off('change', done);
        this.events.off('close', done);
        signal?.removeEventListener('abort', done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.events.once('change', done);
      this.events.once('close', done);
      signal?.addEventListener('abort', done, { once: true });
    });
  }

  get isClosed(): boolean {
    return this.closed;
  }

  close(): void {
    this.closed = true;
    this.events.emit('close');
  }
}

/** How often a waiting reader re-reads the feed, for changes made by another replica. */
const RECHECK_MS = 1000;

/**
 * How long a woken reader waits before reading. Writes come in bursts (a busy lot, a rename, a
 * sale and its echo), and every answer costs each poller a request and a transaction: a short
 * pause lets one answer carry the burst. It adds at most this much to the sync lag. At 100 car
 * changes a second, 100 ms halved each poller's CPU against 25 ms; the lag stays far under 1 s.
 */
const GATHER_MS = 100;

/** The feed with long-poll: an empty answer is held until a change arrives or `waitSeconds` pass. */
export async function waitForChanges(
  readChanges: ChangesReader,
  notifier: ChangeNotifier,
  query: { after: number; limit: number; wait: number },
  signal: AbortSignal,
): Promise<AutomobileChangeJson[]> {
  const deadline = Date.now() + query.wait * 1000;
  for (;;) {
    const version = notifier.version;
    const changes = await readChanges(query.after, query.limit);
    const remaining = deadline - Date.now();
    if (changes.length > 0 || remaining <= 0 || signal.aborted || notifier.isClosed) return changes;
    await notifier.wait(Math.min(remaining, RECHECK_MS), version, signal);
    if (notifier.version !== version) await delay(GATHER_MS, undefined, { signal }).catch(() => undefined);
  }
}
