import { z } from 'zod';
import { vinSchema } from '../vin/vin.js';
import { idField, integerField, requiredText } from './fields.js';

// Request bodies of the Service API, shared with the browser app's forms.

export const technicianBody = z.object({
  first_name: requiredText(100),
  last_name: requiredText(100),
  employee_id: requiredText(50),
});

export const appointmentStatuses = ['created', 'canceled', 'finished'] as const;
export type AppointmentStatus = (typeof appointmentStatuses)[number];

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
