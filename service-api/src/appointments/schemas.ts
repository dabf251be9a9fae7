import { idField } from '@carcar/common/contract/fields';
import { appointmentSorts, appointmentStatuses, dateTimeField } from '@carcar/common/contract/service';
import { pageQuery } from '@carcar/common/db/pagination';
import { normalizeVin } from '@carcar/common/vin/vin';
import { z } from 'zod';

/**
 * `?vin=` is a car's service history (all statuses); `?date=` a day on the dealership's wall clock;
 * `?from=&to=` a range of start times (with an offset, or on the dealership's clock); `?q=` words
 * in the VIN, customer, reason or technician's name. Without `?sort=` the newest come first, as
 * the classic list always answered.
 */
export const appointmentListQuery = pageQuery.extend({
  vin: z.string().max(17, 'A VIN has at most 17 characters').transform(normalizeVin).optional(),
  status: z.enum(appointmentStatuses, { error: 'Choose a status: created, canceled or finished' }).optional(),
  technician: idField.optional(),
  date: z.iso.date({ error: 'Enter a date such as 2026-12-03' }).optional(),
  from: dateTimeField.optional(),
  to: dateTimeField.optional(),
  q: z.string().trim().max(100, 'The search can be at most 100 characters').optional(),
  sort: z.enum(appointmentSorts, { error: 'Sort by id, -id, date_time or -date_time' }).optional(),
});
export type AppointmentListQuery = z.output<typeof appointmentListQuery>;

/** `?reason=` of `PUT /api/appointments/:id/cancel/`, for clients that send no body. */
export const cancelQuery = z.object({
  reason: z.string().trim().max(500, 'The reason can be at most 500 characters').optional(),
});
