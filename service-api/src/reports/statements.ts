import type { TechnicianWeekRow } from '@carcar/common/contract/reports';
import type { Db } from '@carcar/common/db/database';
import { prepareRows } from '@carcar/common/db/statements';
import { sql } from 'drizzle-orm';
import { appointments, technicians } from '../db/schema.js';

/** The range's days, both included, on the dealership's calendar (`tz`). */
export type ReportRange = {
  from: string;
  to: string;
  tz: string;
};

const placeholder = (name: string) => sql.placeholder(name);
const tz = sql`${placeholder('tz')}::text`;

export function serviceReportStatements(db: Db) {
  // One aggregate over the appointments starting in the range, read from `appointments_date_time_idx`;
  // a week is Monday to Sunday on the dealership's clock.
  const technicianWeeks = prepareRows<TechnicianWeekRow, ReportRange>(
    db,
    'service_report_technician_weeks',
    sql`with booked as (
        select date_trunc('week', date_time at time zone ${tz}) as week, technician_id, status
        from ${appointments}
        where date_time >= (${placeholder('from')}::date::timestamp at time zone ${tz})
          and date_time < ((${placeholder('to')}::date + 1)::timestamp at time zone ${tz}))
      select to_char(booked.week, 'YYYY-MM-DD') as week, tech.id as technician_id, tech.employee_id,
        tech.first_name || ' ' || tech.last_name as technician,
        count(*)::int as booked,
        (count(*) filter (where booked.status = 'finished'))::int as finished,
        (count(*) filter (where booked.status = 'canceled'))::int as canceled,
        (count(*) filter (where booked.status = 'created'))::int as open
      from booked join ${technicians} as tech on tech.id = booked.technician_id
      group by booked.week, tech.id
      order by booked.week, technician, tech.id`,
  );
  return { technicianWeeks };
}
