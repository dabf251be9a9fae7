import type { RepairOrdersByMonthRow, TechnicianWeekRow } from '@carcar/common/contract/reports';
import type { Db } from '@carcar/common/db/database';
import { prepareRows } from '@carcar/common/db/statements';
import { sql } from 'drizzle-orm';
import { appointments, repairOrderLabor, repairOrders, technicians } from '../db/schema.js';

/** The range's days, both included, on the dealership's calendar (`tz`). */
export type ReportRange = {
  from: string;
  to: string;
  tz: string;
};

/** The range's months (`2026-11`), both included, on the dealership's calendar (`tz`). */
export type ReportMonths = {
  from: string;
  to: string;
  tz: string;
};

/** One technician's month as the statement reads it; the use case nests the technician. */
export type TechnicianEfficiencySqlRow = {
  month: string;
  technician_id: number;
  first_name: string;
  last_name: string;
  billed_hours: number;
  clocked_hours: number;
  efficiency: number | null;
};

const placeholder = (name: string) => sql.placeholder(name);
const tz = sql`${placeholder('tz')}::text`;

/**
 * The orders invoiced in the months of the range (closed ones too: closing keeps `invoiced_at`),
 * each with the month of its invoice on the dealership's clock and the billed labor the invoice
 * recorded on it, all read from `repair_orders_invoiced_idx` alone.
 */
const invoicedInMonths = sql`select ro.id, date_trunc('month', ro.invoiced_at at time zone ${tz}) as month,
    ro.billed_labor_hours, ro.billed_labor_amount
  from ${repairOrders} as ro
  where ro.status in ('invoiced', 'closed')
    and ro.invoiced_at >= ((${placeholder('from')}::text || '-01')::date::timestamp at time zone ${tz})
    and ro.invoiced_at < (((${placeholder('to')}::text || '-01')::date + interval '1 month') at time zone ${tz})`;

/**
 * Those orders' labor per technician as their invoice recorded it (`repair_order_labor`): one row per
 * order and technician to sum, rather than every labor line and clock entry of ten years joined to
 * its order and then to its line (docs/performance.md).
 */
const laborOfOrders = sql`orders join ${repairOrderLabor} as labor on labor.repair_order_id = orders.id`;

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
  // Sums stay numeric to the end: money and hours exact, the ratios rounded half-up (Postgres'
  // round(numeric) rounds halves away from zero) and only then handed over as JSON numbers.
  const repairOrdersByMonth = prepareRows<RepairOrdersByMonthRow, ReportMonths>(
    db,
    'service_report_repair_orders_by_month',
    sql`with orders as (${invoicedInMonths})
      select to_char(month, 'YYYY-MM') as month, count(*)::int as repair_orders,
        coalesce(sum(billed_labor_amount), 0)::float8 as labor_sales,
        coalesce(sum(billed_labor_hours), 0)::float8 as billed_hours,
        round(sum(billed_labor_amount) / nullif(sum(billed_labor_hours), 0), 2)::float8 as effective_labor_rate,
        round(coalesce(sum(billed_labor_hours), 0) / count(*), 2)::float8 as hours_per_repair_order
      from orders
      group by month
      order by month`,
  );

  // Billed: the hours of a technician's labor lines; clocked: the intervals they clocked on any
  // line of the same orders. A technician with either is listed.
  const technicianEfficiency = prepareRows<TechnicianEfficiencySqlRow, ReportMonths>(
    db,
    'service_report_technician_efficiency',
    sql`with orders as (${invoicedInMonths}),
      worked as (
        select orders.month, labor.technician_id,
          coalesce(sum(labor.billed_hours), 0) as hours, coalesce(sum(labor.clocked_seconds), 0) as seconds
        from ${laborOfOrders}
        where labor.technician_id is not null
          and (labor.billed_hours is not null or labor.clocked_seconds is not null)
        group by orders.month, labor.technician_id)
      select to_char(worked.month, 'YYYY-MM') as month, tech.id as technician_id, tech.first_name, tech.last_name,
        worked.hours::float8 as billed_hours, round(worked.seconds / 3600, 2)::float8 as clocked_hours,
        round(worked.hours * 3600 / nullif(worked.seconds, 0), 2)::float8 as efficiency
      from worked join ${technicians} as tech on tech.id = worked.technician_id
      order by worked.month, tech.last_name, tech.first_name, tech.id`,
  );

  return { technicianWeeks, repairOrdersByMonth, technicianEfficiency };
}
