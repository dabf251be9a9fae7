import { type SQL, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Db } from './database.js';

// A feed a poller follows by "everything after the last place I read" must be numbered in commit
// order: a reader that has passed 12 must never meet an 11 that committed later. Writers append
// with a `seq` drawn in their own transaction (insertion order, not commit order) and no place;
// whoever reads the feed first gives the committed rows without a place the next places, oldest
// `seq` first, one reader at a time. Nothing uncommitted is visible to the reader, so nothing can
// be numbered ahead of it, and writers never wait for one another. (The earlier design drew the
// place at commit under a lock, which made every write wait for the one before it to reach disk.)
// Used by the webhook events of every service (../events/feed.ts) and inventory's automobile feed.

/** How many rows one read numbers at most; the rest wait for the next read. */
const NUMBER_AT_ONCE = 5000;

/**
 * The numbering step for a table with `seq` (drawn on insert) and `feed_seq` (null until numbered),
 * with a unique index on `feed_seq` and a partial index on `seq` where `feed_seq is null`.
 * `lockName` names the feed's advisory lock, held to the numbering's commit, so places are given in
 * commit order and a later reader's are all after an earlier one's.
 */
export function feedNumbering(db: Db, table: PgTable, lockName: string): () => Promise<void> {
  return () =>
    db.transaction(async (tx) => {
      await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${lockName}))`);
      await tx.execute(sql`update ${table} e set feed_seq = fresh.base + fresh.n
        from (select seq, row_number() over (order by seq) as n,
                (select coalesce(max(feed_seq), 0) from ${table}) as base
              from ${table} where feed_seq is null order by seq limit ${NUMBER_AT_ONCE}) fresh
        where e.seq = fresh.seq`);
    });
}

/**
 * A number that grows with every committed row and with nothing else: the last place given plus
 * the committed rows still waiting for one. Numbering moves rows from the second term to the first
 * and leaves the sum as it was, so it is a version of the feed's content (an ETag), read without
 * the lock and without numbering anything.
 */
export function feedVersion(table: PgTable): SQL {
  return sql`select (select coalesce(max(feed_seq), 0) from ${table})
    + (select count(*) from ${table} where feed_seq is null) as seq`;
}
