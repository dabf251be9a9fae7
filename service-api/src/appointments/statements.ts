import type { AppointmentStatus } from '@carcar/common/contract/service';
import { type AuditContext, auditCreated, audited, auditInlineCte } from '@carcar/common/db/audit';
import type { Db } from '@carcar/common/db/database';
import { totalOf } from '@carcar/common/db/pagination';
import { prepareKeptCount, totalKeptOr } from '@carcar/common/db/row-counts';
import { executePage, type FiltersPresent, prepareRows, statementsByFilters } from '@carcar/common/db/statements';
import { and, asc, count, desc, eq, gt, lt, ne, type SQL, sql } from 'drizzle-orm';
import { appointments, auditLog, automobileVOs, rowCounts, technicians } from '../db/schema.js';

/**
 * A list request as the statements take it: `from`/`to` already instants (ISO), `q` already an
 * ILIKE pattern, `sort` already a choice of the two flags below.
 */
export interface AppointmentListParams {
  vin?: string;
  status?: AppointmentStatus;
  technician?: number;
  date?: string;
  from?: string;
  to?: string;
  q?: string;
  /** Order by id rather than by start time. */
  byId: boolean;
  /** Oldest (or lowest id) first rather than newest first. */
  ascending: boolean;
  limit?: number;
  offset: number;
}

// The SQL of the appointment use cases. The reads staff make all day (the list, the service
// history by VIN) are prepared once: named on a Postgres server, so parsed and planned once per connection.

/** An appointment with its technician and VIP flag, as every read selects it. */
export interface AppointmentRow {
  appointment: typeof appointments.$inferSelect;
  technician: typeof technicians.$inferSelect;
  vip: boolean;
}

/** A booking as stored: `endsAt` is kept for the no-double-booking constraint. */
export type AppointmentSlot = {
  dateTime: Date;
  durationMinutes: number;
  endsAt: Date;
  reason: string;
  vin: string;
  customer: string;
  technicianId: number;
};

const placeholder = (name: string) => sql.placeholder(name);

type ListFilter = 'vin' | 'status' | 'technician' | 'date' | 'from' | 'to' | 'q' | 'byId' | 'ascending' | 'limit';

