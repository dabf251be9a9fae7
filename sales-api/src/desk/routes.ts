import { rateToPercent } from '@carcar/common/contract/deal';
import { can } from '@carcar/common/contract/permissions';
import {
  type GrossByDealRow,
  type GrossBySalespersonRow,
  reportRangeQuery,
  resolveReportRange,
  todayIn,
} from '@carcar/common/contract/reports';
import type { Db } from '@carcar/common/db/database';
import { prepareRows } from '@carcar/common/db/statements';
import { forbidden } from '@carcar/common/errors';
import { sendList } from '@carcar/common/http/list';
import { contextOf } from '@carcar/common/http/routes';
import { parseInput } from '@carcar/common/http/validation';
import { sql } from 'drizzle-orm';
import { type Router as ExpressRouter, type Response, Router } from 'express';
import { automobileCosts, salespeople, salesRecords } from '../db/schema.js';

// The sales desk's own small routes, apart from the sales feature: the deal settings the browser
// app's deal grid needs (the tax rate a sale will use when it names none) and the managers' gross
// reports (front gross = price − the car's cost, per deal and per salesperson and month).

const placeholder = (name: string) => sql.placeholder(name);
const from = sql`${placeholder('from')}::date`;
const to = sql`${placeholder('to')}::date`;
const tz = sql`${placeholder('tz')}::text`;

type Range = { from: string; to: string; tz: string };

/** Live sales of the range's days on the dealership's clock, with the car's cost when the feed has told it. */
const liveDeals = sql`select sale.id, sale.created_at, sale.salesperson_id, sale.automobile_vin, sale.price, cost.cost,
    to_char(date_trunc('month', sale.created_at at time zone ${tz}), 'YYYY-MM') as month
  from ${salesRecords} as sale left join ${automobileCosts} as cost on cost.vin = sale.automobile_vin
  where sale.voided_at is null
    and sale.created_at >= (${from}::timestamp at time zone ${tz})
    and sale.created_at < ((${to} + 1)::timestamp at time zone ${tz})`;

function grossStatements(db: Db) {
  const byDeal = prepareRows<GrossByDealRow, Range>(
    db,
    'sales_report_gross_by_deal',
    sql`with deal as (${liveDeals})
      select deal.id as sale_id, to_char(deal.created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as sold_at,
        deal.month, person.id as salesperson_id, person.first_name || ' ' || person.last_name as salesperson,
        deal.automobile_vin as vin, deal.price::float8 as price, deal.cost::float8 as cost,
        (deal.price - deal.cost)::float8 as front_gross
      from deal join ${salespeople} as person on person.id = deal.salesperson_id
      order by deal.created_at, deal.id`,
  );
  // A deal whose car's cost is unknown counts in deals and revenue, not in gross (it is counted apart).
  const bySalesperson = prepareRows<GrossBySalespersonRow, Range>(
    db,
    'sales_report_gross_by_salesperson',
    sql`with deal as (${liveDeals})
      select deal.month, person.id as salesperson_id, person.employee_id,
        person.first_name || ' ' || person.last_name as salesperson, count(*)::int as deals,
        sum(deal.price)::float8 as revenue, coalesce(sum(deal.price - deal.cost), 0)::float8 as front_gross,
        round(avg(deal.price - deal.cost), 2)::float8 as average_front_gross,
        count(*) filter (where deal.cost is null)::int as deals_without_cost
      from deal join ${salespeople} as person on person.id = deal.salesperson_id
      group by deal.month, person.id
      order by deal.month, front_gross desc, salesperson, person.id`,
  );
  return { byDeal, bySalesperson };
}

/** `/api/reports/gross-by-deal/` and `/api/reports/gross-by-salesperson/` (managers: reports.read and inventory.cost). */
export function grossReportsRouter(db: Db, timezone: string): ExpressRouter {
  const statements = grossStatements(db);
  // Gross shows what cars cost: the report needs inventory.cost as well as the route's reports.read.
  const rangeOf = (query: unknown, res: Response) => {
    if (!can(contextOf(res).actor, 'inventory.cost')) throw forbidden('Only managers may see what cars cost');
    return {
      ...resolveReportRange(parseInput(reportRangeQuery, query), todayIn(timezone)),
      tz: timezone,
    };
  };
  const router = Router();
  router.get('/gross-by-deal', async (req, res) => {
    const rows = await statements.byDeal(rangeOf(req.query, res));
    sendList(res, 'rows', { items: rows, total: rows.length });
  });
  router.get('/gross-by-salesperson', async (req, res) => {
    const rows = await statements.bySalesperson(rangeOf(req.query, res));
    sendList(res, 'rows', { items: rows, total: rows.length });
  });
  return router;
}

/** `GET /api/deal-settings/`: `{"tax_rate"}`, the percent a sale is taxed at when it names none (SALES_TAX_RATE). */
export function dealSettingsRouter(taxRate: number): ExpressRouter {
  const router = Router();
  router.get('/', (_req, res) => {
    res.json({ tax_rate: rateToPercent(taxRate) });
  });
  return router;
}
