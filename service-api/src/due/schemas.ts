import { dueKinds, MAX_DUE_MONTHS } from '@carcar/common/contract/service';
import { pageQuery } from '@carcar/common/db/pagination';
import { z } from 'zod';

const monthsMessage = `Enter a whole number of months from 1 to ${MAX_DUE_MONTHS}`;

/** `GET /api/service-due/?kind=&months=`: without `months`, the service's `SERVICE_DUE_MONTHS`. */
export const dueListQuery = pageQuery.extend({
  kind: z.enum(dueKinds, { error: 'Choose a kind: overdue, sold_not_serviced or canceled' }).optional(),
  months: z.coerce
    .number({ error: monthsMessage })
    .int(monthsMessage)
    .min(1, monthsMessage)
    .max(MAX_DUE_MONTHS, monthsMessage)
    .optional(),
});
export type DueListQuery = z.output<typeof dueListQuery>;
