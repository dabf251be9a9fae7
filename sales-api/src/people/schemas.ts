import { customerBody } from '@carcar/common/contract/sales';
import { pageQuery } from '@carcar/common/db/pagination';
import { normalizeVin } from '@carcar/common/vin/vin';
import { z } from 'zod';

/** `PUT /api/customers/:id/`: any of the fields, each checked as on create. */
export const customerUpdateBody = customerBody.partial();

/**
 * `GET /api/customers/?q=`: part of a name or a phone number, ignoring case. `?vin=`: the buyer of
 * that car in its live sale (none when it is unsold or its sale was voided), for service's call
 * list, whose advisors read customers but not sales.
 */
export const customerListQuery = pageQuery.extend({
  q: z.string().trim().max(100, 'The search can be at most 100 characters').optional(),
  vin: z.string().max(17, 'A VIN has 17 characters').transform(normalizeVin).optional(),
});
export type CustomerFilter = Pick<z.output<typeof customerListQuery>, 'q' | 'vin'>;
