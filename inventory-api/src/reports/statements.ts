import type { InventoryAgingRow } from '@carcar/common/contract/reports';
import type { Db } from '@carcar/common/db/database';
import { prepareRows } from '@carcar/common/db/statements';
import { sql } from 'drizzle-orm';
import { automobiles, manufacturers, vehicleModels } from '../db/schema.js';

const placeholder = (name: string) => sql.placeholder(name);
const from = sql`${placeholder('from')}::date`;
const to = sql`${placeholder('to')}::date`;

export function inventoryReportStatements(db: Db) {
  // One statement: the unsold cars in arrival order, read from `automobiles_unsold_created_at_idx`.
  // Inventory keeps no dealership time zone, so the arrival days of `?from=&to=` are UTC days.
  const aging = prepareRows<InventoryAgingRow, { from: string | null; to: string | null }>(
    db,
    'inventory_report_aging',
    sql`select car.vin, car.year, car.color, maker.name as manufacturer, model.name as model,
        to_char(car.created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as arrived_at,
        floor(extract(epoch from now() - car.created_at) / 86400)::int as days_in_stock
      from ${automobiles} as car
      join ${vehicleModels} as model on model.id = car.model_id
      join ${manufacturers} as maker on maker.id = model.manufacturer_id
      where not car.sold
        and (${from} is null or car.created_at >= (${from}::timestamp at time zone 'UTC'))
        and (${to} is null or car.created_at < ((${to} + 1)::timestamp at time zone 'UTC'))
      order by car.created_at, car.id`,
  );
  return { aging };
}
