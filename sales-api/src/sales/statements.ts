import type { DealCents } from '@carcar/common/contract/deal';
import type { SaleInput, TradeIn } from '@carcar/common/contract/sales';
import {
  type AuditContext,
  auditCreated,
  auditCte,
  auditInlineCte,
  type RequestContext,
} from '@carcar/common/db/audit';
import type { Db } from '@carcar/common/db/database';
import { containing } from '@carcar/common/db/like';
import { totalOf } from '@carcar/common/db/pagination';
import { keptCount, prepareKeptCount } from '@carcar/common/db/row-counts';
import { executePage, type FiltersPresent, prepareRows, statementsByFilters } from '@carcar/common/db/statements';
import { type AnyColumn, and, asc, count, desc, eq, isNull, type SQL, type SQLWrapper, sql } from 'drizzle-orm';
import {
  auditLog,
  automobileCosts,
  automobileVOs,
  customers,
  rowCounts,
  salespeople,
  salesRecords,
} from '../db/schema.js';
import { enqueueSoldUpdate, enqueueTradeIn, enqueueTradeInRemoval } from '../outbox/enqueue.js';
import type { SaleListQuery } from './schemas.js';

/** The request's trace, kept with the outbox rows a write queues. */
type RequestTrace = Pick<RequestContext, 'traceId' | 'spanId'>;

// The SQL of the sales use cases, each statement prepared once: named on a Postgres server, so it
// is parsed and planned once per connection.

/** A sale with its car, salesperson and customer, as every read selects it. */
export interface SaleRow {
  sale: {
    id: number;
    price: string;
    createdAt: Date;
    voidedAt: Date | null;
    voidReason: string | null;
    tradeIn: unknown;
    fees: unknown;
    deal: unknown;
  };
  /** What the car cost the dealership, from inventory's feed; null while unknown. */
  cost: string | null;
  automobile: { vin: string; sold: boolean };
  salesperson: typeof salespeople.$inferSelect;
  customer: typeof customers.$inferSelect;
}

/** What a sale stores besides the classic fields: the deal as sent and as computed. */
export interface SaleDesk {
  tradeIn: TradeIn | null;
  /** The trade-in as inventory's trade-in route takes it (allowance as dollars text), less the sale id. */
  tradeInArrival: Record<string, unknown> | null;
  fees: { name: string; amount: number }[];
  deal: DealCents;
}

/** What the checks before a sale found; null where nothing has that VIN or id. */
export interface SaleParties {
  car: { sold: boolean } | null;
  salesperson: typeof salespeople.$inferSelect | null;
  customer: typeof customers.$inferSelect | null;
  /** The trade-in's VIN is in stock unsold here, or another live deal's trade-in still on its way. */
  tradeInTaken: boolean;
}

/**
 * Whether `vin` cannot be taken in trade now: in stock and unsold in the copy, or the trade-in of a
 * live sale still on its way to inventory (not yet sold again). False for a null VIN.
 */
function tradeInTakenSql(vin: SQL): SQL {
  return sql`(exists (select from ${automobileVOs} where vin = ${vin} and in_inventory and not sold)
    or exists (select from ${salesRecords} s where s.trade_in_vin = ${vin} and s.voided_at is null
      and not exists (select from ${automobileVOs} v where v.vin = s.trade_in_vin and v.sold)))`;
}

const placeholder = (name: string) => sql.placeholder(name);
const isLive = isNull(salesRecords.voidedAt);

/**
 * `?q=`: the VIN, or the salesperson's or customer's full name, contains the text (any case).
 * Written over the sales table's own columns (names through `in (...)`), so the total counts it.
 * Not `= any(array(...))`, which would let trigram and id indexes serve each branch: a short text
 * matches most of the customers, and a sequential scan (every `include_voided` search: the id
 * indexes hold live sales only) tests each sale against that whole array, one by one, where
 * `in (...)` looks each up in a hash.
 */
function searchCondition(): SQL {
  const pattern = placeholder('q');
  const nameMatches = (table: typeof salespeople | typeof customers) =>
    sql`select ${table.id} from ${table} where (${table.firstName} || ' ' || ${table.lastName}) ilike ${pattern}`;
  return sql`(${salesRecords.automobileVin} ilike ${pattern}
    or ${salesRecords.salespersonId} in (${nameMatches(salespeople)})
    or ${salesRecords.customerId} in (${nameMatches(customers)}))`;
}

