import { idField } from '@carcar/common/contract/fields';
import { repairOrderStatuses } from '@carcar/common/contract/repair-orders';
import { pageQuery } from '@carcar/common/db/pagination';
import { normalizeVin } from '@carcar/common/vin/vin';
import { z } from 'zod';

/**
 * `GET /api/repair-orders/`: `?vin=` is the car's service history (every status), `?status=`,
 * `?technician=` (orders with a line assigned to them), `?q=` words in the VIN, customer's name,
 * phone or email, or the concern; newest first.
 */
export const repairOrderListQuery = pageQuery.extend({
  vin: z.string().max(17, 'A VIN has at most 17 characters').transform(normalizeVin).optional(),
  status: z.enum(repairOrderStatuses, { error: `Choose a status: ${repairOrderStatuses.join(', ')}` }).optional(),
  technician: idField.optional(),
  q: z.string().trim().max(100, 'The search can be at most 100 characters').optional(),
});
export type RepairOrderListQuery = z.output<typeof repairOrderListQuery>;

/** `?reason=` of `DELETE /api/repair-orders/:id/`, for clients that send no body. */
export const voidQuery = z.object({
  reason: z.string().trim().max(500, 'The reason can be at most 500 characters').optional(),
});
