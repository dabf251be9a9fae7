import type { Db } from '@carcar/common/db/database';
import { prepareRows } from '@carcar/common/db/statements';
import { sql } from 'drizzle-orm';
import { catalogVersion } from './schema.js';

/**
 * The version of the manufacturer and model lists (their ETag, and how long their kept answers
 * hold): the count of writes to either table, which triggers keep in commit order (migration 0010).
 */
export function catalogVersionReader(db: Db): () => Promise<string> {
  const read = prepareRows<{ n: string | number }, Record<string, never>>(
    db,
    'inventory_catalog_version',
    sql`select ${catalogVersion.n} as n from ${catalogVersion} where ${catalogVersion.id} = 1`,
  );
  return async () => {
    const [row] = await read({});
    return String(row?.n ?? 0);
  };
}
