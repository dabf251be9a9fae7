import { choiceField } from '@carcar/common/contract/fields';
import { saleSorts, saleVoidBody } from '@carcar/common/contract/sales';
import { pageQuery } from '@carcar/common/db/pagination';
import { queryBoolean } from '@carcar/common/http/validation';
import { normalizeVin } from '@carcar/common/vin/vin';
import { z } from 'zod';

const includeVoided = queryBoolean.optional().transform((value) => value === true);

/**
 * `GET /api/sales/`: a salesperson's, a customer's or a car's sales, a search (`q`: VIN, customer
 * or salesperson name), voided ones too if asked, in the order asked.
 */
export const saleListQuery = pageQuery.extend({
  salesperson: choiceField('Choose a salesperson').optional(),
  customer: choiceField('Choose a customer').optional(),
  vin: z.string().max(17, 'A VIN has 17 characters').transform(normalizeVin).optional(),
  q: z
    .string()
    .trim()
    .max(100, 'A search can be at most 100 characters')
    .transform((q) => q || undefined)
    .optional(),
  include_voided: includeVoided,
  sort: z.enum(saleSorts, { error: `Sort by one of: ${saleSorts.join(', ')}` }).default('id'),
});
export type SaleListQuery = z.output<typeof saleListQuery>;

/** `GET /api/sales/:id/?include_voided=true`: a voided sale too. */
export const saleGetQuery = z.object({ include_voided: includeVoided });

/** `DELETE /api/sales/:id/?reason=`: the reason may come in the query string as well as the body. */
export const saleVoidQuery = saleVoidBody;
