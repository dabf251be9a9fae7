import { setTimeout as delay } from 'node:timers/promises';
import type { FeedChange } from '@carcar/common/contract/feed';
import type { Db } from '@carcar/common/db/database';
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

export function changesReader(db: Db): ChangesReader {
  const read = prepareRows<
    { seq: string | number; deleted: boolean; automobile: StoredAutomobile },
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
