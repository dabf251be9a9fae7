import type { Manufacturer, VehicleModel } from '@carcar/common/contract/inventory';
import { inventoryRoutes, pathTo } from '@carcar/common/contract/routes';

// The contract JSON of manufacturers and models, built from their rows. Shared by both features,
// since a model's JSON carries its manufacturer's.

export function manufacturerJson(row: { id: number; name: string }): Manufacturer {
  return { href: pathTo(inventoryRoutes.manufacturers.get, { id: row.id }), id: row.id, name: row.name };
}

export function vehicleModelJson(
  model: { id: number; name: string; pictureUrl: string },
  manufacturer: { id: number; name: string },
): VehicleModel {
  return {
    href: pathTo(inventoryRoutes.models.get, { id: model.id }),
    id: model.id,
    name: model.name,
    picture_url: model.pictureUrl,
    manufacturer: manufacturerJson(manufacturer),
  };
}
