import { pageQuery } from '@carcar/common/db/pagination';
import { queryBoolean } from '@carcar/common/http/validation';
import { normalizeVin } from '@carcar/common/vin/vin';
import { z } from 'zod';

/** `?sold=false`: the cars that can be sold; `?vin=`: one car, to see whether it has arrived. */
export const automobileListQuery = pageQuery.extend({
  sold: queryBoolean.optional(),
  vin: z.string().max(17, 'must be at most 17 characters').transform(normalizeVin).optional(),
});
