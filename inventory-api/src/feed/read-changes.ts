import { setTimeout as delay } from 'node:timers/promises';
import type { FeedChange } from '@carcar/common/contract/feed';
import { type AutomobileCondition, automobileConditions } from '@carcar/common/contract/inventory';
import type { Db } from '@carcar/common/db/database';
import { feedNumbering } from '@carcar/common/db/feed-order';
import { prepareRows } from '@carcar/common/db/statements';
import { sql } from 'drizzle-orm';
import { automobileChanges } from '../db/schema.js';
import type { StoredAutomobile } from '../json/present.js';
import type { FeedNotifier } from './notifier.js';

/**
 * One feed entry as inventory answers it: the automobile's JSON, its place in the feed, and whether
 * it was deleted. The services parse it as a `FeedChange`; the feed route's answer is typed by the
 * contract's page, so an entry that no longer satisfies it does not compile.
 */
export type FeedEntry = StoredAutomobile & Pick<FeedChange, 'seq' | 'deleted'>;

/** Reads the feed: up to `limit` entries after `after`, in seq order. */
export type ChangesReader = (after: number, limit: number) => Promise<FeedEntry[]>;

/** A row of the feed as stored: the automobile's JSON as it was written, whenever that was. */
interface StoredChange {
  seq: string | number;
  deleted: boolean;
  vin: string;
  /** When the entry was written, in the JSON's own format (`YYYY-MM-DDTHH:MM:SS.mmmZ`, UTC). */
  changed_at: string;
  automobile: unknown;
}

/** A timestamp `daysInStock` can count from (it reads the date part). */
function isTimestamp(value: unknown): value is string {
  return typeof value === 'string' && Number.isFinite(Date.parse(value.slice(0, 10)));
}

function isCondition(value: unknown): value is AutomobileCondition {
  return automobileConditions.some((condition) => condition === value);
}

/**
 * One stored entry as the feed answers it. Entries keep the JSON of the day they were written:
 * before migration 0012 one had no condition, odometer, list_price, cost or acquired_at (before 0007
 * no created_at). Migration 0018 filled those in; this reading is the backstop, so that no stored
 * entry, however old or damaged, can fail the whole page (a poller would retry it forever). A key
 * that is missing or not of its type reads as an automobile written then would have it now:
 * `new`, 0, null, null; `created_at` when the entry was written (the car was in stock by then), and
 * `acquired_at` the car's `created_at` (what 0013 took for every car then in stock). 0018 preferred
 * the car's row, which this read does not join: the feed's read stays one range of its own table.
 * The keys every writer has written since the feed began (href, id, color, year, vin, model, sold)
 * are answered as stored, `vin` from the row when the JSON lacks it.
 */
export function feedEntryOf(row: StoredChange): FeedEntry {
  const stored: Record<string, unknown> =
    typeof row.automobile === 'object' && row.automobile !== null && !Array.isArray(row.automobile)
      ? (row.automobile as Record<string, unknown>)
      : {};
  const createdAt = isTimestamp(stored.created_at) ? stored.created_at : row.changed_at;
  const { odometer, list_price: listPrice, cost } = stored;
  return {
    ...(stored as StoredAutomobile),
    vin: typeof stored.vin === 'string' ? stored.vin : row.vin,
    created_at: createdAt,
    condition: isCondition(stored.condition) ? stored.condition : 'new',
    odometer: typeof odometer === 'number' && Number.isSafeInteger(odometer) && odometer >= 0 ? odometer : 0,
    list_price: typeof listPrice === 'number' ? listPrice : null,
    cost: typeof cost === 'number' ? cost : null,
    acquired_at: isTimestamp(stored.acquired_at) ? stored.acquired_at : createdAt,
    seq: Number(row.seq),
    deleted: row.deleted,
  };
}

/** Reads the feed by place (`feed_seq`), after giving the entries committed since the last read theirs. */
export function changesReader(db: Db): ChangesReader {
  const numberNewEntries = feedNumbering(db, automobileChanges, 'carcar:inventory:automobile_changes');
  const read = prepareRows<StoredChange, { after: number; limit: number }>(
    db,
    'inventory_automobile_changes_after',
    sql`select feed_seq as seq, deleted, vin, automobile,
        to_char(changed_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as changed_at
      from ${automobileChanges}
      where feed_seq > ${sql.placeholder('after')} order by feed_seq limit ${sql.placeholder('limit')}`,
  );
  return async (after, limit) => {
    await numberNewEntries();
    return (await read({ after, limit })).map(feedEntryOf);
  };
}

/** How often a waiting long poll re-reads the feed, for entries made by another replica. */
const RECHECK_MS = 1000;

/**
 * How long a woken long poll waits before reading. Writes come in bursts (a busy lot, a rename, a
 * sale and its echo), and every answer costs each poller a request and a transaction: a short
 * pause lets one answer carry the burst, at the price of this much sync lag at most.
 */
const GATHER_MS = 100;

/** The feed with long-poll: an empty answer is held until an entry arrives or `wait` seconds pass. */
export async function waitForChanges(
  readChanges: ChangesReader,
  feedNotifier: FeedNotifier,
  query: { after: number; limit: number; wait: number },
  signal: AbortSignal,
): Promise<FeedEntry[]> {
  const deadline = Date.now() + query.wait * 1000;
  for (;;) {
    const version = feedNotifier.version;
    const changes = await readChanges(query.after, query.limit);
    const remaining = deadline - Date.now();
    if (changes.length > 0 || remaining <= 0 || signal.aborted || feedNotifier.isClosed) return changes;
    await feedNotifier.wait(Math.min(remaining, RECHECK_MS), version, signal);
    if (feedNotifier.version !== version) await delay(GATHER_MS, undefined, { signal }).catch(() => undefined);
  }
}
