import type { Db } from '@carcar/common/db/database';
import { totalOf } from '@carcar/common/db/pagination';
import { PG_FOREIGN_KEY_VIOLATION, PG_UNIQUE_VIOLATION, pgConstraint, pgErrorCode } from '@carcar/common/db/pg-errors';
import { prepareRows, StatementsByShape } from '@carcar/common/db/statements';
import { conflict, type FieldError, invalid, notFound } from '@carcar/common/http/errors';
import type { Paged } from '@carcar/common/http/list';
import { and, asc, count, eq, isNull, type SQL, sql } from 'drizzle-orm';
import { customerJson } from '../customers/schemas.js';
import { automobileVOs, customers, outbox, salespeople, salesRecords } from '../db/schema.js';
import { salespersonJson } from '../salespeople/schemas.js';
import type { SaleCreateInput, SaleJson, SaleListQuery } from './schemas.js';

const columns = {
  sale: { id: salesRecords.id, price: salesRecords.price, createdAt: salesRecords.createdAt },
  automobile: { vin: automobileVOs.vin, sold: automobileVOs.sold },
  salesperson: salespeople,
  customer: customers,
};

interface Row {
  sale: { id: number; price: string; createdAt: Date };
  automobile: { vin: string; sold: boolean };
  salesperson: typeof salespeople.$inferSelect;
  customer: typeof customers.$inferSelect;
}

function saleJson(row: Row): SaleJson {
  return {
    id: row.sale.id,
    price: Number(row.sale.price),
    sold_at: row.sale.createdAt.toISOString(),
    automobile: row.automobile,
    salesperson: salespersonJson(row.salesperson),
    customer: customerJson(row.customer),
  };
}

/** Which of the sale's references a foreign-key violation names. */
function foreignKeyErrors(error: unknown): FieldError[] {
  return pgConstraint(error)?.includes('customer')
    ? [{ path: 'customer', message: 'no customer has this id' }]
    : [{ path: 'salesperson', message: 'no salesperson has this id' }];
}

function alreadySold(vin: string): never {
  throw conflict(`Automobile ${vin} is already sold`, { errors: [{ path: 'automobile', message: 'already sold' }] });
}

/**
 * Sales, and the outbox rows that tell inventory about them. `onCommitted` wakes the dispatcher
 * once a transaction that wrote an outbox row has committed.
 */
