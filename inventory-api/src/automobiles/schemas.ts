import { automobileCreateBody, automobileUpdateBody, latestModelYear } from '@carcar/common/contract/inventory';
import { pageQuery } from '@carcar/common/http/list';
import { queryBoolean } from '@carcar/common/http/validation';
import { z } from 'zod';
import type { VehicleModelJson } from '../models/schemas.js';

export { automobileCreateBody, automobileUpdateBody, latestModelYear };

export type AutomobileCreateInput = z.output<typeof automobileCreateBody>;

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
