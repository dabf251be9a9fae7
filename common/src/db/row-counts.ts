import { eq, type SQL, sql } from 'drizzle-orm';
import { bigint, type PgSchema, type PgTable, primaryKey, smallint, varchar } from 'drizzle-orm/pg-core';
import type { Db } from './database.js';
import { countRows, totalOf } from './pagination.js';

/**
 * How many rows a large list holds, kept by statement triggers on its table (each service's
 * `row_counts` migration), so the first page of a list without a filter does not count every row
 * for its total: 300,000 appointments took 56 ms a page (docs/performance.md). `counted` names
 * what is counted (`appointments`, `sales_live`). Spread over shards, one per connection (backend
 * pid mod 16), so concurrent writers never queue on one counter row; the count is their sum.
 */
export function rowCountsTable(schema: PgSchema) {
  return schema.table(
    'row_counts',
    {
      shard: smallint().notNull(),
      counted: varchar({ length: 40 }).notNull(),
      n: bigint({ mode: 'number' }).notNull(),
    },
    (t) => [primaryKey({ columns: [t.shard, t.counted] })],
  );
}

export type RowCounts = ReturnType<typeof rowCountsTable>;

/** The sum of the shards' counts: the count itself (0 before any row was counted). */
const shardSum = (counts: RowCounts) => sql<number>`coalesce(sum(${counts.n}), 0)`.mapWith(Number);

/** The kept count of `counted` as a sub-select: a list page's `total` column. */
export function keptCount(counts: RowCounts, counted: string): SQL<number> {
  return sql<number>`(select ${shardSum(counts)} from ${counts} where ${counts.counted} = ${counted})`.mapWith(Number);
}

/** The kept count of `counted` as a query of its own. */
function keptCountQuery(db: Db, counts: RowCounts, counted: string) {
  return db
    .select({ n: shardSum(counts) })
    .from(counts)
    .where(eq(counts.counted, counted));
}

/** The kept count of `counted`, prepared as `name`: for a page past the end, which has no row to carry it. */
export function prepareKeptCount(db: Db, counts: RowCounts, counted: string, name: string) {
  return keptCountQuery(db, counts, counted).prepare(name);
}

/** The kept count of `counted`, read once: the same, for a list whose statement is built per request. */
export async function countKept(db: Db, counts: RowCounts, counted: string): Promise<number> {
  const [row] = await keptCountQuery(db, counts, counted);
  return row?.n ?? 0;
}

/** A list whose whole total is kept: its table's `row_counts` and the name it is counted under. */
export interface KeptTotal {
  counts: RowCounts;
  counted: string;
}

/**
 * A list page's `total` column: the kept count when nothing filters the list and it is kept, else a
 * count of what `where` matches (a filter's matches are not kept).
 */
export function totalKeptOr(table: PgTable, where: SQL | undefined, kept: KeptTotal | undefined): SQL<number> {
  return where || !kept ? totalOf(table, where) : keptCount(kept.counts, kept.counted);
}

/** `totalKeptOr`, read on its own: for a page past the end, which has no row to carry it. */
export function countKeptOr(
  db: Db,
  table: PgTable,
  where: SQL | undefined,
  kept: KeptTotal | undefined,
): Promise<number> {
  return where || !kept ? countRows(db, table, where) : countKept(db, kept.counts, kept.counted);
}
