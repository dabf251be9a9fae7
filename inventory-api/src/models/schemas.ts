import { modelCreateBody, modelUpdateBody } from '@carcar/common/contract/inventory';
import type { z } from 'zod';
import { type ManufacturerJson, manufacturerJson } from '../manufacturers/schemas.js';

export { modelCreateBody, modelUpdateBody };

export type ModelCreateInput = z.output<typeof modelCreateBody>;

export type ModelUpdateInput = z.output<typeof modelUpdateBody>;

export interface VehicleModelJson {
  href: string;
  id: number;
  name: string;
  picture_url: string;
  manufacturer: ManufacturerJson;
}

export function vehicleModelJson(
  model: { id: number; name: string; pictureUrl: string },
  manufacturer: { id: number; name: string },
): VehicleModelJson {
  return {
    href: `/api/models/${model.id}/`,
    id: model.id,
    name: model.name,
    picture_url: model.pictureUrl,
    manufacturer: manufacturerJson(manufacturer),
  };
}
