import { idField } from '@carcar/common/contract/fields';
import { appointmentCreateBody } from '@carcar/common/contract/service';
import { pageQuery } from '@carcar/common/http/list';
import { normalizeVin } from '@carcar/common/vin/vin';
import { z } from 'zod';
import { type AppointmentStatus, appointmentStatuses } from '../db/schema.js';
import type { TechnicianJson } from '../technicians/schemas.js';

export { appointmentCreateBody };
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
