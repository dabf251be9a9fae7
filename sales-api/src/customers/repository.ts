import type { Db } from '@carcar/common/db/database';
import { countRows, fetchPage, totalOf } from '@carcar/common/db/pagination';
import { isStillReferenced } from '@carcar/common/db/pg-errors';
import { conflict, notFound } from '@carcar/common/http/errors';
import type { Page, Paged } from '@carcar/common/http/list';
import { asc, eq, getTableColumns } from 'drizzle-orm';
import { customers } from '../db/schema.js';
import { type CustomerInput, type CustomerJson, customerJson } from './schemas.js';

export function customersRepository(db: Db) {
  return {
    async list(page: Page): Promise<Paged<CustomerJson>> {
      const { rows, total } = await fetchPage(
        db
          .select({ ...getTableColumns(customers), total: totalOf(customers) })
          .from(customers)
          .orderBy(asc(customers.id))
          .offset(page.offset)
          .$dynamic(),
        page,
        () => countRows(db, customers),
      );
      return { items: rows.map(customerJson), total };
    },

    async get(id: number): Promise<CustomerJson> {
      const [row] = await db.select().from(customers).where(eq(customers.id, id));
      if (!row) throw notFound();
      return customerJson(row);
    },

    async create(input: CustomerInput): Promise<CustomerJson> {
      const [row] = await db
        .insert(customers)
        .values({
          firstName: input.first_name,
          lastName: input.last_name,
          address: input.address,
          phoneNumber: input.phone_number,
        })
        .returning();
      if (!row) throw new Error('insert returned no row');
      return customerJson(row);
    },

    async delete(id: number): Promise<CustomerJson> {
      const [row] = await db
        .delete(customers)
        .where(eq(customers.id, id))
        .returning()
        .catch((error: unknown) => {
          if (isStillReferenced(error)) throw conflict('This customer still has sales');
          throw error;
        });
      if (!row) throw notFound();
      return customerJson(row);
    },
  };
}
