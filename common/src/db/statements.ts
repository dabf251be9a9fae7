import { createHash } from 'node:crypto';
import { type SQL, sql } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import type { Db } from './database.js';

/** Runs raw SQL and returns its rows; both drivers answer with `{ rows }`. */
export async function queryRows<T>(db: Db, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

const dialect = new PgDialect();

/**
 * The one place CarCar reaches into Drizzle's internals (`db._.session.prepareQuery`): Drizzle's
 * public `.prepare(name)` exists only on its query builders, not on raw `sql`. Kept here alone so
 * a Drizzle upgrade that changes it breaks one function, and `common/test/statements.test.ts`.
 */
function prepareNamed(
  db: Db,
  name: string,
  query: SQL,
): { execute(params: Record<string, unknown>): Promise<unknown> } {
  return db._.session.prepareQuery(dialect.sqlToQuery(query), undefined, name, false);
}

/**
 * Raw SQL with `sql.placeholder(...)`s, built into text once and run many times: the hot paths'
 * statements. Drizzle does not rebuild the query on each call, and on a Postgres server it is a
 * named statement, parsed and planned once per connection. `name` must be unique to this text.
 */
export function prepareRows<T, P extends Record<string, unknown>>(
  db: Db,
  name: string,
  query: SQL,
): (params: P) => Promise<T[]> {
  const prepared = prepareNamed(db, name, query);
  return async (params) => ((await prepared.execute(params)) as { rows: T[] }).rows;
}

/** Postgres keeps the first 63 bytes of a statement's name; `_count` and the like are appended to it. */
const MAX_STATEMENT_NAME = 56;

/**
 * A name Postgres keeps whole: a longer one would be cut to 63 bytes, and two statements whose
 * names differ only past the cut would collide ("prepared statement already exists"). A long name
 * keeps its start, for reading logs, and ends with a hash of the whole.
 */
export function statementName(name: string): string {
  if (name.length <= MAX_STATEMENT_NAME) return name;
  const hash = createHash('sha256').update(name).digest('hex').slice(0, 12);
  return `${name.slice(0, MAX_STATEMENT_NAME - 13)}_${hash}`;
}

/** Which of a list's optional filters a request uses: one flag per filter. */
export type FiltersPresent<F extends string> = Readonly<Record<F, boolean>>;

/**
 * Prepared statements for a list whose text varies with the filters a request uses. `filters`
 * describes each optional part once: whether a query has it. The same flags name the statement
 * (`<prefix>_<filter>_<filter>...`) and are handed to `build`, so the name and the text cannot
 * drift apart. Each combination is built on first use and kept.
 */
export function statementsByFilters<Q, F extends string, S>(
  prefix: string,
  filters: Record<F, (query: Q) => boolean>,
  build: (name: string, present: FiltersPresent<F>) => S,
): (query: Q) => S {
  const names = Object.keys(filters) as F[];
  const built = new Map<string, S>();
  return (query) => {
    const present = Object.fromEntries(names.map((name) => [name, filters[name](query)])) as Record<F, boolean>;
    const name = statementName([prefix, ...names.filter((filter) => present[filter])].join('_'));
    let statement = built.get(name);
    if (statement === undefined) {
      statement = build(name, present);
      built.set(name, statement);
    }
    return statement;
  };
}

/** A list's two prepared statements: its page (each row carrying `total`) and its plain count. */
export interface PreparedList<R extends { total: number }> {
  rows: { execute(params: Record<string, unknown>): Promise<R[]> };
  total: { execute(params: Record<string, unknown>): Promise<Array<{ n: number }>> };
}

/** One page of a list and how many rows match in all; only a page past the end, with no row to carry the total, runs the count. */
export async function executePage<R extends { total: number }>(
  list: PreparedList<R>,
  params: Record<string, unknown>,
): Promise<{ rows: R[]; total: number }> {
  const rows = await list.rows.execute(params);
  return { rows, total: rows[0]?.total ?? (await list.total.execute(params))[0]?.n ?? 0 };
}

/**
 * Planner settings, local to a transaction, that leave only index walks: no sequential or bitmap
 * scan, sort, hash or merge join, materialisation or hash aggregate. For statements over a table
 * that is often empty and sometimes holds a large backlog (the sales outbox): a named statement
 * keeps the plan it was given when the table was empty, and nothing re-plans it until the table is
 * analysed (never, without autovacuum), so a plan that scans the table would then cost the whole
 * backlog on every call. Only for statements that an index serves in every case.
 */
const INDEX_WALKS_ONLY = sql`select set_config('enable_seqscan', 'off', true), set_config('enable_bitmapscan', 'off', true),
  set_config('enable_sort', 'off', true), set_config('enable_hashjoin', 'off', true),
  set_config('enable_mergejoin', 'off', true), set_config('enable_material', 'off', true),
  set_config('enable_hashagg', 'off', true)`;

/**
 * Runs `work` in a transaction whose statements are planned (and, prepared, kept) as index walks
 * only (`INDEX_WALKS_ONLY`): the plan is the same on an empty table and on a large one.
 */
export function onIndexWalks<T>(db: Db, work: (tx: Db) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    await tx.execute(INDEX_WALKS_ONLY);
    return work(tx);
  });
}
