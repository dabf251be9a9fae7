import { type Db, queryRows } from '@carcar/common/database';
import {
  conflict,
  invalidField,
  notFound,
  PG_FOREIGN_KEY_VIOLATION,
  PG_UNIQUE_VIOLATION,
  pgErrorCode,
} from '@carcar/common/errors';
import type { Paged } from '@carcar/common/pagination';
import { eq, type SQL, sql } from 'drizzle-orm';
import { automobileCounts, automobiles } from '../db/schema.js';
import { automobileJson, automobilesJoined, type ChangeNotifier, recordChanges } from './changes.js';
import type { AutomobileCreateInput, AutomobileJson, AutomobileListQuery, AutomobileUpdateInput } from './schemas.js';

/** `%` and `_` in a search are letters to the user, not wildcards. */
function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

function listFilter(query: AutomobileListQuery): SQL {
  const conditions: SQL[] = [sql`true`];
  if (query.sold !== undefined) conditions.push(sql`a.sold = ${query.sold}`);
  if (query.q) {
    const pattern = likePattern(query.q);
    conditions.push(
      sql`(a.vin ilike ${pattern} or a.color ilike ${pattern} or m.name ilike ${pattern} or mf.name ilike ${pattern})`,
    );
  }
  return sql.join(conditions, sql` and `);
}

/** How many cars are stored (sold or unsold only, if asked): the triggers' counters added up. */
function storedCount(sold: boolean | undefined): SQL {
  const which = sold === undefined ? sql`` : sql`where ${automobileCounts.sold} = ${sold}`;
  return sql`(select coalesce(sum(${automobileCounts.n}), 0) from ${automobileCounts} ${which})`;
}

export function automobilesRepository(db: Db, notifier: ChangeNotifier) {
  async function find(executor: Db, vin: string): Promise<AutomobileJson | undefined> {
    const [row] = await queryRows<{ automobile: AutomobileJson }>(
      executor,
      sql`select ${automobileJson} as automobile from ${automobilesJoined} where a.vin = ${vin}`,
    );
    return row?.automobile;
  }

  async function get(vin: string): Promise<AutomobileJson> {
    const automobile = await find(db, vin);
    if (!automobile) throw notFound();
    return automobile;
  }

  /** Runs a write and its feed entry in one transaction, then wakes the feed's readers. */
  async function write<T>(work: (tx: Db) => Promise<T>): Promise<T> {
    const result = await db.transaction((tx) => work(tx));
    notifier.notify();
    return result;
  }

  return {
    async list(query: AutomobileListQuery): Promise<Paged<AutomobileJson>> {
      const where = listFilter(query);
      const limit = query.limit === undefined ? sql`` : sql`limit ${query.limit}`;
      // A search has to look at every car anyway, so it counts what it finds; otherwise the total
      // comes from the maintained counters, and a page costs its own rows only, at any stock size.
      const total = query.q ? sql`count(*) over ()` : storedCount(query.sold);
      // The page is chosen first; the JSON is built only for the rows of the page.
      const rows = await queryRows<{ automobile: AutomobileJson; total: string | number }>(
        db,
        sql`with page as (
              select a.id, ${total} as total
              from ${automobilesJoined} where ${where} order by a.id ${limit} offset ${query.offset})
            select ${automobileJson} as automobile, page.total
            from page join ${automobilesJoined} on a.id = page.id order by a.id`,
      );
      const first = rows[0];
      const pastTheEnd = async () =>
        Number(
          (
            await queryRows<{ n: string }>(
              db,
              query.q
                ? sql`select count(*) as n from ${automobilesJoined} where ${where}`
                : sql`select ${storedCount(query.sold)} as n`,
            )
          )[0]?.n ?? 0,
        );
      return { items: rows.map((row) => row.automobile), total: first ? Number(first.total) : await pastTheEnd() };
    },

    get,

    create(input: AutomobileCreateInput): Promise<AutomobileJson> {
      return write(async (tx) => {
        await tx
          .insert(automobiles)
          .values({ vin: input.vin, color: input.color, year: input.year, modelId: input.model_id })
          .catch((error: unknown) => {
            const code = pgErrorCode(error);
            if (code === PG_UNIQUE_VIOLATION) {
              throw conflict(`An automobile with VIN ${input.vin} already exists`, {
                errors: [{ path: 'vin', message: 'already exists' }],
              });
            }
            if (code === PG_FOREIGN_KEY_VIOLATION) throw invalidField('model_id', 'no vehicle model has this id');
            throw error;
          });
        await recordChanges(tx, sql`a.vin = ${input.vin}`);
        return (await find(tx, input.vin)) ?? Promise.reject(new Error('inserted automobile not found'));
      });
    },

    async update(vin: string, input: AutomobileUpdateInput): Promise<AutomobileJson> {
      const patch = {
        ...(input.color !== undefined ? { color: input.color } : {}),
        ...(input.year !== undefined ? { year: input.year } : {}),
        ...(input.sold !== undefined ? { sold: input.sold } : {}),
      };
      if (Object.keys(patch).length === 0) return get(vin);
      return write(async (tx) => {
        const updated = await tx
          .update(automobiles)
          .set(patch)
          .where(eq(automobiles.vin, vin))
          .returning({ id: automobiles.id });
        if (updated.length === 0) throw notFound();
        await recordChanges(tx, sql`a.vin = ${vin}`);
        return (await find(tx, vin)) ?? Promise.reject(new Error('updated automobile not found'));
      });
    },

    delete(vin: string): Promise<AutomobileJson> {
      return write(async (tx) => {
        const automobile = await find(tx, vin);
        if (!automobile) throw notFound();
        // The feed entry needs the joined JSON, so it is written before the row goes.
        await recordChanges(tx, sql`a.vin = ${vin}`, true);
        await tx.delete(automobiles).where(eq(automobiles.vin, vin));
        return automobile;
      });
    },
  };
}
