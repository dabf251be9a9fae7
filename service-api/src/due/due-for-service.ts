import type { DueCar, DueKind } from '@carcar/common/contract/service';
import type { Db } from '@carcar/common/db/database';
import type { Paged } from '@carcar/common/db/pagination';
import { queryRows } from '@carcar/common/db/statements';
import { sql } from 'drizzle-orm';
import { appointments, automobileSoldAt, automobileVOs } from '../db/schema.js';
import type { DueListQuery } from './schemas.js';

interface DueRow {
  vin: string;
  kind: DueKind;
  customer: string | null;
  last_service_at: Date | string | null;
  sold_at: Date | string | null;
  due_since: Date | string | null;
  canceled_id: number | null;
  canceled_date_time: Date | string | null;
  canceled_reason: string | null;
  cancel_reason: string | null;
  year: number | null;
  color: string | null;
  model_name: string | null;
  manufacturer_name: string | null;
  total: number | string;
}

const iso = (value: Date | string | null): string | null => (value === null ? null : new Date(value).toISOString());

function dueCarJson(row: DueRow): DueCar {
  return {
    vin: row.vin,
    kind: row.kind,
    customer: row.customer,
    last_service_at: iso(row.last_service_at),
    sold_at: iso(row.sold_at),
    due_since: iso(row.due_since),
    canceled_appointment:
      row.canceled_id === null
        ? null
        : {
            id: row.canceled_id,
            date_time: iso(row.canceled_date_time) ?? '',
            reason: row.canceled_reason ?? '',
            cancel_reason: row.cancel_reason,
          },
    car:
      row.year === null
        ? null
        : {
            year: row.year,
            color: row.color ?? '',
            model: row.model_name ?? '',
            manufacturer: row.manufacturer_name ?? '',
          },
  };
}

/**
 * The cars a service advisor should call about, read from service's own tables only: its
 * appointments, and its copy of inventory with the time it saw each car sold. A car is listed
 * once, for the most telling reason (a cancellation, then a sale, then an old service), and never
 * while it has a `created` appointment: it is booked already.
 */
export function dueForService(db: Db, defaultMonths: number) {
  async function page(query: DueListQuery, months: number): Promise<Paged<DueCar>> {
    const a = appointments;
    const rows = await queryRows<DueRow>(
      db,
      sql`with booked as (
            select distinct ${a.vin} as vin from ${a} where ${a.status} = 'created'
          ),
          last_service as (
            select distinct on (${a.vin}) ${a.vin} as vin, ${a.dateTime} as at, ${a.customer} as customer
            from ${a} where ${a.status} = 'finished'
            order by ${a.vin}, ${a.dateTime} desc, ${a.id} desc
          ),
          -- The latest cancellation of each car, unless something was booked (created later, or
          -- for a later time) and not canceled in turn: a booked one excludes the car anyway, a
          -- finished one is the service the cancellation was about.
          last_cancel as (
            select distinct on (${a.vin}) ${a.vin} as vin, ${a.id} as id, ${a.dateTime} as date_time,
              ${a.createdAt} as created_at, ${a.reason} as reason, ${a.cancelReason} as cancel_reason,
              ${a.customer} as customer
            from ${a} where ${a.status} = 'canceled'
            order by ${a.vin}, ${a.createdAt} desc, ${a.id} desc
          ),
          candidates as (
            select c.vin, 'canceled' as kind, 1 as rank, c.customer, c.date_time as due_since,
              c.id as canceled_id, c.date_time as canceled_date_time, c.reason as canceled_reason, c.cancel_reason
            from last_cancel c
            where not exists (
              select 1 from ${a} later where later.vin = c.vin and later.status = 'finished'
                and (later.created_at > c.created_at or later.date_time > c.date_time))
            union all
            select s.vin, 'sold_not_serviced', 2, null, s.sold_at, null, null, null, null
            from ${automobileSoldAt} s
            where not exists (
              select 1 from ${a} f where f.vin = s.vin and f.status = 'finished'
                and f.date_time >= coalesce(s.sold_at, '-infinity'::timestamptz))
            union all
            select l.vin, 'overdue', 3, l.customer, l.at + make_interval(months => ${months}::int), null, null, null, null
            from last_service l
            where l.at < now() - make_interval(months => ${months}::int)
          ),
          due as (
            select distinct on (c.vin) c.* from candidates c
            where c.vin not in (select vin from booked)
            order by c.vin, c.rank
          )
          select due.vin, due.kind, due.customer, due.due_since, due.canceled_id, due.canceled_date_time,
            due.canceled_reason, due.cancel_reason, l.at as last_service_at, s.sold_at,
            v.year, v.color, v.model_name, v.manufacturer_name, count(*) over () as total
          from due
          left join last_service l on l.vin = due.vin
          left join ${automobileSoldAt} s on s.vin = due.vin
          left join ${automobileVOs} v on v.vin = due.vin
          where ${query.kind ?? null}::text is null or due.kind = ${query.kind ?? null}::text
          order by due.due_since asc nulls last, due.vin
          limit ${query.limit ?? null}::int offset ${query.offset}::int`,
    );
    // count(*) over () rides on the rows; a page past the end has none, so count without paging then.
    if (rows[0] !== undefined) return { items: rows.map(dueCarJson), total: Number(rows[0].total) };
    const total = query.offset > 0 ? (await page({ ...query, offset: 0, limit: undefined }, months)).total : 0;
    return { items: [], total };
  }

  return {
    list: (query: DueListQuery) => page(query, query.months ?? defaultMonths),
  };
}
