import { requiredText } from '@carcar/common/validation';
import { z } from 'zod';

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
export type CustomerInput = z.output<typeof customerBody>;

export interface CustomerJson {
  id: number;
  first_name: string;
  last_name: string;
  address: string;
  phone_number: string;
}

export function customerJson(row: {
  id: number;
  firstName: string;
  lastName: string;
  address: string;
  phoneNumber: string;
}): CustomerJson {
  return {
    id: row.id,
    first_name: row.firstName,
    last_name: row.lastName,
    address: row.address,
    phone_number: row.phoneNumber,
  };
}
