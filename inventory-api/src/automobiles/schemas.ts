import { integerField } from '@carcar/common/contract/fields';
import {
  automobileConditions,
  automobileCreateBody,
  automobileSorts,
  automobileUpdateBody,
} from '@carcar/common/contract/inventory';
import { pageQuery } from '@carcar/common/db/pagination';
import { queryBoolean } from '@carcar/common/http/validation';
import { z } from 'zod';

export { automobileCreateBody, automobileUpdateBody };

export type AutomobileCreateInput = z.output<typeof automobileCreateBody>;

export type AutomobileUpdateInput = z.output<typeof automobileUpdateBody>;

/** `GET /api/automobiles/?sold=&q=&sort=`: the stock, sold or unsold, a search, in the order asked. */
export const automobileListQuery = pageQuery.extend({
  sold: queryBoolean.optional(),
  q: z.string().trim().max(100, 'A search can be at most 100 characters').optional(),
  sort: z.enum(automobileSorts, { error: `Sort by one of: ${automobileSorts.join(', ')}` }).default('id'),
  condition: z.enum(automobileConditions, { error: 'Choose new or used' }).optional(),
  /** Unsold cars in stock more than N days (`days_in_stock` > N). */
  aged_over: integerField(
    0,
    () => 100_000,
    () => 'Enter a whole number of days from 0 to 100,000',
  ).optional(),
});
export type AutomobileListQuery = z.output<typeof automobileListQuery>;
/** The list's query, and the UTC day it is read on (`aged_over` counts days up to it). */
export type StockQuery = AutomobileListQuery & { today: string };

/** `POST /api/automobiles/import/?dry_run=true`: check the file without writing. */
export const importQuery = z.object({ dry_run: queryBoolean.optional() });
