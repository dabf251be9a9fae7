import { centsToText } from '@carcar/common/contract/deal';
import type { AutomobileSort } from '@carcar/common/contract/inventory';
import type { AuditContext } from '@carcar/common/db/audit';
import type { Db } from '@carcar/common/db/database';
import { feedVersion } from '@carcar/common/db/feed-order';
import { containing } from '@carcar/common/db/like';
import type { Paged } from '@carcar/common/db/pagination';
import { prepareRows, queryRows } from '@carcar/common/db/statements';
import { asc, desc, eq, type Placeholder, type SQL, type SQLWrapper, sql } from 'drizzle-orm';
import { automobileChanges, automobileCounts, automobiles, manufacturers, vehicleModels } from '../db/schema.js';
import { prepareAutomobileWrite } from '../feed/record-changes.js';
import { automobileJson, automobileJsonOf, automobilesJoined } from '../json/automobile-json.js';
import type { StoredAutomobile } from '../json/present.js';
import type { AutomobileCreateInput, AutomobileUpdateInput, StockQuery } from './schemas.js';

/** Cents as the text a `numeric` parameter takes; null when not given or cleared. */
function moneyText(cents: number | null | undefined): string | null {
  return cents === null || cents === undefined ? null : centsToText(cents);
}

// The SQL of the automobile use cases. Each answers plain contract JSON, or undefined for no such car.

/**
 * The list's conditions. A search (`q`) is matched over the automobiles' own columns, so each
 * branch has an index and the planner ORs their bitmaps: the VIN's and color's trigram indexes,
 * and the model id's for `matchedModels`, the models whose name or maker's name matches, found
 * first (a few dozen rows): given as values, the planner knows how many cars they are.
 */
function listFilter(query: StockQuery, matchedModels: number[]): SQL {
  const conditions: SQL[] = [sql`true`];
  if (query.sold !== undefined) conditions.push(eq(automobiles.sold, query.sold));
  if (query.condition !== undefined) conditions.push(eq(automobiles.condition, query.condition));
  if (query.aged_over !== undefined) {
    // In stock more than N days: unsold, acquired on a UTC day before today − N (`days_in_stock` > N).
    conditions.push(
      sql`not ${automobiles.sold} and ${automobiles.acquiredAt} < ((${query.today}::date - ${query.aged_over}::int)::timestamp at time zone 'UTC')`,
    );
  }
  if (query.q) {
    const pattern = containing(query.q);
    conditions.push(
      sql`(${automobiles.vin} ilike ${pattern} or ${automobiles.color} ilike ${pattern} or ${automobiles.modelId} = any(${`{${matchedModels.join(',')}}`}::int[]))`,
    );
  }
  return sql.join(conditions, sql` and `);
}

/** How many cars are stored (sold or unsold only, if asked): the triggers' counters added up. */
function storedCount(sold: boolean | Placeholder | undefined): SQL<number> {
  const which = sold === undefined ? sql`` : sql`where ${automobileCounts.sold} = ${sold}`;
  return sql<number>`(select coalesce(sum(${automobileCounts.n}), 0) from ${automobileCounts} ${which})`;
}

/**
 * The order of `?sort=`, over the automobile columns of a query. Every order ends in a unique
 * column (the VIN or the id), so a page never repeats or skips a car, and each has an index to
 * read it from (the primary key, the VIN's unique index, `automobiles_year_id_idx`).
 */
function sortOrder(sort: AutomobileSort, car: { id: SQLWrapper; vin: SQLWrapper; year: SQLWrapper }): SQL[] {
  switch (sort) {
    case 'id':
      return [asc(car.id)];
    case '-id':
      return [desc(car.id)];
    case 'vin':
      return [asc(car.vin)];
    case 'year':
      return [asc(car.year), asc(car.id)];
    case '-year':
      return [desc(car.year), desc(car.id)];
  }
}

/** The statement name's part for a sort: none for the default, so the classic page keeps its name. */
const sortNames: Record<AutomobileSort, string> = {
  id: '',
  '-id': '_id_desc',
  vin: '_vin',
  year: '_year',
  '-year': '_year_desc',
};

/**
 * A page of the stock (`?limit=`, optionally `?sold=` and `?sort=`), the request staff make all
 * day: prepared, so Postgres plans it once per connection. The page's rows are read in the order
 * asked straight from an index and only they are joined and turned into JSON, whatever the offset
 * and stock size.
 */
