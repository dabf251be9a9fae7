import { type SQL, type SQLWrapper, sql } from 'drizzle-orm';

/** A string as an SQL literal, its quotes doubled. */
function literal(text: string): SQL {
  return sql.raw(`'${text.replaceAll("'", "''")}'`);
}

/** The text of a route's path before and after its one `:param` (`/api/automobiles/`, `/`). */
export function hrefParts(route: { readonly path: string }): { prefix: string; suffix: string } {
  const [prefix = '', suffix, ...more] = route.path.split(/:[A-Za-z_]+/);
  if (suffix === undefined || more.length > 0) throw new Error(`hrefSql(${route.path}): needs exactly one :param`);
  return { prefix, suffix };
}

/**
 * SQL for a route's path with its one `:param` taken from a column, the `href` of a record built by
 * Postgres: `'/api/automobiles/' || car.vin || '/'` for `inventoryRoutes.automobiles.get`. The text
 * around the parameter goes in as literals, not bind parameters, so the statement reads as written by
 * hand. Unlike `pathTo`, the value is not URI-encoded: for ids and VINs, which need none.
 */
export function hrefSql(route: { readonly path: string }, column: SQLWrapper): SQL<string> {
  const { prefix, suffix } = hrefParts(route);
  return sql<string>`${literal(prefix)} || ${column} || ${literal(suffix)}`;
}
