import { sql } from 'drizzle-orm';
import { boolean, type PgSchema, serial, uniqueIndex, varchar } from 'drizzle-orm/pg-core';

/**
 * A staff table (sales' salespeople, service's technicians): the same columns in each service's
 * own schema, read and written by staffRepository (./table-repository.ts). An employee id is
 * unique in any letter case: "e-17" and "E-17" are the same badge to the staff who type them.
 */
export function staffTable<TName extends string>(schema: PgSchema, name: TName) {
  return schema.table(
    name,
    {
      id: serial().primaryKey(),
      firstName: varchar('first_name', { length: 100 }).notNull(),
      lastName: varchar('last_name', { length: 100 }).notNull(),
      employeeId: varchar('employee_id', { length: 50 }).notNull(),
      /** A retired member stays on the history they made but is no longer offered for new work. */
      active: boolean().notNull().default(true),
    },
    (t) => [uniqueIndex(`${name}_employee_id_key`).on(sql`lower(${t.employeeId})`)],
  );
}
