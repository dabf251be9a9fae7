import { z } from 'zod';
import { vinSchema } from '../vin/schema.js';
import { dealSchema, feesBody, financingBody, moneyField, rateField, tradeInBody } from './deal.js';
import { choiceField, formatNumber, optionalReason, requiredText } from './fields.js';
import { type StaffMember, staffMemberSchema } from './people.js';

// Request bodies and answers of the Sales API, shared with the browser app. A salesperson's body
// is `staffBody` from ./people.js, the same as a technician's.

/** Digits with an optional leading +, spaces, dashes, dots and parentheses; at least 7 digits. */
export const phoneNumber = z
  .string({ error: 'Enter the phone number' })
  .trim()
  .min(1, 'Enter the phone number')
  .min(7, 'A phone number has at least 7 characters')
  .max(20, 'A phone number has at most 20 characters')
  .regex(/^\+?[0-9 ().-]+$/, 'A phone number uses only digits, a leading +, spaces, dashes, dots and parentheses')
  .refine((value) => value.replace(/\D/g, '').length >= 7, 'A phone number has at least 7 digits');

export const customerBody = z.object({
  first_name: requiredText(100, 'first name'),
  last_name: requiredText(100, 'last name'),
  address: requiredText(200, 'address'),
  phone_number: phoneNumber,
});
export type CustomerInput = z.output<typeof customerBody>;

export const MAX_PRICE = 10_000_000;

const priceMessage = `Enter a price from 0 to ${formatNumber(MAX_PRICE)} with at most 2 decimals`;

/**
 * A price in dollars and cents, as a JSON number or a numeric string (classic forms post strings).
 * Checked as text, so float noise cannot sneak a third decimal in. Whatever is wrong, the one
 * message says what a price may be.
 */
export const priceField = z.union([z.number(), z.string().trim()], { error: priceMessage }).transform((value, ctx) => {
  const text = typeof value === 'number' ? String(value) : value;
  if (!/^\d+(\.\d{1,2})?$/.test(text) || Number(text) > MAX_PRICE) {
    ctx.addIssue({ code: 'custom', message: priceMessage });
    return z.NEVER;
  }
  return text;
});

/** At most 500 characters: why a sale was voided (`DELETE /api/sales/:id/`). */
export const MAX_VOID_REASON = 500;

/** `null` for an optional part of the deal means the same as leaving it out. */
const nullIsUnset = (value: unknown) => (value === null ? undefined : value);

export const saleCreateBody = z.object({
  automobile: vinSchema,
  salesperson: choiceField('Choose a salesperson'),
  customer: choiceField('Choose a customer'),
  price: priceField,
  // (sales desk) The deal around the price, all optional: a classic sale sends none of them.
  trade_in: z.preprocess(nullIsUnset, tradeInBody.optional()),
  fees: z.preprocess(nullIsUnset, feesBody.optional()),
  /** Percent; the dealership's `SALES_TAX_RATE` when left out. */
  tax_rate: z.preprocess(nullIsUnset, rateField('tax rate').optional()),
  down_payment: z.preprocess(nullIsUnset, moneyField('down payment').optional()),
  financing: z.preprocess(nullIsUnset, financingBody.optional()),
});
export type SaleInput = z.output<typeof saleCreateBody>;

/**
 * The optional reason of a void, as `?reason=` or JSON body `{"reason"}`: trimmed; empty means
 * none was given.
 */
export const saleVoidBody = z.object({
  reason: optionalReason('Enter the reason as text', MAX_VOID_REASON).transform((reason) => reason || undefined),
});
export type SaleVoidInput = z.output<typeof saleVoidBody>;

/** `GET /api/sales/?sort=`: what the list can be ordered by; `-` is descending. */
export const saleSorts = ['id', '-id', 'price', '-price'] as const;
export type SaleSort = (typeof saleSorts)[number];

