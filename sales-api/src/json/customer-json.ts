import type { Customer } from '@carcar/common/contract/sales';
import type { customers } from '../db/schema.js';

/** A customer row as the contract's JSON: used by the customers' routes and inside every sale. */
export function customerJson(row: typeof customers.$inferSelect): Customer {
  return {
    id: row.id,
    first_name: row.firstName,
    last_name: row.lastName,
    address: row.address,
    phone_number: row.phoneNumber,
  };
}
