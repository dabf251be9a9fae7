import { z } from 'zod';
import { vinSchema } from '../vin/vin.js';
import { soldUpdateBody } from './feed.js';
import { choiceField, integerField, requiredText } from './fields.js';

// Request bodies of the Inventory API. The service validates with them and the browser app's forms
// do too, so this file (like all of contract/) imports no server code.

export const manufacturerBody = z.object({ name: requiredText(100, 'name') });

const pictureUrl = z
  .url({ protocol: /^https?$/, error: 'Enter a picture URL starting with http:// or https://' })
  .max(2000, 'The picture URL can be at most 2,000 characters');

export const modelCreateBody = z.object({
  name: requiredText(100, 'name'),
  // Optional (additive): a model without a picture is shown with a placeholder; an empty form field means none.
  picture_url: z.preprocess((value) => (value === '' ? undefined : value), pictureUrl.optional()),
  manufacturer_id: choiceField('Choose a manufacturer'),
});

export const modelUpdateBody = z.object({
  name: requiredText(100, 'name').optional(),
  picture_url: pictureUrl.optional(),
});

/** The newest model year a car can carry: next year's models go on sale this year. */
export const latestModelYear = () => new Date().getUTCFullYear() + 2;
const yearField = integerField(1900, latestModelYear, (latest) => `Enter a year from 1900 to ${latest}`);

export const automobileCreateBody = z.object({
  color: requiredText(50, 'color'),
  year: yearField,
  vin: vinSchema,
  model_id: choiceField('Choose a vehicle model'),
});

export const automobileUpdateBody = z.object({
  color: requiredText(50, 'color').optional(),
  year: yearField.optional(),
  // The one definition of the sold flag, shared with the sales outbox's update.
  sold: soldUpdateBody.shape.sold.optional(),
});

/** `GET /api/automobiles/?sort=`: what the stock can be ordered by; `-` is descending. */
export const automobileSorts = ['id', '-id', 'vin', 'year', '-year'] as const;
export type AutomobileSort = (typeof automobileSorts)[number];

// Response JSON of the Inventory API: what the service answers and what the browser app reads.

export interface Manufacturer {
  href: string;
  id: number;
  name: string;
}

export interface VehicleModel {
  href: string;
  id: number;
  name: string;
  picture_url: string;
  manufacturer: Manufacturer;
}

export interface Automobile {
  href: string;
  id: number;
  color: string;
  year: number;
  vin: string;
  model: VehicleModel;
  sold: boolean;
  /** (added) When inventory recorded the car: its arrival in stock. */
  created_at: string;
}

/** `GET /api/vins/:vin` answers a VIN's decoding. */
export type { VinDecoding } from '../vin/vin.js';