function preparePage(db: Db, bySold: boolean, sort: AutomobileSort) {
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
        createdAt: automobiles.createdAt,
        condition: automobiles.condition,
        odometer: automobiles.odometer,
        listPrice: automobiles.listPrice,
        cost: automobiles.cost,
        acquiredAt: automobiles.acquiredAt,
      })
      .from(automobiles)
      .where(bySold ? eq(automobiles.sold, soldPlaceholder) : undefined)
      .orderBy(...sortOrder(sort, automobiles))
      .limit(sql.placeholder('limit'))
      .offset(sql.placeholder('offset')),
  );
  return db
    .with(page)
    .select({
      automobile: automobileJsonOf(page),
      total: storedCount(bySold ? soldPlaceholder : undefined).mapWith(Number),
    })
    .from(page)
    .innerJoin(vehicleModels, eq(vehicleModels.id, page.modelId))
    .innerJoin(manufacturers, eq(manufacturers.id, vehicleModels.manufacturerId))
    .orderBy(...sortOrder(sort, page))
    .prepare(`inventory_automobile_page${bySold ? '_by_sold' : ''}${sortNames[sort]}`);
}

/**
 * A new car as the create and the CSV import (./import.ts) write it: money as `numeric` text. A
 * type, not an interface: the prepared write's parameters must be a Record.
 */
export type NewAutomobileRow = {
  vin: string;
  color: string;
  year: number;
  modelId: number;
  /** The sales desk's optional columns; null takes the column's default (new, 0, none, none, now). */
  condition: string | null;
  odometer: number | null;
  listPrice: string | null;
  cost: string | null;
  acquiredAt: string | null;
};

