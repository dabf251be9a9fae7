import { z } from 'zod';
import { vinSchema } from '../vin/vin.js';
import { idField, requiredText } from './fields.js';

// Request bodies of the Sales API, shared with the browser app's forms.

export const salespersonBody = z.object({
  first_name: requiredText(100),
  last_name: requiredText(100),
  employee_id: requiredText(50),
});

/** Digits with an optional leading +, spaces, dashes, dots and parentheses; at least 7 digits. */
export const phoneNumber = z
  .string()
  .trim()
  .min(7, 'must be at least 7 characters')
  .max(20, 'must be at most 20 characters')
  .regex(/^\+?[0-9 ().-]+$/, 'may contain only digits, a leading +, spaces, dashes, dots and parentheses')
  .refine((value) => value.replace(/\D/g, '').length >= 7, 'must contain at least 7 digits');

export const customerBody = z.object({
  first_name: requiredText(100),
  last_name: requiredText(100),
  address: requiredText(200),
  phone_number: phoneNumber,
});

export const MAX_PRICE = 10_000_000;

/**
 * A price in dollars and cents, as a JSON number or a numeric string (classic forms post strings).
 * Checked as text, so float noise cannot sneak a third decimal in.
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
