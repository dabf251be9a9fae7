import { asc, eq, getTableColumns, type SQL } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { StaffFilter, StaffInput, StaffMember } from '../contract/people.js';
import { type FieldError, notFound } from '../errors.js';
import { auditContext, audited, type RequestContext } from './audit.js';
import type { Db } from './database.js';
import { fetchPage, type Page, type Paged } from './pagination.js';
import { translatePgError } from './pg-errors.js';
import { countKeptOr, type KeptTotal, totalKeptOr } from './row-counts.js';

/** A table whose rows are addressed by an integer `id`. */
type TableWithId = PgTable & { id: PgColumn };

/**
 * What makes one simple record type (a technician, a salesperson, a customer) different from
 * another: its table, how a row becomes JSON and a body becomes a row, and what its conflicts say.
 */
export interface TableRepositoryConfig<T extends TableWithId, Input, Json, Filter extends object = object> {
  table: T;
  toJson: (row: T['$inferSelect']) => Json;
  /**
   * A body as the row's columns. Each field must map to its columns on its own: an update passes
   * only the fields it changes, and a field it leaves out (undefined) leaves its columns alone.
   */
  toRow: (input: Input) => T['$inferInsert'];
  /** The field a unique index guards, for the 409 of a duplicate; absent when nothing is unique. */
  unique?: (input: Partial<Input>) => FieldError;
  /** The 409's sentence for deleting a row that others still reference. */
  stillReferenced: string;
  /** The list's optional filters (`?active=true`, `?q=`) as a WHERE; undefined lists every row. */
  where?: (filter: Filter) => SQL | undefined;
  /** Where the whole list's total is kept by triggers (row-counts.ts); without it every page counts the table. */
  keptTotal?: KeptTotal;
}

export interface TableRepository<Input, Json, Filter extends object = object> {
  list(query: Page & Partial<Filter>): Promise<Paged<Json>>;
  get(id: number): Promise<Json>;
  /** Each write is recorded in the audit trail as the request's actor, in the same transaction. */
  create(input: Input, context: RequestContext): Promise<Json>;
  /** Changes the fields given (a partial body); 404 unknown, 409 a duplicate. */
  update(id: number, input: Partial<Input>, context: RequestContext): Promise<Json>;
  delete(id: number, context: RequestContext): Promise<Json>;
}

/** The columns an update sets: the ones whose field the body has. */
function definedOnly<R extends object>(row: R): Partial<R> {
  return Object.fromEntries(Object.entries(row).filter(([, value]) => value !== undefined)) as Partial<R>;
}

/**
 * List (in id order, paged, with the total for `X-Total-Count`, optionally filtered), get (404),
 * create and update (409 on a duplicate) and delete (409 while referenced) for a table that needs
 * nothing more.
 */
export function tableRepository<T extends TableWithId, Input, Json, Filter extends object = object>(
  db: Db,
  config: TableRepositoryConfig<T, Input, Json, Filter>,
): TableRepository<Input, Json, Filter> {
  const { table, toJson, toRow, keptTotal: kept } = config;
  // Drizzle cannot follow a generic table through its builders; the rows are the table's own.
  const asRows = (rows: unknown) => rows as Array<T['$inferSelect']>;

  async function get(id: number): Promise<Json> {
    const [row] = asRows(
      await db
        .select()
        .from(table as PgTable)
        .where(eq(table.id, id)),
    );
    if (!row) throw notFound();
    return toJson(row);
  }

  return {
    async list(query) {
      const where = config.where?.(query as Filter);
      const { rows, total } = await fetchPage(
        db
          .select({ ...getTableColumns(table), total: totalKeptOr(table, where, kept) })
          .from(table as PgTable)
          .where(where)
          .orderBy(asc(table.id))
          .offset(query.offset)
          .$dynamic(),
        query,
        () => countKeptOr(db, table, where, kept),
      );
      return { items: asRows(rows).map(toJson), total };
    },

    get,

    async create(input, context) {
      const [row] = asRows(
        await audited(db, auditContext(context), (tx) => tx.insert(table).values(toRow(input)).returning()).catch(
          translatePgError({ unique: config.unique?.(input) }),
        ),
      );
      if (!row) throw new Error('insert returned no row');
      return toJson(row);
    },

    async update(id, input, context) {
      // Each field maps to its columns on its own (see `toRow`), so the fields left out stay unset.
      const changes = definedOnly(toRow(input as Input));
      if (Object.keys(changes).length === 0) return get(id);
      const [row] = asRows(
        await audited(db, auditContext(context), (tx) =>
          tx.update(table).set(changes).where(eq(table.id, id)).returning(),
        ).catch(translatePgError({ unique: config.unique?.(input) })),
      );
      if (!row) throw notFound();
      return toJson(row);
    },

    async delete(id, context) {
      const [row] = asRows(
        await audited(db, auditContext(context), (tx) => tx.delete(table).where(eq(table.id, id)).returning()).catch(
          translatePgError({ stillReferenced: config.stillReferenced }),
        ),
      );
      if (!row) throw notFound();
      return toJson(row);
    },
  };
}

/** The columns every staff table has (technicians, salespeople). */
interface StaffRow {
  id: number;
  firstName: string;
  lastName: string;
  employeeId: string;
  active: boolean;
}

/** A technician's or salesperson's row as the APIs answer it. */
export function staffJson(row: StaffRow): StaffMember {
  return {
    id: row.id,
    first_name: row.firstName,
    last_name: row.lastName,
    employee_id: row.employeeId,
    active: row.active,
  };
}

/**
 * The repository of a staff table: the same columns, body and JSON in both services, `employee_id`
 * unique, `?active=true` for the pickers of new work. `role` names the person in the 409 of a
 * duplicate ("Another technician already has employee id ...").
 */
export function staffRepository<T extends TableWithId & { $inferSelect: StaffRow; active: PgColumn }>(
  db: Db,
  config: { table: T; role: string; stillReferenced: string },
): TableRepository<StaffInput, StaffMember, StaffFilter> {
  return tableRepository(db, {
    table: config.table,
    toJson: staffJson,
    // TypeScript cannot build a generic table's insert type; a staff table has exactly these columns.
    toRow: (input) =>
      ({
        firstName: input.first_name,
        lastName: input.last_name,
        employeeId: input.employee_id,
        active: input.active,
      }) as T['$inferInsert'],
    unique: (input) => ({
      path: 'employee_id',
      message: `Another ${config.role} already has employee id ${input.employee_id}`,
    }),
    stillReferenced: config.stillReferenced,
    // Only `?active=true` filters: retired staff stay in the full list for the history they made.
    where: (filter) => (filter.active ? eq(config.table.active, true) : undefined),
  });
}
