import { pageQuery } from '@carcar/common/pagination';
import { idField, integerField, requiredText } from '@carcar/common/validation';
import { normalizeVin, vinSchema } from '@carcar/common/vin';
import { z } from 'zod';
import { type AppointmentStatus, appointmentStatuses } from '../db/schema.js';
import type { TechnicianJson } from '../technicians/schemas.js';

export const appointmentCreateBody = z.object({
  date_time: z.iso.datetime({
    offset: true,
    error: 'must be an ISO 8601 date and time with a time zone offset, such as 2026-05-01T14:30:00-05:00',
  }),
  reason: requiredText(200),
  vin: vinSchema,
  customer: requiredText(100),
  technician: idField,
  duration_minutes: integerField(15, () => 480).default(60),
});
export type AppointmentCreateInput = z.output<typeof appointmentCreateBody>;

export const appointmentListQuery = pageQuery.extend({
  vin: z.string().max(17, 'must be at most 17 characters').transform(normalizeVin).optional(),
  status: z.enum(appointmentStatuses).optional(),
  technician: idField.optional(),
  date: z.iso.date({ error: 'must be a date as YYYY-MM-DD' }).optional(),
});
export type AppointmentListQuery = z.output<typeof appointmentListQuery>;

export interface AppointmentJson {
  id: number;
  date_time: string;
  duration_minutes: number;
  reason: string;
  status: AppointmentStatus;
  vin: string;
  customer: string;
  technician: TechnicianJson;
  vip: boolean;
}
