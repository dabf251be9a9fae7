import type { Db } from '@carcar/common/db/database';
import { countRows, fetchPage, totalOf } from '@carcar/common/db/pagination';
import { isStillReferenced, PG_UNIQUE_VIOLATION, pgErrorCode } from '@carcar/common/db/pg-errors';
import { conflict, notFound } from '@carcar/common/http/errors';
import type { Page, Paged } from '@carcar/common/http/list';
import { asc, eq, getTableColumns } from 'drizzle-orm';
import { technicians } from '../db/schema.js';
import { type TechnicianInput, type TechnicianJson, technicianJson } from './schemas.js';

export function techniciansRepository(db: Db) {
  return {
    async list(page: Page): Promise<Paged<TechnicianJson>> {
      const { rows, total } = await fetchPage(
        db
          .select({ ...getTableColumns(technicians), total: totalOf(technicians) })
          .from(technicians)
          .orderBy(asc(technicians.id))
          .offset(page.offset)
          .$dynamic(),
        page,
        () => countRows(db, technicians),
      );
      return { items: rows.map(technicianJson), total };
    },

    async get(id: number): Promise<TechnicianJson> {
      const [row] = await db.select().from(technicians).where(eq(technicians.id, id));
      if (!row) throw notFound();
      return technicianJson(row);
    },

    async create(input: TechnicianInput): Promise<TechnicianJson> {
      const [row] = await db
        .insert(technicians)
        .values({ firstName: input.first_name, lastName: input.last_name, employeeId: input.employee_id })
        .returning()
        .catch((error: unknown) => {
          if (pgErrorCode(error) === PG_UNIQUE_VIOLATION) {
            throw conflict(`A technician with employee id ${input.employee_id} already exists`, {
              errors: [{ path: 'employee_id', message: 'already exists' }],
            });
          }
          throw error;
        });
      if (!row) throw new Error('insert returned no row');
      return technicianJson(row);
    },

    /** History is never deleted by a cascade: a technician with appointments stays. */
    async delete(id: number): Promise<TechnicianJson> {
      const [row] = await db
        .delete(technicians)
        .where(eq(technicians.id, id))
        .returning()
        .catch((error: unknown) => {
          if (isStillReferenced(error)) throw conflict('This technician still has appointments');
          throw error;
        });
      if (!row) throw notFound();
      return technicianJson(row);
    },
  };
}
