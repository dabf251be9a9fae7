import { CsvError, parse } from 'csv-parse/sync';
import { z } from 'zod';
import { AppError, type FieldError } from '../errors.js';
import { queryBoolean } from './validation.js';

// Reading a spreadsheet sent to an import route (`POST /api/automobiles/import/`,
// `POST /api/parts/import/`): one set of rules for every import. The file is checked whole, every
// bad row answered with its line (the header is line 1) and why, and written whole or not at all.

/** Every import's limit on rows; the body parser limits the bytes. */
export const MAX_IMPORT_ROWS = 10_000;

/** The bytes an import's body may have: 10,000 rows of a few short columns come to well under a megabyte. */
export const IMPORT_BODY_LIMIT = '2mb';

/** `?dry_run=true`: check without writing. */
export const importQuery = z.object({ dry_run: queryBoolean.optional() });

/** One record of the file, keyed by the header's column names (trimmed, lower case). */
export interface CsvRow {
  /** The line the record ends on, counting the header as line 1. */
  line: number;
  fields: Record<string, string>;
}

/** The one 400 of an import: nothing was written, and every error says where. */
export function refuseImport(errors: FieldError[]): AppError {
  return new AppError(400, 'validation_error', 'The file has problems; nothing was imported', errors);
}

function parseRows(text: string): CsvRow[] {
  try {
    const records = parse(text, {
      bom: true,
      columns: (header: string[]) => header.map((name) => name.trim().toLowerCase()),
      // Whatever the spreadsheet wrote: Windows, Unix or old Mac line ends, even mixed.
      record_delimiter: ['\r\n', '\n', '\r'],
      skip_empty_lines: true,
      trim: true,
      info: true,
    }) as Array<{ record: Record<string, string>; info: { lines: number } }>;
    return records.map(({ record, info }) => ({ line: info.lines, fields: record }));
  } catch (error) {
    if (error instanceof CsvError) {
      const line = (error as CsvError & { lines?: number }).lines;
      throw refuseImport([
        { path: '(file)', message: `This is not a readable CSV file: ${error.message}`, ...(line ? { line } : {}) },
      ]);
    }
    throw error;
  }
}

/**
 * The body of an import request as rows, or the import's 400: not CSV text, unreadable, no rows, or
 * more than `MAX_IMPORT_ROWS`. `noun` names the rows in the messages ("cars", "parts").
 */
export function readImportRows(text: unknown, noun: string): CsvRow[] {
  if (typeof text !== 'string' || text.trim() === '') {
    throw refuseImport([
      { path: '(file)', message: `Send the ${noun} as a CSV file (Content-Type: text/csv) with a header row` },
    ]);
  }
  const rows = parseRows(text);
  if (rows.length === 0)
    throw refuseImport([{ line: 2, path: '(file)', message: `The file has a header but no ${noun}` }]);
  if (rows.length > MAX_IMPORT_ROWS) {
    throw refuseImport([
      {
        path: '(file)',
        message: `A file can hold at most ${MAX_IMPORT_ROWS.toLocaleString('en')} ${noun}; this one has ${rows.length.toLocaleString('en')}`,
      },
    ]);
  }
  return rows;
}

/** The header's column names, as `readImportRows` keyed them. */
export function headerColumns(rows: readonly CsvRow[]): Set<string> {
  return new Set(Object.keys(rows[0]?.fields ?? {}));
}
