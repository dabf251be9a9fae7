import { z } from 'zod';
import { vinSchema } from '../vin/schema.js';
import type { VinDecoding } from '../vin/vin.js';
import { moneyField } from './deal.js';
import { type FeedPage, soldUpdateBody } from './feed.js';
import { choiceField, integerField, requiredText } from './fields.js';
import type { SameType } from './same-type.js';

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

// Response JSON of the Inventory API: what the service answers and what the browser app reads. Each
// answer is a zod schema, declared on its route in ./routes.ts and checked against every answer the
// API tests get; the types are inferred from them, so type and schema cannot drift. Strict objects:
// an extra or misspelled key in an answer fails the check.

const id = z.number().int();
/** A timestamp as the API writes them: `2026-05-01T14:30:00.000Z` (UTC). */
const instant = z.iso.datetime();

export const manufacturerSchema = z.strictObject({
  href: z.string(),
  id,
  name: z.string(),
});
export type Manufacturer = z.infer<typeof manufacturerSchema>;

export const vehicleModelSchema = z.strictObject({
  href: z.string(),
  id,
  name: z.string(),
  /** Empty when the model has no picture. */
  picture_url: z.string(),
  manufacturer: manufacturerSchema,
});
export type VehicleModel = z.infer<typeof vehicleModelSchema>;

export const automobileSchema = z.strictObject({
  href: z.string(),
  id,
  color: z.string(),
  year: z.number().int(),
  vin: z.string(),
  model: vehicleModelSchema,
  sold: z.boolean(),
  /** (added) When inventory recorded the car: its arrival in stock. */
  created_at: instant,
  /** (sales desk) `new` unless said otherwise; a trade-in is `used`. */
  condition: z.enum(automobileConditions),
  odometer: z.number().int().min(0),
  /** The asking price in dollars, or null. */
  list_price: z.number().nullable(),
  /** When the dealership took the car into stock (its creation unless given). */
  acquired_at: instant,
  /** UTC calendar days from `acquired_at`'s day to today's, computed when read. */
  days_in_stock: z.number().int().min(0),
  /**
   * What the dealership paid, in dollars, or null: present only for callers holding
   * `inventory.cost` (managers, administrators); the key is absent for everyone else.
   */
  cost: z.number().nullable().optional(),
});
export type Automobile = z.infer<typeof automobileSchema>;

/** `GET /api/manufacturers/`. */
export const manufacturerListSchema = z.strictObject({ manufacturers: z.array(manufacturerSchema) });
/** `GET /api/models/`. */
export const vehicleModelListSchema = z.strictObject({ models: z.array(vehicleModelSchema) });
/** `GET /api/automobiles/`. */
export const automobileListSchema = z.strictObject({ autos: z.array(automobileSchema) });

/**
 * `GET /api/automobiles/changes/` as inventory answers it: each entry the automobile's JSON (with
 * `cost` for sales' credential only), its place in the feed and whether it was deleted. The pollers
 * read it with the looser `feedPageSchema` (./feed.ts), which lets inventory add keys; the check
 * below keeps every answer readable by them.
 */
export const feedEntryAnswerSchema = automobileSchema.extend({ seq: z.number().int(), deleted: z.boolean() }).strict();
export const feedPageAnswerSchema = z.strictObject({ changes: z.array(feedEntryAnswerSchema), next: z.number().int() });
export type FeedPageAnswer = z.infer<typeof feedPageAnswerSchema>;
true satisfies FeedPageAnswer extends FeedPage ? true : false;

/** `POST /api/automobiles/import/`: what a spreadsheet of new stock did (nothing was written on a dry run). */
export const automobileImportResultSchema = z.strictObject({
  /** Cars written: 0 on a dry run. */
  created: z.number().int().min(0),
  /** Rows that passed every check (on a dry run, what an import would create). */
  valid: z.number().int().min(0),
  dry_run: z.boolean(),
});
export type AutomobileImportResult = z.infer<typeof automobileImportResultSchema>;

/** `GET /api/vins/:vin/` answers a VIN's decoding. */
export type { VinDecoding } from '../vin/vin.js';

const vinRegions = ['North America', 'Oceania', 'South America', 'Africa', 'Asia', 'Europe'] as const;

/** The decoding's schema; its type stays `VinDecoding` (../vin/vin.ts, which computes it), checked equal. */
export const vinDecodingSchema = z.strictObject({
  vin: z.string(),
  valid: z.boolean(),
  check_digit_ok: z.boolean(),
  expected_check_digit: z.string().nullable(),
  wmi: z.string().nullable(),
  region: z.enum(vinRegions).nullable(),
  country: z.string().nullable(),
  model_years: z.array(z.number().int()),
  problems: z.array(z.string()),
});
true satisfies SameType<z.infer<typeof vinDecodingSchema>, VinDecoding>;
