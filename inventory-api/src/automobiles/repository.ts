import type { Db } from '@carcar/common/db/database';
import { PG_FOREIGN_KEY_VIOLATION, PG_UNIQUE_VIOLATION, pgErrorCode } from '@carcar/common/db/pg-errors';
import { queryRows } from '@carcar/common/db/statements';
import { conflict, invalidField, notFound } from '@carcar/common/http/errors';
import type { Paged } from '@carcar/common/http/list';
import { asc, eq, type SQL, sql } from 'drizzle-orm';
import { automobileCounts, automobiles, manufacturers, vehicleModels } from '../db/schema.js';
import {
  automobileJson,
  automobileJsonOf,
  automobilesJoined,
  type ChangeNotifier,
  prepareAutomobileWrite,
} from './changes.js';
import type { AutomobileCreateInput, AutomobileJson, AutomobileListQuery, AutomobileUpdateInput } from './schemas.js';

/** `%` and `_` in a search are letters to the user, not wildcards. */
function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

function listFilter(query: AutomobileListQuery): SQL {
  const conditions: SQL[] = [sql`true`];
  if (query.sold !== undefined) conditions.push(eq(automobiles.sold, query.sold));
  if (query.q) {
    const pattern = likePattern(query.q);
    conditions.push(
      sql`(${automobiles.vin} ilike ${pattern} or ${automobiles.color} ilike ${pattern} or ${vehicleModels.name} ilike ${pattern} or ${manufacturers.name} ilike ${pattern})`,
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
  /** The value of a parenthesised count sub-select. */
  async function countOf(count: SQL): Promise<number> {
    const [row] = await queryRows<{ n: string | number }>(db, sql`select ${count} as n`);
    return Number(row?.n ?? 0);
  }

  // Named: Postgres plans the three-table join once per connection, not on every read.
  const byVin = db
    .select({ automobile: automobileJson })
    .from(automobiles)
    .innerJoin(vehicleModels, eq(vehicleModels.id, automobiles.modelId))
    .innerJoin(manufacturers, eq(manufacturers.id, vehicleModels.manufacturerId))
    .where(eq(automobiles.vin, sql.placeholder('vin')))
    .prepare('inventory_automobile_by_vin');

  async function get(vin: string): Promise<AutomobileJson> {
    const [row] = await byVin.execute({ vin });
    if (!row) throw notFound();
    return row.automobile;
  }

  const placeholder = (name: string) => sql.placeholder(name);
  // Each write is one prepared statement with its feed entry. An update sets only the fields
  // given: a null parameter keeps the stored value.
  const writes = {
    create: prepareAutomobileWrite<{ vin: string; color: string; year: number; modelId: number }>(
      db,
      'inventory_automobile_create',
      sql`insert into ${automobiles} (vin, color, year, model_id)
        values (${placeholder('vin')}, ${placeholder('color')}, ${placeholder('year')}, ${placeholder('modelId')})`,
    ),
    update: prepareAutomobileWrite<{ vin: string; color: string | null; year: number | null; sold: boolean | null }>(
      db,
      'inventory_automobile_update',
      sql`update ${automobiles} set
          color = coalesce(${placeholder('color')}::varchar, color),
          year = coalesce(${placeholder('year')}::smallint, year),
          sold = coalesce(${placeholder('sold')}::boolean, sold)
        where ${automobiles.vin} = ${placeholder('vin')}`,
    ),
    delete: prepareAutomobileWrite<{ vin: string }>(
      db,
      'inventory_automobile_delete',
      sql`delete from ${automobiles} where ${automobiles.vin} = ${placeholder('vin')}`,
      true,
    ),
  };

  /** Runs one automobile write, then wakes the feed's readers. */
  async function write(written: Promise<AutomobileJson | undefined>): Promise<AutomobileJson> {
    const automobile = await written;
    if (!automobile) throw notFound();
    notifier.notify();
    return automobile;
  }

  /**
   * A page of the stock (`?limit=`, optionally `?sold=`), the request staff make all day: prepared,
   * so Postgres plans it once per connection. The page's rows are read in id order straight from the
   * primary key and only they are joined and turned into JSON, whatever the offset and stock size.
   */
  function preparePage(bySold: boolean) {
    const soldPlaceholder = sql.placeholder('sold');
    const page = db.$with('page').as(
      db
        .select({
          id: automobiles.id,
          vin: automobiles.vin,
          color: automobiles.color,
          year: automobiles.year,
          sold: automobiles.sold,
          modelId: automobiles.modelId,
        })
        .from(automobiles)
        .where(bySold ? eq(automobiles.sold, soldPlaceholder) : undefined)
        .orderBy(asc(automobiles.id))
        .limit(sql.placeholder('limit'))
        .offset(sql.placeholder('offset')),
    );
    const counted = bySold ? sql`where ${automobileCounts.sold} = ${soldPlaceholder}` : sql``;
    return db
      .with(page)
      .select({
        automobile: automobileJsonOf(page),
        total:
          sql<number>`(select coalesce(sum(${automobileCounts.n}), 0) from ${automobileCounts} ${counted})`.mapWith(
            Number,
          ),
      })
      .from(page)
      .innerJoin(vehicleModels, eq(vehicleModels.id, page.modelId))
      .innerJoin(manufacturers, eq(manufacturers.id, vehicleModels.manufacturerId))
      .orderBy(asc(page.id))
      .prepare(bySold ? 'inventory_automobile_page_by_sold' : 'inventory_automobile_page');
  }
  const pages = { all: preparePage(false), bySold: preparePage(true) };

  return {
    async list(query: AutomobileListQuery): Promise<Paged<AutomobileJson>> {
      if (query.limit !== undefined && !query.q) {
        const params = { limit: query.limit, offset: query.offset };
        const rows =
          query.sold === undefined
            ? await pages.all.execute(params)
            : await pages.bySold.execute({ ...params, sold: query.sold });
        const total = rows[0]?.total ?? (await countOf(storedCount(query.sold)));
        return { items: rows.map((row) => row.automobile), total };
      }
      const where = listFilter(query);
      const limit = query.limit === undefined ? sql`` : sql`limit ${query.limit}`;
      // A search has to look at every car anyway, so it counts what it finds; otherwise the total
      // comes from the maintained counters, and a page costs its own rows only, at any stock size.
      const total = query.q ? sql`count(*) over ()` : storedCount(query.sold);
      // The page is chosen first; the JSON is built only for the rows of the page.
      const rows = await queryRows<{ automobile: AutomobileJson; total: string | number }>(
        db,
        sql`with page as (
              select ${automobiles.id} as id, ${total} as total
              from ${automobilesJoined} where ${where} order by ${automobiles.id} ${limit} offset ${query.offset})
            select ${automobileJson} as automobile, page.total
            from page join ${automobilesJoined} on ${automobiles.id} = page.id order by ${automobiles.id}`,
      );
      const first = rows[0];
      // A page past the end has no row to carry the total.
      const pastTheEnd = () =>
        countOf(query.q ? sql`(select count(*) from ${automobilesJoined} where ${where})` : storedCount(query.sold));
      return { items: rows.map((row) => row.automobile), total: first ? Number(first.total) : await pastTheEnd() };
    },

    get,

    create(input: AutomobileCreateInput): Promise<AutomobileJson> {
      const created = writes.create({ vin: input.vin, color: input.color, year: input.year, modelId: input.model_id });
      return write(created).catch((error: unknown) => {
        const code = pgErrorCode(error);
        if (code === PG_UNIQUE_VIOLATION) {
          throw conflict(`An automobile with VIN ${input.vin} already exists`, {
            errors: [{ path: 'vin', message: 'already exists' }],
          });
        }
        if (code === PG_FOREIGN_KEY_VIOLATION) throw invalidField('model_id', 'no vehicle model has this id');
        throw error;
      });
    },

    async update(vin: string, input: AutomobileUpdateInput): Promise<AutomobileJson> {
      const { color = null, year = null, sold = null } = input;
      if (color === null && year === null && sold === null) return get(vin);
      return write(writes.update({ vin, color, year, sold }));
    },

    delete(vin: string): Promise<AutomobileJson> {
      return write(writes.delete({ vin }));
    },
  };
}
