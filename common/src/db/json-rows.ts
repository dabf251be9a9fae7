import { getTableColumns, getTableName, type InferSelectModel, type SQL, sql, type Table } from 'drizzle-orm';

// A table's rows nested as JSON inside one statement (an order with its lines and payments as
// `json_agg`s): one round trip where a select per table took one each. JSON has no numeric or
// timestamp type, so a numeric travels as its text (exact, as the driver answers it, never a
// binary float) and a timestamp as ISO text, turned back into a Date here: the row reads exactly
// as Drizzle's own select gives it.

/** `json_build_object('<key>', <column>, ...)` of the table's current row, keyed as Drizzle's select keys it. */
export function jsonRow(table: Table): SQL {
  const name = sql.identifier(getTableName(table));
  const pairs = Object.entries(getTableColumns(table)).map(([key, column]) => {
    if (!/^[A-Za-z_]+$/.test(key)) throw new Error(`not a column key: ${key}`);
    const value = sql`${name}.${sql.identifier(column.name)}`;
    return sql`${sql.raw(`'${key}'`)}, ${column.columnType === 'PgNumeric' ? sql`${value}::text` : value}`;
  });
  return sql`json_build_object(${sql.join(pairs, sql`, `)})`;
}

/** Each table's timestamp keys (those Drizzle answers as a Date), found once: a list page turns back hundreds of rows. */
const timestampKeys = new WeakMap<Table, string[]>();

function timestampKeysOf(table: Table): string[] {
  let keys = timestampKeys.get(table);
  if (!keys) {
    keys = Object.entries(getTableColumns(table))
      .filter(([, column]) => column.columnType === 'PgTimestamp' && column.dataType === 'date')
      .map(([key]) => key);
    timestampKeys.set(table, keys);
  }
  return keys;
}

/** A row built by `jsonRow`, back in the shape of `table.$inferSelect`. */
export function rowFromJson<T extends Table>(table: T, json: Record<string, unknown>): InferSelectModel<T> {
  const row: Record<string, unknown> = { ...json };
  for (const key of timestampKeysOf(table)) {
    const value = row[key];
    if (typeof value === 'string') row[key] = new Date(value);
  }
  return row as InferSelectModel<T>;
}
