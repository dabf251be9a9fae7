import { count, type SQL, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import { z } from 'zod';
import type { Db } from './database.js';

export const MAX_PAGE_SIZE = 500;

/** `?limit=&offset=`: without `limit` a list returns every row, as classic clients expect. */
export const pageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).optional(),
  offset: z.coerce.number().int().min(0).max(1_000_000_000).default(0),
});

export type Page = z.output<typeof pageQuery>;

export interface Paged<T> {
  items: T[];
  total: number;
}

/**
 * A list's `total` as a column of its page query: the matching rows of the list's own table,
 * counted once by a sub-select (an index scan), so the page stays one statement. A window count
 * (`count(*) over ()`) would instead run the list's joins for every matching row, not just the page's.
 * `where` must name only `table`'s columns.
 */
export function totalOf(table: PgTable, where?: SQL): SQL<number> {
  return sql<number>`(select count(*) from ${table} ${where ? sql`where ${where}` : sql``})`.mapWith(Number);
}

/**
 * Runs a list query that selects `totalOf(...)` as `total`, limited when the page asks for it.
 * Only a page past the end, which has no row to carry the total, needs `countAll`.
 */
export async function fetchPage<R extends { total: number }>(
  query: PromiseLike<R[]> & { limit(limit: number): PromiseLike<R[]> },
  page: Page,
  countAll: () => Promise<number>,
): Promise<{ rows: R[]; total: number }> {
  const rows = page.limit === undefined ? await query : await query.limit(page.limit);
  return { rows, total: rows[0]?.total ?? (await countAll()) };
}

/** `select count(*)` of a table, for the page past the end where the window count has no row. */
export async function countRows(db: Db, table: PgTable, where?: SQL): Promise<number> {
  const [row] = await db.select({ n: count() }).from(table).where(where);
  return row?.n ?? 0;
}

/**
 * One page of a table's rows that `where` picks, in `order`, and how many it picks in all: the
 * list query `fetchPage` runs, for a list that answers its table's own rows.
 */
export async function pageOfTable<T extends PgTable>(
  db: Db,
  table: T,
  where: SQL | undefined,
  order: SQL[],
  page: Page,
): Promise<{ rows: T['$inferSelect'][]; total: number }> {
  const { rows, total } = await fetchPage(
    db
      .select({ row: table as PgTable, total: totalOf(table, where) })
      .from(table as PgTable)
      .where(where)
      .orderBy(...order)
      .offset(page.offset)
      .$dynamic(),
    page,
    () => countRows(db, table, where),
  );
  // TypeScript cannot follow a generic table through the select; the row is the table's own.
  return { rows: rows.map(({ row }) => row as T['$inferSelect']), total };
}