const saleColumns = {
  id: salesRecords.id,
  price: salesRecords.price,
  createdAt: salesRecords.createdAt,
  voidedAt: salesRecords.voidedAt,
  voidReason: salesRecords.voidReason,
  tradeIn: salesRecords.tradeIn,
  fees: salesRecords.fees,
  deal: salesRecords.deal,
};

type ListFilter = 'salesperson' | 'customer' | 'vin' | 'q' | 'voided' | 'price' | 'desc' | 'limit';

export function salesStatements(db: Db) {
  /** One sale by id: the live one, or (`withVoided`) whichever it is. */
  function prepareById(withVoided: boolean) {
    const id = eq(salesRecords.id, placeholder('id'));
    return db
      .select({
        sale: saleColumns,
        cost: automobileCosts.cost,
        automobile: { vin: automobileVOs.vin, sold: automobileVOs.sold },
        salesperson: salespeople,
        customer: customers,
      })
      .from(salesRecords)
      .innerJoin(automobileVOs, eq(automobileVOs.vin, salesRecords.automobileVin))
      .leftJoin(automobileCosts, eq(automobileCosts.vin, salesRecords.automobileVin))
      .innerJoin(salespeople, eq(salespeople.id, salesRecords.salespersonId))
      .innerJoin(customers, eq(customers.id, salesRecords.customerId))
      .where(withVoided ? id : and(isLive, id))
      .prepare(withVoided ? 'sales_sale_by_id_with_voided' : 'sales_sale_by_id');
  }
  const byId = { live: prepareById(false), any: prepareById(true) };

  /**
   * A list statement with the filters and order a request has, their values left as placeholders.
   * The page's sales are chosen first, in the order asked from a sales index where one fits
   * (id; salesperson, customer or VIN then id; price then id), and only they are joined: a page
   * costs its own rows, however many sales match. Every order ends in id, so pages never overlap.
   */
  function prepareList(name: string, present: FiltersPresent<ListFilter>) {
    const where = and(
      present.voided ? undefined : isLive,
      present.salesperson ? eq(salesRecords.salespersonId, placeholder('salesperson')) : undefined,
      present.customer ? eq(salesRecords.customerId, placeholder('customer')) : undefined,
      present.vin ? eq(salesRecords.automobileVin, placeholder('vin')) : undefined,
      present.q ? searchCondition() : undefined,
    );
    // The whole list's total (the live sales, or every sale) is the kept count
    // (common/src/db/row-counts.ts), not a count of every sale on each page.
    const unfiltered = !present.salesperson && !present.customer && !present.vin && !present.q;
    const counted = present.voided ? 'sales' : 'sales_live';
    const direction = present.desc ? desc : asc;
    const orderOf = (columns: { id: AnyColumn | SQLWrapper; price: AnyColumn | SQLWrapper }) =>
      present.price ? [direction(columns.price), direction(columns.id)] : [direction(columns.id)];
    const chosen = db
      .select({
        ...saleColumns,
        automobileVin: salesRecords.automobileVin,
        salespersonId: salesRecords.salespersonId,
        customerId: salesRecords.customerId,
      })
      .from(salesRecords)
      .where(where)
      .orderBy(...orderOf(salesRecords))
      .offset(placeholder('offset'))
      .$dynamic();
    const page = db.$with('page').as(present.limit ? chosen.limit(placeholder('limit')) : chosen);
    const rows = db
      .with(page)
      .select({
        sale: {
          id: page.id,
          price: page.price,
          createdAt: page.createdAt,
          voidedAt: page.voidedAt,
          voidReason: page.voidReason,
          tradeIn: page.tradeIn,
          fees: page.fees,
          deal: page.deal,
        },
        cost: automobileCosts.cost,
        automobile: { vin: automobileVOs.vin, sold: automobileVOs.sold },
        salesperson: salespeople,
        customer: customers,
        total: unfiltered ? keptCount(rowCounts, counted) : totalOf(salesRecords, where),
      })
      .from(page)
      .innerJoin(automobileVOs, eq(automobileVOs.vin, page.automobileVin))
      .leftJoin(automobileCosts, eq(automobileCosts.vin, page.automobileVin))
      .innerJoin(salespeople, eq(salespeople.id, page.salespersonId))
      .innerJoin(customers, eq(customers.id, page.customerId))
      .orderBy(...orderOf(page))
      .prepare(name);
    const total = unfiltered
      ? prepareKeptCount(db, rowCounts, counted, `${name}_count`)
      : db.select({ n: count() }).from(salesRecords).where(where).prepare(`${name}_count`);
    return { rows, total };
  }
  // Postgres keeps 63 characters of a statement's name: with every flag and `_count` this prefix
  // makes 62, so no two combinations can share a truncated name.
  const listFor = statementsByFilters(
    'sales',
    {
      salesperson: (query: SaleListQuery) => query.salesperson !== undefined,
      customer: (query) => query.customer !== undefined,
      vin: (query) => query.vin !== undefined,
      q: (query) => query.q !== undefined,
      voided: (query) => query.include_voided,
      price: (query) => query.sort === 'price' || query.sort === '-price',
      desc: (query) => query.sort.startsWith('-'),
      limit: (query) => query.limit !== undefined,
    },
    prepareList,
  );

  // A sale is two statements, no transaction held open between them: these checks, then the writes.
  const parties = db
    .select({
      car: { sold: automobileVOs.sold },
      salesperson: salespeople,
      customer: customers,
      tradeInTaken: sql<boolean>`${tradeInTakenSql(sql`${placeholder('tradeInVin')}::varchar`)}`,
    })
    .from(sql`(select 1) as one`)
    .leftJoin(automobileVOs, and(eq(automobileVOs.vin, placeholder('automobile')), eq(automobileVOs.inInventory, true)))
    .leftJoin(salespeople, eq(salespeople.id, placeholder('salesperson')))
    .leftJoin(customers, eq(customers.id, placeholder('customer')))
    .prepare('sales_sale_create_checks');

  /**
   * The sale, the car marked sold here and the outbox row for inventory, in one statement: all or
   * nothing. Its update of the car (`where not sold`) is what makes one of two concurrent sales of
   * a car win; the loser gets no row.
   */
  const record = prepareRows<
    { id: number; price: string; created_at: string | Date; cost: string | null },
    {
      automobile: string;
      price: string;
      salesperson: number;
      customer: number;
      tradeIn: string | null;
      tradeInVin: string | null;
      tradeInPayload: string | null;
      fees: string | null;
      deal: string;
      audit: string;
      traceId: string | null;
      spanId: string | null;
    }
  >(
    db,
    'sales_sale_create',
    // The sale writes its own audit entry (the trigger is told to stay out: the sale is selected
    // from `audit`, so that is set before the insert).
    sql`with ${auditInlineCte('sales')},
      car as (
        update ${automobileVOs} set sold = true
        where ${automobileVOs.vin} = ${placeholder('automobile')} and ${automobileVOs.inInventory} and not ${automobileVOs.sold}
        returning vin),
      sale as (
        insert into ${salesRecords} (price, automobile_vin, salesperson_id, customer_id, trade_in, trade_in_vin, fees, deal)
        select ${placeholder('price')}, vin, ${placeholder('salesperson')}, ${placeholder('customer')},
          ${placeholder('tradeIn')}::jsonb, ${placeholder('tradeInVin')}::varchar, ${placeholder('fees')}::jsonb,
          ${placeholder('deal')}::jsonb
        from car cross join audit
        returning *),
      ${auditCreated({ log: auditLog, entity: 'sale', table: salesRecords, rows: 'sale', vinColumn: 'automobile_vin', leaveOut: ['created_at'] })},
      queued as (${enqueueSoldUpdate('car', true)}),
      traded as (${enqueueTradeIn(sql`select trade_in_vin as vin, ${placeholder('tradeInPayload')}::jsonb || jsonb_build_object('sale_id', id) as payload
        from sale where trade_in_vin is not null`)})
      select id, price, created_at, (select cost from ${automobileCosts} where vin = sale.automobile_vin) as cost from sale`,
  );

  /**
   * The sale voided (kept for the books, with the reason given, if any), the car available again
   * here and the outbox row for inventory, in one statement. No row: the sale was not live (never
   * was, or voided meanwhile).
   */
  const voidLive = prepareRows<
    { vin: string; voided_at: string | Date; void_reason: string | null },
    { id: number; reason: string | null; audit: string; traceId: string | null; spanId: string | null }
  >(
    db,
    'sales_sale_void',
    sql`with ${auditCte},
      voided as (
        update ${salesRecords} set voided_at = now(), void_reason = ${placeholder('reason')}
        where id = ${placeholder('id')} and voided_at is null
          -- A trade-in sold since stays sold: the deal that brought it in can no longer be undone.
          and not exists (select from ${automobileVOs} traded
            where traded.vin = ${salesRecords.tradeInVin} and traded.sold and traded.in_inventory)
        returning id, automobile_vin as vin, voided_at, void_reason, trade_in_vin),
      car as (update ${automobileVOs} set sold = false where vin in (select vin from voided)),
      queued as (${enqueueSoldUpdate('voided', false)}),
      untraded as (${enqueueTradeInRemoval('voided')})
      select vin, voided_at, void_reason from voided cross join audit`,
  );

  /**
   * Whether a VIN offered as a trade-in is in stock and unsold in the copy, or is the trade-in of a
   * live sale still on its way to inventory (not yet sold again).
   */
  /** Whether the copy has this car sold (a trade-in sold since its deal). */
  const soldInCopy = prepareRows<{ sold: boolean }, { vin: string }>(
    db,
    'sales_copy_sold',
    sql`select sold from ${automobileVOs} where vin = ${placeholder('vin')} and in_inventory`,
  );

  return {
    /** Whether the copy says the car of `vin` is sold. */
    async isSold(vin: string): Promise<boolean> {
      const [row] = await soldInCopy({ vin });
      return row?.sold ?? false;
    },

    /** A live sale, or (`withVoided`) a voided one too. */
    async findById(id: number, withVoided = false): Promise<SaleRow | undefined> {
      const [row] = await (withVoided ? byId.any : byId.live).execute({ id });
      return row;
    },

    /** One page of sales (live ones unless voided ones are asked for too), and how many match in all. */
    async list(query: SaleListQuery): Promise<{ rows: SaleRow[]; total: number }> {
      const params = query.q === undefined ? query : { ...query, q: containing(query.q) };
      return executePage(listFor(query), params);
    },

    /** The car, the people, and whether the trade-in's VIN (if any) cannot be taken in trade now. */
    async findParties(input: SaleInput, tradeInVin: string | null): Promise<SaleParties> {
      const [found] = await parties.execute({ ...input, tradeInVin });
      return found ?? { car: null, salesperson: null, customer: null, tradeInTaken: false };
    },

    /** The new sale; undefined when the car was sold meanwhile. */
    async record(
      input: SaleInput,
      desk: SaleDesk,
      audit: AuditContext,
      trace: RequestTrace,
    ): Promise<{ id: number; price: string; createdAt: Date; cost: string | null } | undefined> {
      const [row] = await record({
        automobile: input.automobile,
        price: input.price,
        salesperson: input.salesperson,
        customer: input.customer,
        tradeIn: desk.tradeIn ? JSON.stringify(desk.tradeIn) : null,
        tradeInVin: desk.tradeIn?.vin ?? null,
        tradeInPayload: desk.tradeInArrival ? JSON.stringify(desk.tradeInArrival) : null,
        fees: JSON.stringify(desk.fees),
        deal: JSON.stringify(desk.deal),
        audit: JSON.stringify(audit),
        traceId: trace.traceId ?? null,
        spanId: trace.spanId ?? null,
      });
      return row && { id: row.id, price: row.price, createdAt: new Date(row.created_at), cost: row.cost };
    },

    /** When a live sale was voided, and the reason stored; undefined when it was not live. */
    async void(
      id: number,
      reason: string | undefined,
      audit: AuditContext,
      trace: RequestTrace,
    ): Promise<{ voidedAt: Date; voidReason: string | null } | undefined> {
      const [row] = await voidLive({
        id,
        reason: reason ?? null,
        audit: JSON.stringify(audit),
        traceId: trace.traceId ?? null,
        spanId: trace.spanId ?? null,
      });
      return row && { voidedAt: new Date(row.voided_at), voidReason: row.void_reason };
    },
  };
}

export type SalesStatements = ReturnType<typeof salesStatements>;
