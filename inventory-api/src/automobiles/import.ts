import { centsToText } from '@carcar/common/contract/deal';
import { type AutomobileImportResult, automobileCreateBody } from '@carcar/common/contract/inventory';
import type { RequestContext } from '@carcar/common/db/audit';
import { auditContext, audited } from '@carcar/common/db/audit';
import type { Db } from '@carcar/common/db/database';
import { translatePgError } from '@carcar/common/db/pg-errors';
import { queryRows } from '@carcar/common/db/statements';
import type { FieldError } from '@carcar/common/errors';
import { type CsvRow, headerColumns, readImportRows, refuseImport } from '@carcar/common/http/csv-import';
import { toFieldErrors } from '@carcar/common/http/validation';
import { sql } from 'drizzle-orm';
import { automobiles, manufacturers, vehicleModels } from '../db/schema.js';
import type { FeedNotifier } from '../feed/notifier.js';
import { recordChanges } from '../feed/record-changes.js';
import type { NewAutomobileRow } from './statements.js';

// `POST /api/automobiles/import/`: a manager's spreadsheet of new stock, checked whole (every bad
// row with its line and why) and then written whole, in one transaction, or not at all. Besides the
// required columns, a file may carry condition, odometer, list_price, acquired_at and cost (blank
// cells take the defaults: new, 0, none, now, none). Reading the
// file and the shape of its 400 are every import's (common/src/http/csv-import.ts).

/** A checked row; the optional columns are null where the file leaves them out or blank. */
interface ValidRow extends NewAutomobileRow {
  line: number;
}

/** Cents as `numeric` text; null when not given. */
const moneyText = (cents: number | null | undefined) =>
  cents === null || cents === undefined ? null : centsToText(cents);

function checkHeader(rows: CsvRow[]): 'id' | 'names' {
  const columns = headerColumns(rows);
  const missing = ['vin', 'color', 'year'].filter((name) => !columns.has(name));
  const byId = columns.has('model_id');
  const byNames = columns.has('manufacturer') && columns.has('model');
  if (!byId && !byNames) missing.push('model_id (or manufacturer and model)');
  if (missing.length > 0) {
    throw refuseImport([{ line: 1, path: '(header)', message: `The header row must name ${missing.join(', ')}` }]);
  }
  return byId ? 'id' : 'names';
}

export function automobileImporter(db: Db, feedNotifier: FeedNotifier) {
  /** Every model by id and by "manufacturer\0model" in lower case: a dealership has dozens, not thousands. */
  async function modelIndex() {
    const rows = await db
      .select({ id: vehicleModels.id, name: vehicleModels.name, maker: manufacturers.name })
      .from(vehicleModels)
      .innerJoin(manufacturers, sql`${manufacturers.id} = ${vehicleModels.manufacturerId}`);
    return {
      ids: new Set(rows.map((row) => row.id)),
      byName: new Map(rows.map((row) => [`${row.maker.toLowerCase()}\0${row.name.toLowerCase()}`, row.id])),
    };
  }

  async function check(rows: CsvRow[]): Promise<{ valid: ValidRow[]; errors: FieldError[] }> {
    const how = checkHeader(rows);
    const models = await modelIndex();
    const errors: FieldError[] = [];
    const valid: ValidRow[] = [];
    const firstLine = new Map<string, number>();
    for (const { line, fields } of rows) {
      let modelId: number | undefined;
      if (how === 'names') {
        modelId = models.byName.get(
          `${(fields.manufacturer ?? '').toLowerCase()}\0${(fields.model ?? '').toLowerCase()}`,
        );
        if (modelId === undefined) {
          errors.push({
            line,
            path: 'model',
            message: `No model "${fields.model ?? ''}" by "${fields.manufacturer ?? ''}" is on file`,
          });
        }
      }
      const parsed = automobileCreateBody.safeParse({
        vin: fields.vin,
        color: fields.color,
        year: fields.year,
        model_id: how === 'id' ? fields.model_id : (modelId ?? 1),
        condition: fields.condition,
        odometer: fields.odometer,
        list_price: fields.list_price,
        acquired_at: fields.acquired_at,
        cost: fields.cost,
      });
      if (!parsed.success) {
        errors.push(...toFieldErrors(parsed.error).map((error) => ({ ...error, line })));
        continue;
      }
      const { vin, color, year, model_id, condition, odometer, list_price, acquired_at, cost } = parsed.data;
      if (how === 'id' && !models.ids.has(model_id)) {
        errors.push({ line, path: 'model_id', message: `No vehicle model has id ${model_id}` });
        continue;
      }
      const earlier = firstLine.get(vin);
      if (earlier !== undefined) {
        errors.push({ line, path: 'vin', message: `VIN ${vin} is also on line ${earlier}` });
        continue;
      }
      firstLine.set(vin, line);
      if (modelId !== undefined || how === 'id') {
        valid.push({
          line,
          vin,
          color,
          year,
          modelId: model_id,
          condition: condition ?? null,
          odometer: odometer ?? null,
          listPrice: moneyText(list_price),
          cost: moneyText(cost),
          acquiredAt: acquired_at ?? null,
        });
      }
    }
    const inStock = await queryRows<{ vin: string }>(
      db,
      sql`select vin from ${automobiles} where vin = any(${sql.param(valid.map((row) => row.vin))}::varchar[])`,
    );
    for (const { vin } of inStock) {
      errors.push({
        line: firstLine.get(vin) ?? 0,
        path: 'vin',
        message: `An automobile with VIN ${vin} is already in stock`,
      });
    }
    errors.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
    return { valid, errors };
  }

  return async function importCsv(
    text: unknown,
    dryRun: boolean,
    context: RequestContext,
  ): Promise<AutomobileImportResult> {
    const rows = readImportRows(text, 'cars');
    const { valid, errors } = await check(rows);
    if (errors.length > 0) throw refuseImport(errors);
    if (dryRun) return { created: 0, valid: valid.length, dry_run: true };
    const vins = valid.map((row) => row.vin);
    await audited(db, auditContext(context, { reason: 'imported from a CSV file' }), async (tx) => {
      // One statement for the cars, one for their feed entries: 10,000 rows in one round trip each.
      const column = <K extends keyof ValidRow>(key: K) => sql.param(valid.map((row) => row[key]));
      await tx.execute(sql`insert into ${automobiles}
          (vin, color, year, model_id, condition, odometer, list_price, cost, acquired_at)
        select vin, color, year, model_id, coalesce(condition, 'new'), coalesce(odometer, 0), list_price, cost,
          coalesce(acquired_at, now())
        from unnest(${sql.param(vins)}::varchar[], ${column('color')}::varchar[], ${column('year')}::smallint[],
          ${column('modelId')}::integer[], ${column('condition')}::varchar[], ${column('odometer')}::integer[],
          ${column('listPrice')}::numeric[], ${column('cost')}::numeric[], ${column('acquiredAt')}::timestamptz[])
          as row(vin, color, year, model_id, condition, odometer, list_price, cost, acquired_at)`);
      await recordChanges(tx, sql`${automobiles.vin} = any(${sql.param(vins)}::varchar[])`);
    }).catch(
      // Another import or a colleague added one of these VINs since the check.
      translatePgError({
        unique: { path: 'vin', message: 'A car in this file was added to stock meanwhile; check the file again' },
      }),
    );
    feedNotifier.notify();
    return { created: valid.length, valid: valid.length, dry_run: false };
  };
}

export type AutomobileImporter = ReturnType<typeof automobileImporter>;
