import type { SalesByMonthRow, SalesBySalespersonRow } from '@carcar/common/contract/reports';
import type { Db } from '@carcar/common/db/database';
import { prepareRows } from '@carcar/common/db/statements';
import { sql } from 'drizzle-orm';
import { salespeople, salesRecords } from '../db/schema.js';

// The sales reports, each one aggregate statement prepared once. Both read the live sales of the
// range from the index `sales_live_created_at_idx` (created_at, salesperson_id, price), which
// holds every column they need: the sales table itself is not read.

/** The range's days, both included, on the dealership's calendar (`tz`). */
export type ReportRange = {
  from: string;
  to: string;
  tz: string;
};

const placeholder = (name: string) => sql.placeholder(name);
const from = sql`${placeholder('from')}::date`;
const to = sql`${placeholder('to')}::date`;
const tz = sql`${placeholder('tz')}::text`;

/** Live (not voided) sales made from the first day's midnight to the last day's end, on the dealership's clock. */
const liveSalesInRange = sql`select created_at, salesperson_id, price from ${salesRecords}
  where voided_at is null
    and created_at >= (${from}::timestamp at time zone ${tz})
    and created_at < ((${to} + 1)::timestamp at time zone ${tz})`;

export function salesReportStatements(db: Db) {
  // Every month of the range is a row, those without a sale too: a chart shows the gap.
  const byMonth = prepareRows<SalesByMonthRow, ReportRange>(
    db,
    'sales_report_by_month',
    sql`with months as (
        select generate_series(date_trunc('month', ${from}::timestamp), date_trunc('month', ${to}::timestamp), interval '1 month') as month),
      live as (select date_trunc('month', created_at at time zone ${tz}) as month, price from (${liveSalesInRange}) as sale)
      select to_char(months.month, 'YYYY-MM') as month, count(live.price)::int as sales,
        coalesce(sum(live.price), 0)::float8 as revenue, round(avg(live.price), 2)::float8 as average_price
      from months left join live on live.month = months.month
      group by months.month order by months.month`,
  );

  // Active salespeople with no sale in the range are listed with zeros; retired ones only if they sold.
  const bySalesperson = prepareRows<SalesBySalespersonRow, ReportRange>(
    db,
    'sales_report_by_salesperson',
    sql`with live as (${liveSalesInRange})
      select person.id as salesperson_id, person.employee_id, person.first_name || ' ' || person.last_name as salesperson,
        count(live.price)::int as sales, coalesce(sum(live.price), 0)::float8 as revenue,
        round(avg(live.price), 2)::float8 as average_price
      from ${salespeople} as person left join live on live.salesperson_id = person.id
      group by person.id
      having person.active or count(live.price) > 0
      order by revenue desc, salesperson, person.id`,
  );

  return { byMonth, bySalesperson };
}
