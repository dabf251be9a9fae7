import { stringify } from 'csv-stringify/sync';
import type { Request } from 'express';

// Lists as CSV (the contract's "CSV and conditional reads"): the rows a JSON list would hold, nested
// objects flattened into dotted columns, quoted by csv-stringify (RFC 4180, CRLF), and every cell
// that a spreadsheet would read as a formula written with a leading apostrophe.

export const CSV_CONTENT_TYPE = 'text/csv; charset=utf-8';

/** Whether the client asked for CSV rather than JSON (`Accept: text/csv`). */
export function wantsCsv(req: Request): boolean {
  return req.accepts(['application/json', 'text/csv']) === 'text/csv';
}

type Cell = string | number | boolean | null;

/** `{model: {name: 'Camry'}}` → `{'model.name': 'Camry'}`; arrays become JSON text. */
export function flatten(value: unknown, prefix = '', into: Record<string, Cell> = {}): Record<string, Cell> {
  if (value === null || value === undefined) {
    if (prefix) into[prefix] = null;
    return into;
  }
  if (Array.isArray(value)) {
    into[prefix] = JSON.stringify(value);
    return into;
  }
  if (value instanceof Date) {
    into[prefix] = value.toISOString();
    return into;
  }
  if (typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) flatten(inner, prefix ? `${prefix}.${key}` : key, into);
    return into;
  }
  into[prefix] = value as Cell;
  return into;
}

/**
 * A spreadsheet runs a cell that starts with one of these as a formula, the full-width forms
 * (＝＋－＠, which some spreadsheets read as their ASCII twins) included.
 */
const FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;

export function formulaSafe(cell: Cell): string {
  if (cell === null) return '';
  const text = String(cell);
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** The rows as one CSV text: a header row of every column seen, in first-seen order, then the rows. */
export function toCsv(items: readonly unknown[]): string {
  const rows = items.map((item) => flatten(item));
  const columns: string[] = [];
  const seen = new Set<string>();
  for (const row of rows) {
    for (const column of Object.keys(row)) {
      if (!seen.has(column)) {
        seen.add(column);
        columns.push(column);
      }
    }
  }
  if (columns.length === 0) return '';
  const records = rows.map((row) => columns.map((column) => formulaSafe(row[column] ?? null)));
  return stringify([columns.map((column) => formulaSafe(column)), ...records], { record_delimiter: 'windows' });
}
