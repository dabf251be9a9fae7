import { type PartImportResult, type PartInput, partCreateBody } from '@carcar/common/contract/parts';
import type { RequestContext } from '@carcar/common/db/audit';
import { auditContext, audited } from '@carcar/common/db/audit';
import type { Db } from '@carcar/common/db/database';
import { translatePgError } from '@carcar/common/db/pg-errors';
import type { FieldError } from '@carcar/common/errors';
import { type CsvRow, headerColumns, readImportRows, refuseImport } from '@carcar/common/http/csv-import';
import { toFieldErrors } from '@carcar/common/http/validation';
import { sql } from 'drizzle-orm';
import { partMovements, parts } from '../db/schema.js';
import { partStatements } from './statements.js';

// `POST /api/parts/import/`: the parts list from a spreadsheet (a new shop, a supplier's catalogue),
// with the automobile import's rules: checked whole, every bad row named by line, then written
// whole in one transaction or not at all. An `on_hand` column is the opening stock, recorded as a
// receipt of each part.

const REQUIRED = ['number', 'description', 'price'] as const;
const OPTIONAL = ['cost', 'on_hand', 'reorder_point'] as const;

const IMPORT_REFERENCE = 'imported from a CSV file';

function checkHeader(rows: CsvRow[]): void {
  const columns = headerColumns(rows);
  const missing = REQUIRED.filter((name) => !columns.has(name));
  if (missing.length > 0) {
    throw refuseImport([{ line: 1, path: '(header)', message: `The header row must name ${missing.join(', ')}` }]);
  }
}

export function partImporter(db: Db) {
  const statements = partStatements(db);

  async function check(rows: CsvRow[]): Promise<{ valid: PartInput[]; errors: FieldError[] }> {
    checkHeader(rows);
    const errors: FieldError[] = [];
    const valid: PartInput[] = [];
    const firstLine = new Map<string, number>();
    for (const { line, fields } of rows) {
      const input: Record<string, string> = {};
      for (const name of [...REQUIRED, ...OPTIONAL]) {
        const value = fields[name];
        // An empty optional cell means "not given", as a missing key does in JSON.
        if (value !== undefined && (value !== '' || (REQUIRED as readonly string[]).includes(name))) {
          input[name] = value;
        }
      }
      const parsed = partCreateBody.safeParse(input);
      if (!parsed.success) {
        errors.push(...toFieldErrors(parsed.error).map((error) => ({ ...error, line })));
        continue;
      }
      const key = parsed.data.number.toLowerCase();
      const earlier = firstLine.get(key);
      if (earlier !== undefined) {
        errors.push({ line, path: 'number', message: `Part number ${parsed.data.number} is also on line ${earlier}` });
        continue;
      }
      firstLine.set(key, line);
      valid.push(parsed.data);
    }
    const existing = await statements.existingNumbers(valid.map((part) => part.number));
    for (const number of existing) {
      errors.push({
        line: firstLine.get(number.toLowerCase()) ?? 0,
        path: 'number',
        message: `A part with number ${number} is already on the list`,
      });
    }
    errors.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
    return { valid, errors };
  }

  return async function importCsv(text: unknown, dryRun: boolean, context: RequestContext): Promise<PartImportResult> {
    const rows = readImportRows(text, 'parts');
    const { valid, errors } = await check(rows);
    if (errors.length > 0) throw refuseImport(errors);
    if (dryRun) return { created: 0, valid: valid.length, dry_run: true };
    const audit = auditContext(context, { reason: IMPORT_REFERENCE });
    await audited(db, audit, async (tx) => {
      // One statement for the parts, one for the opening stock's receipts: 10,000 rows in one round trip each.
      await tx.execute(sql`insert into ${parts} (number, description, price, cost, on_hand, reorder_point)
        select * from unnest(
          ${sql.param(valid.map((part) => part.number))}::varchar[],
          ${sql.param(valid.map((part) => part.description))}::varchar[],
          ${sql.param(valid.map((part) => part.price))}::numeric[],
          ${sql.param(valid.map((part) => part.cost ?? null))}::numeric[],
          ${sql.param(valid.map((part) => part.on_hand ?? '0'))}::numeric[],
          ${sql.param(valid.map((part) => part.reorder_point ?? '0'))}::numeric[])`);
      const stocked = valid.filter((part) => part.on_hand !== undefined && Number(part.on_hand) !== 0);
      if (stocked.length === 0) return;
      await tx.execute(sql`insert into ${partMovements} (part_id, quantity, reason, actor, cost, reference)
        select ${parts.id}, ${parts.onHand}, 'receipt', ${JSON.stringify(audit.actor)}::jsonb, ${parts.cost}, ${IMPORT_REFERENCE}
        from ${parts}
        where lower(${parts.number}) = any(${sql.param(stocked.map((part) => part.number.toLowerCase()))}::text[])`);
    }).catch(
      // Someone added one of these numbers since the check.
      translatePgError({
        unique: {
          path: 'number',
          message: 'A part in this file was added to the list meanwhile; check the file again',
        },
      }),
    );
    return { created: valid.length, valid: valid.length, dry_run: false };
  };
}
