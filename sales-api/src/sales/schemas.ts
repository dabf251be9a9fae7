import { pageQuery } from '@carcar/common/pagination';
import { idField } from '@carcar/common/validation';
import { vinSchema } from '@carcar/common/vin';
import { z } from 'zod';
import type { CustomerJson } from '../customers/schemas.js';
import type { SalespersonJson } from '../salespeople/schemas.js';

export const MAX_PRICE = 10_000_000;

/**
 * A price in dollars and cents, as a JSON number or a numeric string (classic forms post strings).
 * Checked as text, so 0.1 + 0.2 style float noise cannot sneak a third decimal in.
 */
export const priceField = z
  .union([z.number(), z.string().trim()], { error: 'must be a number' })
  .transform((value, ctx) => {
    const text = typeof value === 'number' ? String(value) : value;
    if (!/^\d+(\.\d{1,2})?$/.test(text)) {
      ctx.addIssue({ code: 'custom', message: 'must be a non-negative amount with at most 2 decimals' });
      return z.NEVER;
    }
    if (Number(text) > MAX_PRICE) {
      ctx.addIssue({ code: 'custom', message: `must be at most ${MAX_PRICE}` });
      return z.NEVER;
    }
    return text;
  });

export const saleCreateBody = z.object({
  automobile: vinSchema,
  salesperson: idField,
  customer: idField,
  price: priceField,
});
export type SaleCreateInput = z.output<typeof saleCreateBody>;

export const saleListQuery = pageQuery.extend({
  salesperson: idField.optional(),
  customer: idField.optional(),
});
export type SaleListQuery = z.output<typeof saleListQuery>;

export interface SaleJson {
  id: number;
  price: number;
  automobile: { vin: string; sold: boolean };
  salesperson: SalespersonJson;
  customer: CustomerJson;
}
