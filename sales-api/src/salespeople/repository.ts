import type { Db } from '@carcar/common/db/database';
import { countRows, fetchPage, totalOf } from '@carcar/common/db/pagination';
import { isStillReferenced, PG_UNIQUE_VIOLATION, pgErrorCode } from '@carcar/common/db/pg-errors';
import { conflict, notFound } from '@carcar/common/http/errors';
import type { Page, Paged } from '@carcar/common/http/list';
import { asc, eq, getTableColumns } from 'drizzle-orm';
import { salespeople } from '../db/schema.js';
import { type SalespersonInput, type SalespersonJson, salespersonJson } from './schemas.js';

export function salespeopleRepository(db: Db) {
  return {
    async list(page: Page): Promise<Paged<SalespersonJson>> {
      const { rows, total } = await fetchPage(
        db
          .select({ ...getTableColumns(salespeople), total: totalOf(salespeople) })
          .from(salespeople)
          .orderBy(asc(salespeople.id))
          .offset(page.offset)
          .$dynamic(),
        page,
        () => countRows(db, salespeople),
      );
      return { items: rows.map(salespersonJson), total };
    },

    async get(id: number): Promise<SalespersonJson> {
      const [row] = await db.select().from(salespeople).where(eq(salespeople.id, id));
      if (!row) throw notFound();
      return salespersonJson(row);
    },

    async create(input: SalespersonInput): Promise<SalespersonJson> {
      const [row] = await db
        .insert(salespeople)
        .values({ firstName: input.first_name, lastName: input.last_name, employeeId: input.employee_id })
        .returning()
        .catch((error: unknown) => {
          if (pgErrorCode(error) === PG_UNIQUE_VIOLATION) {
            throw conflict(`A salesperson with employee id ${input.employee_id} already exists`, {
              errors: [{ path: 'employee_id', message: 'already exists' }],
            });
          }
          throw error;
        });
      if (!row) throw new Error('insert returned no row');
      return salespersonJson(row);
    },

    /** Sales history is never deleted by a cascade: a salesperson with sales stays. */
    async delete(id: number): Promise<SalespersonJson> {
      const [row] = await db
        .delete(salespeople)
        .where(eq(salespeople.id, id))
        .returning()
        .catch((error: unknown) => {
          if (isStillReferenced(error)) throw conflict('This salesperson still has sales');
          throw error;
        });
      if (!row) throw notFound();
      return salespersonJson(row);
    },
  };
}
