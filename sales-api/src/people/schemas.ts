import { customerBody } from '@carcar/common/contract/sales';
import { pageQuery } from '@carcar/common/http/list';
import { z } from 'zod';

/** `PUT /api/customers/:id/`: any of the fields, each checked as on create. */
export const customerUpdateBody = customerBody.partial();

/** `GET /api/customers/?q=`: part of a name or a phone number, ignoring case. */
export const customerListQuery = pageQuery.extend({
  q: z.string().trim().max(100, 'The search can be at most 100 characters').optional(),
});
export type CustomerFilter = Pick<z.output<typeof customerListQuery>, 'q'>;
