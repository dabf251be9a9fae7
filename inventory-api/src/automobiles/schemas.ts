import { pageQuery } from '@carcar/common/pagination';
import { idField, integerField, queryBoolean, requiredText } from '@carcar/common/validation';
import { vinSchema } from '@carcar/common/vin';
import { z } from 'zod';
import type { VehicleModelJson } from '../models/schemas.js';

/** The newest model year a car can carry: next year's models go on sale this year. */
export const latestModelYear = () => new Date().getUTCFullYear() + 2;
const yearField = integerField(1900, latestModelYear);

export const automobileCreateBody = z.object({
  color: requiredText(50),
  year: yearField,
  vin: vinSchema,
  model_id: idField,
});
export type AutomobileCreateInput = z.output<typeof automobileCreateBody>;

export const automobileUpdateBody = z.object({
  color: requiredText(50).optional(),
  year: yearField.optional(),
  sold: z.boolean({ error: 'must be true or false' }).optional(),
});
export type AutomobileUpdateInput = z.output<typeof automobileUpdateBody>;

export const automobileListQuery = pageQuery.extend({
  sold: queryBoolean.optional(),
  q: z.string().trim().max(100).optional(),
});
export type AutomobileListQuery = z.output<typeof automobileListQuery>;

export const changesQuery = z.object({
  after: z.coerce.number().int().min(0).max(Number.MAX_SAFE_INTEGER).default(0),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  wait: z.coerce.number().min(0).max(30).default(0),
});

export interface AutomobileJson {
  href: string;
  id: number;
  color: string;
  year: number;
  vin: string;
  model: VehicleModelJson;
  sold: boolean;
}

export interface AutomobileChangeJson extends AutomobileJson {
  seq: number;
  deleted: boolean;
}