// Response JSON of the Sales API: what the service answers and what the browser app reads. Each
// answer is a zod schema, declared on its route in ./routes.ts and checked against every answer the
// API tests get; the types are inferred from them, so type and schema cannot drift. Strict objects:
// an extra or misspelled key in an answer fails the check. Money is answered as it always was: a
// JSON number of dollars (the `numeric` column read with `Number`, or `centsToDollars`).

const id = z.number().int();
/** A timestamp as the API writes them: `2026-05-01T14:30:00.000Z` (UTC). */
const instant = z.iso.datetime();

/** `GET /api/salespeople/:id/`. */
export const salespersonSchema = staffMemberSchema;
export type Salesperson = StaffMember;

/** `GET /api/customers/:id/`. */
export const customerSchema = z.strictObject({
  id,
  first_name: z.string(),
  last_name: z.string(),
  address: z.string(),
  phone_number: z.string(),
});
export type Customer = z.infer<typeof customerSchema>;

/** A sale's `trade_in`: as the desk sent it, money in dollars. */
export const tradeInSchema = z.strictObject({
  vin: z.string(),
  year: z.number().int(),
  make: z.string(),
  model: z.string(),
  color: z.string().nullable(),
  odometer: z.number().int().min(0),
  allowance: z.number(),
  payoff: z.number().nullable(),
});
export type TradeIn = z.infer<typeof tradeInSchema>;

/** One of a sale's `fees`, the amount in dollars. */
export const saleFeeSchema = z.strictObject({ name: z.string(), amount: z.number() });

/** `GET /api/sales/:id/`: the sale with its car, salesperson and customer. */
export const saleSchema = z.strictObject({
  id,
  price: z.number(),
  /** (added) When the sale was recorded. */
  sold_at: instant,
  /** When the sale was voided; null for a live sale (only `?include_voided=true` shows voided ones). */
  voided_at: instant.nullable(),
  /** Why it was voided, if the person voiding it said; null otherwise. */
  void_reason: z.string().nullable(),
  automobile: z.strictObject({ vin: z.string(), sold: z.boolean() }),
  salesperson: salespersonSchema,
  customer: customerSchema,
  /** (sales desk) The trade-in as sent (money in dollars), or null. */
  trade_in: tradeInSchema.nullable(),
  /** (sales desk) The fees as sent; empty for none. */
  fees: z.array(saleFeeSchema),
  /** (sales desk) The deal's figures, by `computeDeal` (common/src/contract/deal.ts). */
  deal: dealSchema,
  /**
   * (sales desk) price − the car's cost, or null while its cost is unknown: present only for
   * callers holding `inventory.cost` (managers, administrators).
   */
  front_gross: z.number().nullable().optional(),
});
export type Sale = z.infer<typeof saleSchema>;

/** `GET /api/automobiles/`: a car in the sales service's copy of inventory. */
export const saleableCarSchema = z.strictObject({
  vin: z.string(),
  sold: z.boolean(),
  year: z.number().int(),
  color: z.string(),
  model: z.string(),
  manufacturer: z.string(),
});
export type SaleableCar = z.infer<typeof saleableCarSchema>;

/** `GET /api/salespeople/`. */
export const salespersonListSchema = z.strictObject({ salespeople: z.array(salespersonSchema) });
/** `GET /api/customers/`. */
export const customerListSchema = z.strictObject({ customers: z.array(customerSchema) });
/** `GET /api/sales/`. */
export const saleListSchema = z.strictObject({ sales: z.array(saleSchema) });
/** `GET /api/automobiles/` (sales-api): the local copy. */
export const saleableCarListSchema = z.strictObject({ autos: z.array(saleableCarSchema) });

/** `GET /api/deal-settings/`: the percent a sale is taxed at when it names none (`SALES_TAX_RATE`). */
export const dealSettingsSchema = z.strictObject({ tax_rate: z.number() });
export type DealSettings = z.infer<typeof dealSettingsSchema>;
