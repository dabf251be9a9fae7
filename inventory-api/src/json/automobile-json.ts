import { inventoryRoutes } from '@carcar/common/contract/routes';
import { hrefSql } from '@carcar/common/db/href';
import { type SQL, type SQLWrapper, sql } from 'drizzle-orm';
import { automobiles, manufacturers, vehicleModels } from '../db/schema.js';
import type { StoredAutomobile } from './present.js';

/** The automobile columns the JSON is made of: the table's, or a query's that selected them. */
export interface AutomobileColumns {
  id: SQLWrapper;
  vin: SQLWrapper;
  color: SQLWrapper;
  year: SQLWrapper;
  sold: SQLWrapper;
  createdAt: SQLWrapper;
  condition: SQLWrapper;
  odometer: SQLWrapper;
  listPrice: SQLWrapper;
  cost: SQLWrapper;
  acquiredAt: SQLWrapper;
}

/**
 * An automobile's contract JSON, built by Postgres from `car` joined to its model and manufacturer,
 * so API reads and feed entries are the same document. It holds `cost` and lacks `days_in_stock`:
 * `presentAutomobile` (./present.ts) adds the one and takes out the other for who is asking.
 */
export function automobileJsonOf(car: AutomobileColumns): SQL<StoredAutomobile> {
  return sql<StoredAutomobile>`json_build_object(
  'href', ${hrefSql(inventoryRoutes.automobiles.get, car.vin)}, 'id', ${car.id}, 'color', ${car.color},
  'year', ${car.year}, 'vin', ${car.vin},
  'model', json_build_object(
    'href', ${hrefSql(inventoryRoutes.models.get, vehicleModels.id)}, 'id', ${vehicleModels.id}, 'name', ${vehicleModels.name},
    'picture_url', ${vehicleModels.pictureUrl},
    'manufacturer', json_build_object(
      'href', ${hrefSql(inventoryRoutes.manufacturers.get, manufacturers.id)}, 'id', ${manufacturers.id}, 'name', ${manufacturers.name})),
  'sold', ${car.sold}, 'created_at', to_char(${car.createdAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
  'condition', ${car.condition}, 'odometer', ${car.odometer}, 'list_price', ${car.listPrice},
  'acquired_at', to_char(${car.acquiredAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), 'cost', ${car.cost})`;
}

/** The JSON of the automobile rows of `automobilesJoined`. */
export const automobileJson = automobileJsonOf(automobiles);

/** Automobiles with the model and manufacturer their JSON carries. */
export const automobilesJoined = sql`${automobiles}
  join ${vehicleModels} on ${vehicleModels.id} = ${automobiles.modelId}
  join ${manufacturers} on ${manufacturers.id} = ${vehicleModels.manufacturerId}`;
