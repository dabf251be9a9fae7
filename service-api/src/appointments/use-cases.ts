import { can } from '@carcar/common/contract/permissions';
import {
  type Appointment,
  type AppointmentInput,
  type AppointmentStatus,
  BOOKING_GRACE_MINUTES,
} from '@carcar/common/contract/service';
import { formatDay, formatTime, toInstant } from '@carcar/common/contract/time-zone';
import type { RequestContext } from '@carcar/common/db/audit';
import { auditContext } from '@carcar/common/db/audit';
import type { Db } from '@carcar/common/db/database';
import { containing } from '@carcar/common/db/like';
import type { Paged } from '@carcar/common/db/pagination';
import { translatePgError } from '@carcar/common/db/pg-errors';
import { staffJson } from '@carcar/common/db/table-repository';
import { AppError, conflict, invalidField, notFound } from '@carcar/common/errors';
import { assertOwn } from '@carcar/common/http/authorize';
import type { AppointmentListQuery } from './schemas.js';
import { type AppointmentListParams, type AppointmentRow, appointmentStatements } from './statements.js';

function appointmentJson({ appointment: a, technician, vip }: AppointmentRow): Appointment {
  return {
    id: a.id,
    date_time: a.dateTime.toISOString(),
    duration_minutes: a.durationMinutes,
    reason: a.reason,
    status: a.status,
    vin: a.vin,
    customer: a.customer,
    technician: staffJson(technician),
    vip,
    cancel_reason: a.cancelReason,
  };
}

/** What service advisors do with appointments: book, look up, cancel, finish, delete. */
export function appointmentUseCases(db: Db, timezone: string) {
  const statements = appointmentStatements(db, timezone);

  async function get(id: number): Promise<Appointment> {
    const row = await statements.findById(id);
    if (!row) throw notFound();
    return appointmentJson(row);
  }

  /** "10:00" on the same day, "10:00 on Wed 2 Dec 2026" on another. */
  function timeOn(instant: Date, day: string): string {
    const time = formatTime(instant, timezone);
    const otherDay = formatDay(instant, timezone);
    return otherDay === day ? time : `${time} on ${otherDay}`;
  }

  /**
   * The 409 of a double booking: who is in the way, when (on the dealership's clock) and when the
   * technician is next free for as long as the new appointment needs.
   */
  async function doubleBooked(technicianId: number, start: Date, minutes: number): Promise<AppError> {
    const end = new Date(start.getTime() + minutes * 60_000);
    const [overlap, nextFree] = await Promise.all([
      statements.findOverlap(technicianId, start, end),
      statements.nextFree(technicianId, start, minutes),
    ]);
    const existing = overlap && appointmentJson(overlap);
    let message: string;
    if (existing) {
      const from = new Date(existing.date_time);
      const to = new Date(from.getTime() + existing.duration_minutes * 60_000);
      const day = formatDay(from, timezone);
      const endDay = formatDay(to, timezone);
      const span =
        endDay === day
          ? `from ${formatTime(from, timezone)} to ${formatTime(to, timezone)} on ${day}`
          : `from ${formatTime(from, timezone)} on ${day} to ${formatTime(to, timezone)} on ${endDay}`;
      const name = `${existing.technician.first_name} ${existing.technician.last_name}`;
      message =
        `${name} is already booked ${span} for ${existing.customer} (${existing.reason}).` +
        ` They are next free at ${timeOn(nextFree, day)}.`;
    } else {
      // The appointment in the way was canceled or moved between the refusal and this query.
      const day = formatDay(start, timezone);
      message = `This technician is already booked at that time. They are next free at ${timeOn(nextFree, day)} on ${day}.`;
    }
    return new AppError(409, 'conflict', message, [{ path: 'date_time', message }], {
      conflicting_appointment: existing ?? null,
      next_free: nextFree.toISOString(),
    });
  }

  /** Only a `created` appointment moves on; anything else is a 409 saying what it is now. */
  async function leaveCreated(
    id: number,
    status: AppointmentStatus,
    context: RequestContext,
    reason?: string,
  ): Promise<Appointment> {
    const action = status === 'canceled' ? 'cancel' : 'finish';
    const audit = auditContext(context, { action, reason });
    const moved = await statements.leaveCreated(id, status, reason || null, audit);
    const appointment = await get(id);
    if (!moved) {
      throw conflict(`Only a created appointment can be ${status}; this one is ${appointment.status}`, {
        status: appointment.status,
      });
    }
    return appointment;
  }

  /** A list request as the statements take it. */
  function listParams(query: AppointmentListQuery): AppointmentListParams {
    const { from, to, q, sort, ...rest } = query;
    return {
      ...rest,
      from: from === undefined ? undefined : toInstant(from, timezone).toISOString(),
      to: to === undefined ? undefined : toInstant(to, timezone).toISOString(),
      q: q ? containing(q) : undefined,
      byId: sort === 'id' || sort === '-id',
      ascending: sort === 'id' || sort === 'date_time',
    };
  }

  return {
    async list(query: AppointmentListQuery): Promise<Paged<Appointment>> {
      const { rows, total } = await statements.list(listParams(query));
      return { items: rows.map(appointmentJson), total };
    },

    get,

    /**
     * Book an appointment. A time without an offset is on the dealership's clock; one that has
     * already passed (beyond a short grace for a car that just drove in) is refused. The database
     * refuses an unknown technician and a double booking.
     */
    async book(input: AppointmentInput, context: RequestContext): Promise<Appointment> {
      const start = toInstant(input.date_time, timezone);
      if (Number.isNaN(start.getTime())) {
        throw invalidField('date_time', 'Enter a date and time, such as 2026-12-03T09:00');
      }
      if (start.getTime() < Date.now() - BOOKING_GRACE_MINUTES * 60_000) {
        throw invalidField('date_time', 'This time has already passed; choose a time from now on');
      }
      const end = new Date(start.getTime() + input.duration_minutes * 60_000);
      const id = await statements
        .insert(
          {
            dateTime: start,
            durationMinutes: input.duration_minutes,
            endsAt: end,
            reason: input.reason,
            vin: input.vin,
            customer: input.customer,
            technicianId: input.technician,
          },
          auditContext(context),
        )
        .catch(
          translatePgError({
            missingReference: { path: 'technician', message: 'Choose a technician from the list' },
            exclusion: () => doubleBooked(input.technician, start, input.duration_minutes),
          }),
        );
      return get(id);
    },

    /** Created and canceled appointments may go; a finished one is the car's service history. */
    async delete(id: number, context: RequestContext): Promise<Appointment> {
      const appointment = await get(id);
      if (!(await statements.deleteUnfinished(id, auditContext(context)))) {
        if ((await get(id)).status === 'finished') {
          throw conflict("A finished appointment is part of the car's service history and cannot be deleted", {
            status: 'finished',
          });
        }
      }
      return appointment;
    },

    cancel: (id: number, context: RequestContext, reason?: string) => leaveCreated(id, 'canceled', context, reason),
    /** A technician with "finish your own" may finish only an appointment assigned to them. */
    async finish(id: number, context: RequestContext): Promise<Appointment> {
      if (!can(context.actor, 'appointments.finish')) {
        assertOwn(context.actor, 'appointments.finish', (await get(id)).technician.id);
      }
      return leaveCreated(id, 'finished', context);
    },
  };
}
