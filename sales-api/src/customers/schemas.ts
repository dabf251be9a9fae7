import { customerBody } from '@carcar/common/contract/sales';
import type { z } from 'zod';

export { customerBody };
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
