import { z } from 'zod';
import { vinSchema } from '../vin/schema.js';
import { moneyField } from './deal.js';
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

/** (sales desk) A car is sold new or used. */
export const automobileConditions = ['new', 'used'] as const;
export type AutomobileCondition = (typeof automobileConditions)[number];

/** An empty form field means "not given". */
const blankIsUnset = (value: unknown) => (value === '' ? undefined : value);

/**
 * The sales desk's fields (added; all optional, so a classic client never sends them): money in
 * dollars with at most 2 decimals, parsed to integer cents; `null` clears a price.
 */
const salesDeskFields = {
  condition: z.preprocess(blankIsUnset, z.enum(automobileConditions, { error: 'Choose new or used' }).optional()),
  odometer: z.preprocess(
    blankIsUnset,
    integerField(
      0,
      () => 10_000_000,
      () => 'Enter the odometer reading in whole miles, from 0 to 10,000,000',
    ).optional(),
  ),
  list_price: z.preprocess(blankIsUnset, moneyField('list price').nullable().optional()),
  cost: z.preprocess(blankIsUnset, moneyField('cost').nullable().optional()),
  acquired_at: z.preprocess(
    blankIsUnset,
    z.iso
      .datetime({ offset: true, error: 'Enter when the car was acquired as a date and time with an offset' })
      .optional(),
  ),
};

export const automobileCreateBody = z.object({
  color: requiredText(50, 'color'),
  year: yearField,
  vin: vinSchema,
  model_id: choiceField('Choose a vehicle model'),
  ...salesDeskFields,
});

export const automobileUpdateBody = z.object({
  color: requiredText(50, 'color').optional(),
  year: yearField.optional(),
  // The one definition of the sold flag, shared with the sales outbox's update.
  sold: soldUpdateBody.shape.sold.optional(),
  ...salesDeskFields,
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
  /** (sales desk) `new` unless said otherwise; a trade-in is `used`. */
  condition: AutomobileCondition;
  odometer: number;
  /** The asking price in dollars, or null. */
  list_price: number | null;
  /** When the dealership took the car into stock (its creation unless given). */
  acquired_at: string;
  /** UTC calendar days from `acquired_at`'s day to today's, computed when read. */
  days_in_stock: number;
  /**
   * What the dealership paid, in dollars, or null: present only for callers holding
   * `inventory.cost` (managers, administrators); the key is absent for everyone else.
   */
  cost?: number | null;
}

/** `GET /api/vins/:vin` answers a VIN's decoding. */
export type { VinDecoding } from '../vin/vin.js';
