import { z } from 'zod';
import { dateIn } from './time-zone.js';

// The managers' reports (`GET /api/reports/...` of each service): their query and the rows they
// answer, shared by the services and the browser app. Browser-safe: no node imports.

/** A report may span at most ten years: the months and weeks it lists stay a few hundred rows. */
export const MAX_REPORT_DAYS = 3660;

const reportDate = z.iso.date({ error: 'Enter a date such as 2026-12-03' });

const dayNumber = (date: string) => Date.parse(`${date}T00:00:00Z`) / 86_400_000;

/**
 * `?from=&to=`: calendar days, both included, on the dealership's calendar where the service knows
 * it (`TIMEZONE`). Either may be left out; the report then says which days it chose.
 */
export const reportRangeQuery = z
  .object({ from: reportDate.optional(), to: reportDate.optional() })
  .refine((range) => !range.from || !range.to || range.from <= range.to, {
    path: ['to'],
    message: 'Choose a "to" date on or after the "from" date',
  })
  .refine((range) => !range.from || !range.to || dayNumber(range.to) - dayNumber(range.from) < MAX_REPORT_DAYS, {
    path: ['to'],
    message: 'Choose a range of at most ten years',
  });
export type ReportRangeQuery = z.output<typeof reportRangeQuery>;

/** `2026-11`: a month on the dealership's calendar. */
const monthText = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/);

/** One month of live sales (voided ones left out); a month without sales is there with zeros. */
export const salesByMonthRowSchema = z.strictObject({
  /** `2026-11` */
  month: monthText,
  sales: z.number().int().min(0),
  revenue: z.number(),
  /** null in a month without sales. */
  average_price: z.number().nullable(),
});
export type SalesByMonthRow = z.infer<typeof salesByMonthRowSchema>;

/** One salesperson's live sales in the range; active salespeople without a sale are there with zeros. */
export const salesBySalespersonRowSchema = z.strictObject({
  salesperson_id: z.number().int(),
  employee_id: z.string(),
  salesperson: z.string(),
  sales: z.number().int().min(0),
  revenue: z.number(),
  average_price: z.number().nullable(),
});
export type SalesBySalespersonRow = z.infer<typeof salesBySalespersonRowSchema>;

/** (sales desk) One live deal's front gross (price − the car's cost; null while the cost is unknown). */
export const grossByDealRowSchema = z.strictObject({
  sale_id: z.number().int(),
  sold_at: z.iso.datetime(),
  /** `2026-11`, on the dealership's calendar. */
  month: monthText,
  salesperson_id: z.number().int(),
  salesperson: z.string(),
  vin: z.string(),
  price: z.number(),
  cost: z.number().nullable(),
  front_gross: z.number().nullable(),
});
export type GrossByDealRow = z.infer<typeof grossByDealRowSchema>;

/** (sales desk) One salesperson's live deals of one month and their front gross. */
export const grossBySalespersonRowSchema = z.strictObject({
  month: monthText,
  salesperson_id: z.number().int(),
  employee_id: z.string(),
  salesperson: z.string(),
  deals: z.number().int().min(1),
  revenue: z.number(),
  /** The sum over the deals whose car's cost is known. */
  front_gross: z.number(),
  average_front_gross: z.number().nullable(),
  /** Deals left out of the gross because their car's cost is unknown. */
  deals_without_cost: z.number().int().min(0),
});
export type GrossBySalespersonRow = z.infer<typeof grossBySalespersonRowSchema>;

/** `GET /api/reports/sales-by-month/` (sales-api). */
export const salesByMonthReportSchema = z.strictObject({ rows: z.array(salesByMonthRowSchema) });
/** `GET /api/reports/sales-by-salesperson/` (sales-api). */
export const salesBySalespersonReportSchema = z.strictObject({ rows: z.array(salesBySalespersonRowSchema) });
/** `GET /api/reports/gross-by-deal/` (sales-api). */
export const grossByDealReportSchema = z.strictObject({ rows: z.array(grossByDealRowSchema) });
/** `GET /api/reports/gross-by-salesperson/` (sales-api). */
export const grossBySalespersonReportSchema = z.strictObject({ rows: z.array(grossBySalespersonRowSchema) });

/** One technician's appointments that start in one week (Monday to Sunday). */
export interface TechnicianWeekRow {
  /** The week's Monday: `2026-11-30`. */
  week: string;
  technician_id: number;
  employee_id: string;
  technician: string;
  /** Every appointment of the week, whatever became of it. */
  booked: number;
  finished: number;
  canceled: number;
  /** Neither finished nor canceled (yet). */
  open: number;
}

/**
 * `?from=&to=` of the repair order reports: calendar months (`2026-11`), both included, on the
 * dealership's calendar. Either may be left out: the last twelve months, this one included.
 */
const reportMonth = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { error: 'Enter a month such as 2026-11' });
const monthNumber = (month: string) => Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1;