export function appointmentStatements(db: Db, timezone: string) {
  function select(where: SQL | undefined, total: SQL<number> = totalOf(appointments, where)) {
    return db
      .select({
        appointment: appointments,
        technician: technicians,
        // VIP is computed on every read, so a car that reaches inventory after the booking shows as VIP.
        vip: sql<boolean>`${automobileVOs.vin} is not null`,
        total,
      })
      .from(appointments)
      .innerJoin(technicians, eq(technicians.id, appointments.technicianId))
      .leftJoin(automobileVOs, eq(automobileVOs.vin, appointments.vin))
      .where(where)
      .$dynamic();
  }

  const byId = select(eq(appointments.id, placeholder('id'))).prepare('service_appointment_by_id');

  // One statement: the booking and its audit entry (the trigger is told to stay out: the row is
  // selected from `audit`, so that is set before the insert); the exclusion constraint refuses a
  // double booking.
  const insert = prepareRows<{ id: number }, Record<keyof AppointmentSlot | 'audit', unknown>>(
    db,
    'service_appointment_create',
    sql`with ${auditInlineCte('appointments')},
      booked as (
        insert into ${appointments} (date_time, duration_minutes, ends_at, reason, vin, customer, technician_id)
        select ${placeholder('dateTime')}::timestamptz, ${placeholder('durationMinutes')}::smallint,
          ${placeholder('endsAt')}::timestamptz, ${placeholder('reason')}, ${placeholder('vin')},
          ${placeholder('customer')}, ${placeholder('technicianId')}::integer
        from audit
        returning *),
      ${auditCreated({ log: auditLog, entity: 'appointment', table: appointments, rows: 'booked', vinColumn: 'vin', leaveOut: ['ends_at', 'created_at'] })}
      select id from booked`,
  );

  /** A list statement with the filters a request has, their values left as placeholders. */
  function prepareList(name: string, present: FiltersPresent<ListFilter>) {
    const conditions: SQL[] = [];
    if (present.vin) conditions.push(eq(appointments.vin, placeholder('vin')));
    if (present.status) conditions.push(eq(appointments.status, placeholder('status')));
    if (present.technician) conditions.push(eq(appointments.technicianId, placeholder('technician')));
    if (present.date) {
      // The day on the dealership's wall clock, as a range, so the date_time index serves it.
      conditions.push(
        sql`${appointments.dateTime} >= (${placeholder('date')}::date)::timestamp at time zone ${timezone}`,
        sql`${appointments.dateTime} < (${placeholder('date')}::date + 1)::timestamp at time zone ${timezone}`,
      );
    }
    if (present.from) conditions.push(sql`${appointments.dateTime} >= ${placeholder('from')}::timestamptz`);
    if (present.to) conditions.push(sql`${appointments.dateTime} < ${placeholder('to')}::timestamptz`);
    if (present.q) {
      // The technician is matched by a sub-select, not the list's join: the total counts the
      // appointments table alone (see totalOf). Each branch has an index, so the planner ORs their
      // bitmaps: the columns' trigram indexes, and the technician's for the array of matching ids.
      conditions.push(sql`(${appointments.vin} ilike ${placeholder('q')}
        or ${appointments.customer} ilike ${placeholder('q')}
        or ${appointments.reason} ilike ${placeholder('q')}
        or ${appointments.technicianId} = any(array(
          select ${technicians.id} from ${technicians}
          where ${technicians.firstName} || ' ' || ${technicians.lastName} ilike ${placeholder('q')})))`);
    }
    const where = conditions.length > 0 ? and(...conditions) : undefined;
    const direction = present.ascending ? asc : desc;
    const order = present.byId
      ? [direction(appointments.id)]
      : [direction(appointments.dateTime), direction(appointments.id)];
    // The whole list's total is the kept count, not a count of every appointment on each page.
    const ordered = select(where, totalKeptOr(appointments, where, { counts: rowCounts, counted: 'appointments' }))
      .orderBy(...order)
      .offset(placeholder('offset'));
    const rows = (present.limit ? ordered.limit(placeholder('limit')) : ordered).prepare(name);
    const total = where
      ? db.select({ n: count() }).from(appointments).where(where).prepare(`${name}_count`)
      : prepareKeptCount(db, rowCounts, 'appointments', `${name}_count`);
    return { rows, total };
  }
  // The technician's busy times from `start` on, in order, each with the end of the one before:
  // the first gap of `minutes` or more is where they are next free; with none, after the last.
  // The (technician_id, date_time) index finds their appointments.
  const nextFree = prepareRows<
    { free_from: Date | string | null },
    { technicianId: number; start: string; minutes: number }
  >(
    db,
    'service_appointment_next_free',
    sql`with busy as (
      select ${appointments.dateTime} as starts_at, ${appointments.endsAt} as ends_at,
        greatest(coalesce(lag(${appointments.endsAt}) over (order by ${appointments.dateTime}), ${placeholder('start')}::timestamptz),
          ${placeholder('start')}::timestamptz) as free_from
      from ${appointments}
      where ${appointments.technicianId} = ${placeholder('technicianId')}
        and ${appointments.status} = 'created'
        and ${appointments.endsAt} > ${placeholder('start')}::timestamptz
    )
    select coalesce(
      (select free_from from busy
        where starts_at - free_from >= make_interval(mins => ${placeholder('minutes')}::int)
        order by starts_at limit 1),
      (select max(ends_at) from busy),
      ${placeholder('start')}::timestamptz
    ) as free_from`,
  );

  // One per combination of filters: the service history by VIN, the list staff use all day, is
  // neither rebuilt nor re-planned on each call.
  const listFor = statementsByFilters(
    'service_appointments',
    {
      vin: (query: AppointmentListParams) => query.vin !== undefined,
      status: (query) => query.status !== undefined,
      technician: (query) => query.technician !== undefined,
      date: (query) => query.date !== undefined,
      from: (query) => query.from !== undefined,
      to: (query) => query.to !== undefined,
      q: (query) => query.q !== undefined,
      byId: (query) => query.byId,
      ascending: (query) => query.ascending,
      limit: (query) => query.limit !== undefined,
    },
    prepareList,
  );

  return {
    async findById(id: number): Promise<AppointmentRow | undefined> {
      const [row] = await byId.execute({ id });
      return row;
    },

    /** One page in the order asked for, and how many match in all. */
    async list(query: AppointmentListParams): Promise<{ rows: AppointmentRow[]; total: number }> {
      return executePage(listFor(query), { ...query });
    },

    /** The new appointment's id; the exclusion constraint refuses a double booking. */
    async insert(slot: AppointmentSlot, audit: AuditContext): Promise<number> {
      const [row] = await insert({
        ...slot,
        dateTime: slot.dateTime.toISOString(),
        endsAt: slot.endsAt.toISOString(),
        audit: JSON.stringify(audit),
      });
      if (!row) throw new Error('insert returned no row');
      return row.id;
    },

    /**
     * The earliest start at or after `start` when the technician is free for `minutes`: the first
     * gap long enough between their `created` appointments from `start` on, or the end of the last.
     */
    async nextFree(technicianId: number, start: Date, minutes: number): Promise<Date> {
      const [row] = await nextFree({ technicianId, start: start.toISOString(), minutes });
      return row?.free_from ? new Date(row.free_from) : start;
    },

    /** The `created` appointment of this technician that overlaps the slot, if any. */
    async findOverlap(technicianId: number, start: Date, end: Date): Promise<AppointmentRow | undefined> {
      const [row] = await select(
        and(
          eq(appointments.technicianId, technicianId),
          eq(appointments.status, 'created'),
          lt(appointments.dateTime, end),
          gt(appointments.endsAt, start),
        ),
      ).limit(1);
      return row;
    },

    /** Moves a `created` appointment to `status`; false when it is not `created` (or does not exist). */
    async leaveCreated(
      id: number,
      status: AppointmentStatus,
      cancelReason: string | null,
      audit: AuditContext,
    ): Promise<boolean> {
      const updated = await audited(db, audit, (tx) =>
        tx
          .update(appointments)
          .set({ status, cancelReason })
          .where(and(eq(appointments.id, id), eq(appointments.status, 'created')))
          .returning({ id: appointments.id }),
      );
      return updated.length > 0;
    },

    /** Deletes an appointment unless it is finished (service history); false when nothing was deleted. */
    async deleteUnfinished(id: number, audit: AuditContext): Promise<boolean> {
      const deleted = await audited(db, audit, (tx) =>
        tx
          .delete(appointments)
          .where(and(eq(appointments.id, id), ne(appointments.status, 'finished')))
          .returning({ id: appointments.id }),
      );
      return deleted.length > 0;
    },
  };
}
