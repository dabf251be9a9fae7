import type { Db } from '@carcar/common/database';
import { conflict, type FieldError, invalid, notFound, PG_UNIQUE_VIOLATION, pgErrorCode } from '@carcar/common/errors';
import { countRows, fetchPage, type Paged, totalOf } from '@carcar/common/pagination';
import { and, asc, eq, isNull, type SQL, sql } from 'drizzle-orm';
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

  return {
    async list(query: SaleListQuery): Promise<Paged<SaleJson>> {
      const conditions: SQL[] = [];
      if (query.salesperson) conditions.push(eq(salesRecords.salespersonId, query.salesperson));
      if (query.customer) conditions.push(eq(salesRecords.customerId, query.customer));
      const { rows, total } = await fetchPage(
        select(db, and(...conditions))
          .orderBy(asc(salesRecords.id))
          .offset(query.offset),
        query,
        () => countRows(db, salesRecords, and(isNull(salesRecords.voidedAt), ...conditions)),
      );
      return { items: rows.map(saleJson), total };
    },

    get: (id: number) => get(id),

    /** The sale, the car marked sold locally and the outbox row for inventory: all or nothing. */
    async create(input: SaleCreateInput): Promise<SaleJson> {
      const sale = await db.transaction(async (tx) => {
        // The statements of each step go out together (the driver queues them on the connection),
        // so a sale costs two waits on the database, not six.
        const [[car], [salesperson], [customer]] = await Promise.all([
          // Locking the car's row makes concurrent sales of one car wait here and then see it sold.
          tx
            .select({ sold: automobileVOs.sold })
            .from(automobileVOs)
            .where(and(eq(automobileVOs.vin, input.automobile), eq(automobileVOs.inInventory, true)))
            .for('update'),
          tx.select().from(salespeople).where(eq(salespeople.id, input.salesperson)),
          tx.select().from(customers).where(eq(customers.id, input.customer)),
        ]);
        const errors: FieldError[] = [];
        if (!car) errors.push({ path: 'automobile', message: 'no automobile in inventory has this VIN' });
        if (!salesperson) errors.push({ path: 'salesperson', message: 'no salesperson has this id' });
        if (!customer) errors.push({ path: 'customer', message: 'no customer has this id' });
        if (!car || !salesperson || !customer) throw invalid(errors);
        if (car.sold) alreadySold(input.automobile);
        const [[inserted]] = await Promise.all([
          tx
            .insert(salesRecords)
            .values({
              price: input.price,
              automobileVin: input.automobile,
              salespersonId: input.salesperson,
              customerId: input.customer,
            })
            .returning(columns.sale)
            .catch((error: unknown) => {
              if (pgErrorCode(error) === PG_UNIQUE_VIOLATION) alreadySold(input.automobile);
              throw error;
            }),
          tx.update(automobileVOs).set({ sold: true }).where(eq(automobileVOs.vin, input.automobile)),
          tx.insert(outbox).values({ vin: input.automobile, sold: true }),
        ]);
        if (!inserted) throw new Error('insert returned no row');
        return saleJson({ sale: inserted, automobile: { vin: input.automobile, sold: true }, salesperson, customer });
      });
      onCommitted();
      return sale;
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
