import type { Db } from '@carcar/common/db/database';
import { totalOf } from '@carcar/common/db/pagination';
import { PG_EXCLUSION_VIOLATION, PG_FOREIGN_KEY_VIOLATION, pgErrorCode } from '@carcar/common/db/pg-errors';
import { StatementsByShape } from '@carcar/common/db/statements';
import { conflict, invalidField, notFound } from '@carcar/common/http/errors';
import type { Paged } from '@carcar/common/http/list';
import { and, count, desc, eq, gt, lt, type SQL, sql } from 'drizzle-orm';
import { type AppointmentStatus, appointments, automobileVOs, technicians } from '../db/schema.js';
import { technicianJson } from '../technicians/schemas.js';
import type { AppointmentCreateInput, AppointmentJson, AppointmentListQuery } from './schemas.js';

const columns = {
  appointment: appointments,
  technician: technicians,
  // VIP is computed on every read, so a car that reaches inventory after the booking shows as VIP.
  vip: sql<boolean>`${automobileVOs.vin} is not null`,
};

type Row = { appointment: typeof appointments.$inferSelect; technician: typeof technicians.$inferSelect; vip: boolean };

function appointmentJson(row: Row): AppointmentJson {
  const a = row.appointment;
  return {
    id: a.id,
    date_time: a.dateTime.toISOString(),
    duration_minutes: a.durationMinutes,
    reason: a.reason,
    status: a.status,
    vin: a.vin,
    customer: a.customer,
    technician: technicianJson(row.technician),
    vip: row.vip,
  };
}

export function appointmentsRepository(db: Db, timezone: string) {
  /** Appointments with their technician and VIP flag; `total` counts every matching row. */
  function select(executor: Db, where: SQL | undefined) {
    return executor
      .select({ ...columns, total: totalOf(appointments, where) })
      .from(appointments)
      .innerJoin(technicians, eq(technicians.id, appointments.technicianId))
      .leftJoin(automobileVOs, eq(automobileVOs.vin, appointments.vin))
      .where(where)
      .$dynamic();
  }

  const placeholder = (name: string) => sql.placeholder(name);
  const byId = select(db, eq(appointments.id, placeholder('id'))).prepare('service_appointment_by_id');

  async function find(id: number): Promise<AppointmentJson | undefined> {
    const [row] = await byId.execute({ id });
    return row && appointmentJson(row);
  }

  async function get(id: number): Promise<AppointmentJson> {
    const appointment = await find(id);
    if (!appointment) throw notFound();
    return appointment;
  }

  const insert = db
    .insert(appointments)
    .values({
      dateTime: placeholder('dateTime'),
      durationMinutes: placeholder('durationMinutes'),
      endsAt: placeholder('endsAt'),
      reason: placeholder('reason'),
      vin: placeholder('vin'),
      customer: placeholder('customer'),
      technicianId: placeholder('technicianId'),
    })
    .returning({ id: appointments.id })
    .prepare('service_appointment_create');

  /** A list query for the filters `query` has, its values left as placeholders. */
  function prepareList(query: AppointmentListQuery, name: string) {
    const conditions: SQL[] = [];
    if (query.vin) conditions.push(eq(appointments.vin, placeholder('vin')));
    if (query.status) conditions.push(eq(appointments.status, placeholder('status')));
    if (query.technician) conditions.push(eq(appointments.technicianId, placeholder('technician')));
    if (query.date) {
      // The day on the dealership's wall clock, as a range, so the date_time index serves it.
      conditions.push(
        sql`${appointments.dateTime} >= (${placeholder('date')}::date)::timestamp at time zone ${timezone}`,
        sql`${appointments.dateTime} < (${placeholder('date')}::date + 1)::timestamp at time zone ${timezone}`,
      );
    }
    const where = conditions.length > 0 ? and(...conditions) : undefined;
    const ordered = select(db, where)
      .orderBy(desc(appointments.dateTime), desc(appointments.id))
      .offset(placeholder('offset'));
    const statement = (query.limit === undefined ? ordered : ordered.limit(placeholder('limit'))).prepare(name);
    const total = db.select({ n: count() }).from(appointments).where(where).prepare(`${name}_count`);
    return { statement, total };
  }
  // One per combination of filters: the service history by VIN, the list staff use all day, is
  // neither rebuilt nor re-planned on each call.
  const lists = new StatementsByShape<ReturnType<typeof prepareList>>('service_appointments');

  /** The `created` appointment of this technician that overlaps the requested slot, if any. */
  async function findOverlap(technicianId: number, start: Date, end: Date): Promise<AppointmentJson | undefined> {
    const [row] = await select(
      db,
      and(
        eq(appointments.technicianId, technicianId),
        eq(appointments.status, 'created'),
        lt(appointments.dateTime, end),
        gt(appointments.endsAt, start),
      ),
    ).limit(1);
    return row && appointmentJson(row);
  }

  async function setStatus(id: number, status: AppointmentStatus, verb: string): Promise<AppointmentJson> {
    const updated = await db
      .update(appointments)
      .set({ status })
      .where(and(eq(appointments.id, id), eq(appointments.status, 'created')))
      .returning({ id: appointments.id });
    const appointment = await get(id);
    if (updated.length === 0) {
      throw conflict(`Only a created appointment can be ${verb}; this one is ${appointment.status}`, {
        status: appointment.status,
      });
    }
    return appointment;
  }

  return {
    async list(query: AppointmentListQuery): Promise<Paged<AppointmentJson>> {
      // The same tests as prepareList's: a filter is in the statement exactly when it is in the name.
      const parts = [query.vin, query.status, query.technician, query.date, query.limit !== undefined];
      const list = lists.get(parts, (name) => prepareList(query, name));
      const rows = await list.statement.execute(query);
      // A page past the end has no row to carry the total.
      const total = rows[0]?.total ?? (await list.total.execute(query))[0]?.n ?? 0;
      return { items: rows.map(appointmentJson), total };
    },

    get,

    async create(input: AppointmentCreateInput): Promise<AppointmentJson> {
      const start = new Date(input.date_time);
      const end = new Date(start.getTime() + input.duration_minutes * 60_000);
      const [row] = await insert
        .execute({
          dateTime: start,
          durationMinutes: input.duration_minutes,
          endsAt: end,
          reason: input.reason,
          vin: input.vin,
          customer: input.customer,
          technicianId: input.technician,
        })
        .catch(async (error: unknown) => {
          const code = pgErrorCode(error);
          if (code === PG_FOREIGN_KEY_VIOLATION) throw invalidField('technician', 'no technician has this id');
          if (code === PG_EXCLUSION_VIOLATION) {
            const existing = await findOverlap(input.technician, start, end);
            throw conflict(
              existing
                ? `Technician is already booked from ${existing.date_time} for ${existing.duration_minutes} minutes (appointment ${existing.id})`
                : 'Technician is already booked at that time',
              { conflicting_appointment: existing ?? null },
            );
          }
          throw error;
        });
      if (!row) throw new Error('insert returned no row');
      return get(row.id);
    },

    async delete(id: number): Promise<AppointmentJson> {
      const appointment = await get(id);
      await db.delete(appointments).where(eq(appointments.id, id));
      return appointment;
    },

    cancel: (id: number) => setStatus(id, 'canceled', 'canceled'),
    finish: (id: number) => setStatus(id, 'finished', 'finished'),
  };
}
