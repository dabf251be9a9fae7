import { lineCreateBody, lineKinds } from '@carcar/common/contract/repair-orders';
import { z } from 'zod';

/**
 * `POST /api/repair-orders/:id/inspection/:item/line/`: a line's fields, all optional. The kind is
 * labor unless given; the description is the finding's; labor hours default to DEFAULT_FINDING_HOURS.
 */
export const inspectionLineBody = lineCreateBody.extend({
  kind: z.enum(lineKinds, { error: 'Choose a kind: labor, part or fee' }).default('labor'),
});
export type InspectionLineInput = z.output<typeof inspectionLineBody>;