export function automobileStatements(db: Db) {
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

  // One statement per (sold filter, sort) pair, prepared on first use: ten at most.
  const pages = new Map<string, ReturnType<typeof preparePage>>();
  function pageStatement(bySold: boolean, sort: AutomobileSort) {
    const key = `${bySold}${sort}`;
    let statement = pages.get(key);
    if (!statement) {
      statement = preparePage(db, bySold, sort);
      pages.set(key, statement);
    }
    return statement;
  }

  /** A page without a search: one prepared statement, the total from the maintained counters. */
  async function stockPage(query: StockQuery & { limit: number }): Promise<Paged<StoredAutomobile>> {
    const params = { limit: query.limit, offset: query.offset };
    const rows =
      query.sold === undefined
        ? await pageStatement(false, query.sort).execute(params)
        : await pageStatement(true, query.sort).execute({ ...params, sold: query.sold });
    const total = rows[0]?.total ?? (await countOf(storedCount(query.sold)));
    return { items: rows.map((row) => row.automobile), total };
  }

  /** The ids of the models whose name, or whose maker's name, contains `q`. */
  async function modelsNamed(q: string): Promise<number[]> {
    const pattern = containing(q);
    const rows = await db
      .select({ id: vehicleModels.id })
      .from(vehicleModels)
      .innerJoin(manufacturers, eq(manufacturers.id, vehicleModels.manufacturerId))
      .where(sql`${vehicleModels.name} ilike ${pattern} or ${manufacturers.name} ilike ${pattern}`);
    return rows.map((row) => row.id);
  }

  /** A search, or the whole list: built per request. */
  async function filteredList(query: StockQuery): Promise<Paged<StoredAutomobile>> {
    const where = listFilter(query, query.q ? await modelsNamed(query.q) : []);
    const limit = query.limit === undefined ? sql`` : sql`limit ${query.limit}`;
    // A search has to look at every car anyway, so it counts what it finds; otherwise the total
    // comes from the maintained counters, and a page costs its own rows only, at any stock size.
    const counted = query.q || query.condition !== undefined || query.aged_over !== undefined;
    const total = counted ? sql`count(*) over ()` : storedCount(query.sold);
    const order = sql.join(sortOrder(query.sort, automobiles), sql`, `);
    // The page is chosen first; the JSON is built only for the rows of the page.
    const rows = await queryRows<{ automobile: StoredAutomobile; total: string | number }>(
      db,
      sql`with page as (
            select ${automobiles.id} as id, ${total} as total
            from ${automobilesJoined} where ${where} order by ${order} ${limit} offset ${query.offset})
          select ${automobileJson} as automobile, page.total
          from page join ${automobilesJoined} on ${automobiles.id} = page.id order by ${order}`,
    );
    const first = rows[0];
    // A page past the end has no row to carry the total.
    const pastTheEnd = () =>
      countOf(counted ? sql`(select count(*) from ${automobilesJoined} where ${where})` : storedCount(query.sold));
    return { items: rows.map((row) => row.automobile), total: first ? Number(first.total) : await pastTheEnd() };
  }

  const placeholder = (name: string) => sql.placeholder(name);
  // Each write is one prepared statement with its feed entry. An update sets only the fields
  // given: a null parameter keeps the stored value.
  const insert = prepareAutomobileWrite<NewAutomobileRow>(
    db,
    'inventory_automobile_create',
    sql`insert into ${automobiles} (vin, color, year, model_id, condition, odometer, list_price, cost, acquired_at)
      select ${placeholder('vin')}::varchar, ${placeholder('color')}::varchar, ${placeholder('year')}::smallint,
        ${placeholder('modelId')}::integer, coalesce(${placeholder('condition')}::varchar, 'new'),
        coalesce(${placeholder('odometer')}::integer, 0), ${placeholder('listPrice')}::numeric,
        ${placeholder('cost')}::numeric, coalesce(${placeholder('acquiredAt')}::timestamptz, now())
      from audit`,
    'insert',
  );
  // The prices may be set to null (cleared), so each has a flag saying whether it was given.
  const update = prepareAutomobileWrite<{
    vin: string;
    color: string | null;
    year: number | null;
    sold: boolean | null;
    condition: string | null;
    odometer: number | null;
    setListPrice: boolean;
    listPrice: string | null;
    setCost: boolean;
    cost: string | null;
    acquiredAt: string | null;
  }>(
    db,
    'inventory_automobile_update',
    sql`update ${automobiles} set
        color = coalesce(${placeholder('color')}::varchar, color),
        year = coalesce(${placeholder('year')}::smallint, year),
        sold = coalesce(${placeholder('sold')}::boolean, sold),
        condition = coalesce(${placeholder('condition')}::varchar, condition),
        odometer = coalesce(${placeholder('odometer')}::integer, odometer),
        list_price = case when ${placeholder('setListPrice')}::boolean then ${placeholder('listPrice')}::numeric else list_price end,
        cost = case when ${placeholder('setCost')}::boolean then ${placeholder('cost')}::numeric else cost end,
        acquired_at = coalesce(${placeholder('acquiredAt')}::timestamptz, acquired_at)
      where ${automobiles.vin} = ${placeholder('vin')}`,
    'update',
  );
  const remove = prepareAutomobileWrite<{ vin: string }>(
    db,
    'inventory_automobile_delete',
    sql`delete from ${automobiles} where ${automobiles.vin} = ${placeholder('vin')}`,
    'delete',
  );

  // Every change to a car's JSON (its own fields, its model's or maker's name, its deletion) appends
  // to the feed, so the feed's version is a version of every automobile list.
  const feedHead = prepareRows<{ seq: string | number }, Record<string, never>>(
    db,
    'inventory_feed_version',
    feedVersion(automobileChanges),
  );

  return {
    /** The feed's version: it moves whenever any automobile list could answer differently. */
    async version(): Promise<string> {
      const [row] = await feedHead({});
      return String(row?.seq ?? 0);
    },

    list(query: StockQuery): Promise<Paged<StoredAutomobile>> {
      const { limit } = query;
      const plainPage = !query.q && query.condition === undefined && query.aged_over === undefined;
      return limit !== undefined && plainPage ? stockPage({ ...query, limit }) : filteredList(query);
    },

    async byVin(vin: string): Promise<StoredAutomobile | undefined> {
      const [row] = await byVin.execute({ vin });
      return row?.automobile;
    },

    insert(input: AutomobileCreateInput, audit: AuditContext): Promise<StoredAutomobile | undefined> {
      return insert(
        {
          vin: input.vin,
          color: input.color,
          year: input.year,
          modelId: input.model_id,
          condition: input.condition ?? null,
          odometer: input.odometer ?? null,
          listPrice: moneyText(input.list_price),
          cost: moneyText(input.cost),
          acquiredAt: input.acquired_at ?? null,
        },
        audit,
      );
    },

    update(vin: string, input: AutomobileUpdateInput, audit: AuditContext): Promise<StoredAutomobile | undefined> {
      return update(
        {
          vin,
          color: input.color ?? null,
          year: input.year ?? null,
          sold: input.sold ?? null,
          condition: input.condition ?? null,
          odometer: input.odometer ?? null,
          setListPrice: input.list_price !== undefined,
          listPrice: moneyText(input.list_price),
          setCost: input.cost !== undefined,
          cost: moneyText(input.cost),
          acquiredAt: input.acquired_at ?? null,
        },
        audit,
      );
    },

    delete(vin: string, audit: AuditContext): Promise<StoredAutomobile | undefined> {
      return remove({ vin }, audit);
    },
  };
}
