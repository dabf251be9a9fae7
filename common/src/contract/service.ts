import { z } from 'zod';
import { vinSchema } from '../vin/schema.js';
import { choiceField, integerField, optionalReason, requiredText } from './fields.js';
import type { StaffMember } from './people.js';

// Request bodies and answers of the Service API, shared with the browser app. A technician's body
// is `staffBody` from ./people.js, the same as a salesperson's.

export const appointmentStatuses = ['created', 'canceled', 'finished'] as const;
export type AppointmentStatus = (typeof appointmentStatuses)[number];

/** `GET /api/appointments/?sort=`: by id or by start time, `-` for descending. */
export const appointmentSorts = ['id', '-id', 'date_time', '-date_time'] as const;
export type AppointmentSort = (typeof appointmentSorts)[number];

/** The shortest and longest appointment, in minutes. */
export const MIN_DURATION_MINUTES = 15;
export const MAX_DURATION_MINUTES = 480;

/** How far in the past a booking may start (a car that just drove in), in minutes. */
export const BOOKING_GRACE_MINUTES = 15;

/**
 * A date and time, either an instant with its offset (`2026-12-03T15:00:00Z`,
 * `2026-12-03T09:00:00-06:00`) or the dealership's wall clock without one (`2026-12-03T09:00`, what
 * `<input type="datetime-local">` gives). Only the form is checked here, so the schema stays
 * browser-safe; the Service API reads a wall-clock time in its `TIMEZONE`.
 */
export const dateTimeField = z.iso.datetime({
  offset: true,
  local: true,
  error: 'Enter a date and time, such as 2026-12-03T09:00',
});

export const appointmentCreateBody = z.object({
  date_time: dateTimeField,
  reason: z
    .string({ error: 'Say what the appointment is for' })
    .trim()
    .min(1, 'Say what the appointment is for')
    .max(200, 'The reason can be at most 200 characters'),
  vin: vinSchema,
  customer: requiredText(100, "customer's name"),
  technician: choiceField('Choose a technician'),
  duration_minutes: integerField(
    MIN_DURATION_MINUTES,
    () => MAX_DURATION_MINUTES,
    () => `An appointment lasts from ${MIN_DURATION_MINUTES} to ${MAX_DURATION_MINUTES} minutes, in whole minutes`,
  ).default(60),
});
export type AppointmentInput = z.output<typeof appointmentCreateBody>;

/** `PUT /api/appointments/:id/cancel/`: why, optionally (also accepted as `?reason=`). */
export const appointmentCancelBody = z.object({
  reason: optionalReason('Say in words why the appointment is canceled'),
});

/** `GET /api/technicians/:id/`. */
export type Technician = StaffMember;

/** `GET /api/appointments/:id/`. */
export interface Appointment {
  id: number;
  /** ISO 8601 with an offset. */
  date_time: string;
  duration_minutes: number;
  reason: string;
  status: AppointmentStatus;
  vin: string;
  customer: string;
  technician: Technician;
  /** The car was ever in the dealership's inventory; computed on every read. */
  vip: boolean;
  /** Why it was canceled, when the advisor said; null otherwise. */
  cancel_reason: string | null;
}

/** The 409 of `POST /api/appointments/` when the technician is already booked then. */
export interface BookingConflictBody {
  /** "<technician> is already booked from 10:00 to 11:00 on Tue 1 Dec 2026 for Jane Doe (Oil change). ..." */
  message: string;
  code: 'conflict';
  errors: Array<{ path: 'date_time'; message: string }>;
  /** The appointment in the way; null when it was canceled meanwhile. */
  conflicting_appointment: Appointment | null;
  /** The earliest start at or after the requested one when the technician is free for the whole duration. */
  next_free: string;
}

/**
 * Why a car is on the due-for-service list (`GET /api/service-due/`): its last finished service is
 * older than the interval; it was sold here and has not been serviced since; or its last
 * appointment was canceled and nothing was booked or done after it.
 */
export const dueKinds = ['overdue', 'sold_not_serviced', 'canceled'] as const;
export type DueKind = (typeof dueKinds)[number];

/** The longest interval `?months=` (and `SERVICE_DUE_MONTHS`) may ask for. */
export const MAX_DUE_MONTHS = 60;

/** One car of `GET /api/service-due/`. */
export interface DueCar {
  vin: string;
  kind: DueKind;
  /** The customer's name on the appointment that put the car here; null for a sold car (sales knows its buyer). */
  customer: string | null;
  /** Start of the latest finished appointment, ISO 8601; null when never serviced here. */
  last_service_at: string | null;
  /** When service learned the car was sold (null: not sold here, or sold before that was recorded). */
  sold_at: string | null;
  /** From when the car counts as due, for ordering; null when unknown. */
  due_since: string | null;
  /** The canceled appointment (kind `canceled` only). */
  canceled_appointment: { id: number; date_time: string; reason: string; cancel_reason: string | null } | null;
  /** The car as inventory had it; null for an outside car. */
  car: { year: number; color: string; model: string; manufacturer: string } | null;
}