export const reportMonthsQuery = z
  .object({ from: reportMonth.optional(), to: reportMonth.optional() })
  .refine((range) => !range.from || !range.to || range.from <= range.to, {
    path: ['to'],
    message: 'Choose a "to" month on or after the "from" month',
  })
  .refine((range) => !range.from || !range.to || monthNumber(range.to) - monthNumber(range.from) < 120, {
    path: ['to'],
    message: 'Choose a range of at most ten years',
  });
export type ReportMonthsQuery = z.output<typeof reportMonthsQuery>;

/** The months asked for, the missing ends filled in: twelve months up to `today`'s (or up to `to`). */
export function resolveReportMonths(query: ReportMonthsQuery, today: string): { from: string; to: string } {
  const month = (n: number) =>
    `${String(Math.floor(n / 12)).padStart(4, '0')}-${String((n % 12) + 1).padStart(2, '0')}`;
  const to = query.to ?? (query.from && query.from > today.slice(0, 7) ? query.from : today.slice(0, 7));
  return { from: query.from ?? month(monthNumber(to) - 11), to };
}

/**
 * One month of invoiced (or since closed) repair orders, by the month of `invoiced_at` on the
 * dealership's calendar; months without one are left out. Labor lines approved or done count.
 */
export interface RepairOrdersByMonthRow {
  month: string;
  repair_orders: number;
  /** The labor lines' amounts. */
  labor_sales: number;
  /** The labor lines' hours. */
  billed_hours: number;
  /** labor_sales ÷ billed_hours, half-up to the cent; null without billed hours. */
  effective_labor_rate: number | null;
  /** billed_hours ÷ repair_orders, half-up to 2 decimals. */
  hours_per_repair_order: number | null;
}

/**
 * One technician's month: the hours billed on their labor lines of the orders invoiced that month,
 * and the hours they clocked on those orders.
 */
export interface TechnicianEfficiencyRow {
  month: string;
  technician: { id: number; first_name: string; last_name: string };
  billed_hours: number;
  /** Half-up to 2 decimals. */
  clocked_hours: number;
  /** billed ÷ clocked, half-up to 2 decimals; null without clocked time. */
  efficiency: number | null;
}

/** The repair order reports answer `{"months": [...]}`. */
export interface MonthsAnswer<Row> {
  months: Row[];
}

/** One unsold car and how long it has been in stock. */
export const inventoryAgingRowSchema = z.strictObject({
  vin: z.string(),
  year: z.number().int(),
  color: z.string(),
  manufacturer: z.string(),
  model: z.string(),
  /** When the dealership took the car into stock: its `acquired_at`. */
  arrived_at: z.iso.datetime(),
  /** UTC calendar days from that day to today, as the automobile's `days_in_stock`. */
  days_in_stock: z.number().int().min(0),
});
export type InventoryAgingRow = z.infer<typeof inventoryAgingRowSchema>;

/** `GET /api/reports/inventory-aging/` (inventory-api). */
export const inventoryAgingReportSchema = z.strictObject({ rows: z.array(inventoryAgingRowSchema) });

/** Every report answers `{"rows": [...]}` (or CSV for `Accept: text/csv`). */
export interface ReportAnswer<Row> {
  rows: Row[];
}

/** Today's date in an IANA time zone, as YYYY-MM-DD (the dealership's day, ./time-zone.ts). */
export function todayIn(timeZone: string, now = new Date()): string {
  return dateIn(now, timeZone);
}

/** The range a report covers when not told: the twelve calendar months up to `today`, this one included. */
export function defaultReportRange(today: string): { from: string; to: string } {
  const [year = 1970, month = 1] = today.split('-').map(Number);
  const first = new Date(Date.UTC(year, month - 1 - 11, 1));
  return { from: first.toISOString().slice(0, 10), to: today };
}

const DAY = 86_400_000;

/**
 * The technicians' weeks when not told: the twelve weeks before this one, this one and the four
 * after it (appointments are booked ahead), each Monday to Sunday.
 */
export function defaultWeeksRange(today: string): { from: string; to: string } {
  const day = Date.parse(`${today}T00:00:00Z`);
  const monday = day - ((new Date(day).getUTCDay() + 6) % 7) * DAY;
  const iso = (time: number) => new Date(time).toISOString().slice(0, 10);
  return { from: iso(monday - 12 * 7 * DAY), to: iso(monday + 5 * 7 * DAY - DAY) };
}

/** The range asked for, the missing ends filled in from `defaults` (the last twelve months unless given). */
export function resolveReportRange(
  query: ReportRangeQuery,
  today: string,
  defaults: (today: string) => { from: string; to: string } = defaultReportRange,
): { from: string; to: string } {
  const fallback = defaults(today);
  const to = query.to ?? (query.from && query.from > fallback.to ? query.from : fallback.to);
  // A chosen end brings its own start: the default span before it.
  return { from: query.from ?? (query.to ? defaults(query.to).from : fallback.from), to };
}
