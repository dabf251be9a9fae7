import type { SQL } from 'drizzle-orm';
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
    const name = [prefix, ...names.filter((filter) => present[filter])].join('_');
    let statement = built.get(name);
    if (statement === undefined) {
      statement = build(name, present);
      built.set(name, statement);
    }
    return statement;
  };
}

/**
 * Prepared statements for a query whose text varies with its input (which filters a list has):
 * each combination is built once, on first use, and named `<prefix>_<a 0 or 1 per part>`.
 * @deprecated use statementsByFilters, whose one description both names and builds the statement.
 */
export class StatementsByShape<S> {
  private readonly built = new Map<string, S>();

  constructor(private readonly prefix: string) {}

  /** `parts`: each optional part of the query, truthy when `build` puts it in the text. */
  get(parts: unknown[], build: (name: string) => S): S {
    const name = `${this.prefix}_${parts.map((part) => (part ? '1' : '0')).join('')}`;
    let statement = this.built.get(name);
    if (statement === undefined) {
      statement = build(name);
      this.built.set(name, statement);
    }
    return statement;
  }
}
