import { idField, requiredText } from '@carcar/common/validation';
import { z } from 'zod';
import { type ManufacturerJson, manufacturerJson } from '../manufacturers/schemas.js';

const pictureUrl = z
  .url({ protocol: /^https?$/, error: 'must be an http(s) URL' })
  .max(2000, 'must be at most 2000 characters');

export const modelCreateBody = z.object({
  name: requiredText(100),
  picture_url: pictureUrl,
  manufacturer_id: idField,
});
export type ModelCreateInput = z.output<typeof modelCreateBody>;

export const modelUpdateBody = z.object({
  name: requiredText(100).optional(),
  picture_url: pictureUrl.optional(),
});
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
