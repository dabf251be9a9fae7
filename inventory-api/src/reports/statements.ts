import type { InventoryAgingRow } from '@carcar/common/contract/reports';
import type { Db } from '@carcar/common/db/database';
import { prepareRows } from '@carcar/common/db/statements';
import { sql } from 'drizzle-orm';
import { automobiles, manufacturers, vehicleModels } from '../db/schema.js';

const placeholder = (name: string) => sql.placeholder(name);
const from = sql`${placeholder('from')}::date`;
const to = sql`${placeholder('to')}::date`;

export function inventoryReportStatements(db: Db) {
  // One statement: the unsold cars in the order the dealership took them in, read from
  // `automobiles_unsold_acquired_at_idx`. A car's time in stock starts at `acquired_at` (a used car
  // bought last year and entered today has been in stock since last year), and its days are the
  // automobile JSON's `days_in_stock` (UTC calendar days), so the report and the car agree.
  // Inventory keeps no dealership time zone, so the days of `?from=&to=` are UTC days.
  const aging = prepareRows<InventoryAgingRow, { from: string | null; to: string | null }>(
    db,
    'inventory_report_aging',
    sql`select car.vin, car.year, car.color, maker.name as manufacturer, model.name as model,
        to_char(car.acquired_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as arrived_at,
        greatest(0, (now() at time zone 'UTC')::date - (car.acquired_at at time zone 'UTC')::date)::int as days_in_stock
      from ${automobiles} as car
      join ${vehicleModels} as model on model.id = car.model_id
      join ${manufacturers} as maker on maker.id = model.manufacturer_id
      where not car.sold
        and (${from} is null or car.acquired_at >= (${from}::timestamp at time zone 'UTC'))
        and (${to} is null or car.acquired_at < ((${to} + 1)::timestamp at time zone 'UTC'))
      order by car.acquired_at, car.id`,
  );
  return { aging };
}