export function salesRepository(db: Db, onCommitted: () => void) {
  /** Live sales with their car, salesperson and customer; `total` counts every matching row. */
  function select(executor: Db, where: SQL | undefined) {
    return executor
      .select({ ...columns, total: totalOf(salesRecords, and(isNull(salesRecords.voidedAt), where)) })
      .from(salesRecords)
      .innerJoin(automobileVOs, eq(automobileVOs.vin, salesRecords.automobileVin))
      .innerJoin(salespeople, eq(salespeople.id, salesRecords.salespersonId))
      .innerJoin(customers, eq(customers.id, salesRecords.customerId))
      .where(and(isNull(salesRecords.voidedAt), where))
      .$dynamic();
  }

  async function get(id: number, executor: Db = db): Promise<SaleJson> {
    const [row] = await select(executor, eq(salesRecords.id, id));
    if (!row) throw notFound();
    return saleJson(row);
  }

  const placeholder = (name: string) => sql.placeholder(name);

  /**
   * A list query for the filters `query` has, its values left as placeholders. The page's sales
   * are chosen first, in id order from a live-sales index, and only they are joined: a page costs
   * its own rows, however many sales the salesperson or customer has.
   */
  function prepareList(query: SaleListQuery, name: string) {
    const where = and(
      isNull(salesRecords.voidedAt),
      query.salesperson ? eq(salesRecords.salespersonId, placeholder('salesperson')) : undefined,
      query.customer ? eq(salesRecords.customerId, placeholder('customer')) : undefined,
    );
    const chosen = db
      .select({
        id: salesRecords.id,
        price: salesRecords.price,
        createdAt: salesRecords.createdAt,
        automobileVin: salesRecords.automobileVin,
        salespersonId: salesRecords.salespersonId,
        customerId: salesRecords.customerId,
      })
      .from(salesRecords)
      .where(where)
      .orderBy(asc(salesRecords.id))
      .offset(placeholder('offset'))
      .$dynamic();
    const page = db.$with('page').as(query.limit === undefined ? chosen : chosen.limit(placeholder('limit')));
    const statement = db
      .with(page)
      .select({
        sale: { id: page.id, price: page.price, createdAt: page.createdAt },
        automobile: columns.automobile,
        salesperson: salespeople,
        customer: customers,
        total: totalOf(salesRecords, where),
      })
      .from(page)
      .innerJoin(automobileVOs, eq(automobileVOs.vin, page.automobileVin))
      .innerJoin(salespeople, eq(salespeople.id, page.salespersonId))
      .innerJoin(customers, eq(customers.id, page.customerId))
      .orderBy(asc(page.id))
      .prepare(name);
    const total = db.select({ n: count() }).from(salesRecords).where(where).prepare(`${name}_count`);
    return { statement, total };
  }
  const lists = new StatementsByShape<ReturnType<typeof prepareList>>('sales_sales');

  // A sale is two statements: the checks, then the writes (see create).
  const checks = db
    .select({ car: { sold: automobileVOs.sold }, salesperson: salespeople, customer: customers })
    .from(sql`(select 1) as one`)
    .leftJoin(automobileVOs, and(eq(automobileVOs.vin, placeholder('automobile')), eq(automobileVOs.inInventory, true)))
    .leftJoin(salespeople, eq(salespeople.id, placeholder('salesperson')))
    .leftJoin(customers, eq(customers.id, placeholder('customer')))
    .prepare('sales_sale_create_checks');
  const writes = prepareRows<
    { id: number; price: string; created_at: string | Date },
    { automobile: string; price: string; salesperson: number; customer: number }
  >(
    db,
    'sales_sale_create',
    sql`with car as (
        update ${automobileVOs} set sold = true
        where ${automobileVOs.vin} = ${placeholder('automobile')} and ${automobileVOs.inInventory} and not ${automobileVOs.sold}
        returning vin),
      sale as (
        insert into ${salesRecords} (price, automobile_vin, salesperson_id, customer_id)
        select ${placeholder('price')}, vin, ${placeholder('salesperson')}, ${placeholder('customer')} from car
        returning id, price, created_at),
      queued as (insert into ${outbox} (vin, sold) select vin, true from car)
      select id, price, created_at from sale`,
  );

  return {
    async list(query: SaleListQuery): Promise<Paged<SaleJson>> {
      // The same tests as prepareList's: a filter is in the statement exactly when it is in the name.
      const parts = [query.salesperson, query.customer, query.limit !== undefined];
      const list = lists.get(parts, (name) => prepareList(query, name));
      const rows = await list.statement.execute(query);
      // A page past the end has no row to carry the total.
      const total = rows[0]?.total ?? (await list.total.execute(query))[0]?.n ?? 0;
      return { items: rows.map(saleJson), total };
    },

    get: (id: number) => get(id),

    /**
     * The sale, the car marked sold locally and the outbox row for inventory: all or nothing. Two
     * statements, no transaction held open between them: the checks, then the writes in one
     * statement, whose update of the car (`where not sold`) is what makes one of two concurrent
     * sales of a car win.
     */
    async create(input: SaleCreateInput): Promise<SaleJson> {
      const [found] = await checks.execute(input);
      const { car, salesperson, customer } = found ?? { car: null, salesperson: null, customer: null };
      const errors: FieldError[] = [];
      if (!car) errors.push({ path: 'automobile', message: 'no automobile in inventory has this VIN' });
      if (!salesperson) errors.push({ path: 'salesperson', message: 'no salesperson has this id' });
      if (!customer) errors.push({ path: 'customer', message: 'no customer has this id' });
      if (!car || !salesperson || !customer) throw invalid(errors);
      if (car.sold) alreadySold(input.automobile);

      const [inserted] = await writes(input).catch((error: unknown) => {
        const code = pgErrorCode(error);
        if (code === PG_UNIQUE_VIOLATION) alreadySold(input.automobile);
        // The salesperson or customer was deleted since the check.
        if (code === PG_FOREIGN_KEY_VIOLATION) throw invalid(foreignKeyErrors(error));
        throw error;
      });
      // No row: another sale of this car committed between the check and the write.
      if (!inserted) alreadySold(input.automobile);
      onCommitted();
      return saleJson({
        sale: { id: inserted.id, price: inserted.price, createdAt: new Date(inserted.created_at) },
        automobile: { vin: input.automobile, sold: true },
        salesperson,
        customer,
      });
    },
    /** Voiding keeps the record for the books and makes the car available again, here and in inventory. */
    async void(id: number): Promise<SaleJson> {
      const sale = await db.transaction(async (tx) => {
        const existing = await get(id, tx);
        const voided = await tx
          .update(salesRecords)
          .set({ voidedAt: sql`now()` })
          .where(and(eq(salesRecords.id, id), isNull(salesRecords.voidedAt)))
          .returning({ id: salesRecords.id });
        if (voided.length === 0) throw notFound();
        const vin = existing.automobile.vin;
        await tx.update(automobileVOs).set({ sold: false }).where(eq(automobileVOs.vin, vin));
        await tx.insert(outbox).values({ vin, sold: false });
        return { ...existing, automobile: { vin, sold: false } };
      });
      onCommitted();
      return sale;
    },
  };
}
