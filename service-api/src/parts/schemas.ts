import { pageQuery } from '@carcar/common/db/pagination';
import { queryBoolean } from '@carcar/common/http/validation';
import { z } from 'zod';

/** `GET /api/parts/`: `?q=` a number or description contains it; `?low=true` at or under the reorder point. */
export const partListQuery = pageQuery.extend({
  q: z.string().trim().max(100, 'Search for at most 100 characters').optional(),
  low: queryBoolean.optional(),
});

/** `GET /api/parts/:number/movements/`: a page, newest first. */
export const movementListQuery = pageQuery;
