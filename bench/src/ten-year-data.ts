import { readFileSync } from 'node:fs';
import { inventoryRoutes, pathTo } from '@carcar/common/contract/routes';
import { hrefParts } from '@carcar/common/db/href';
import { sampleVin } from '@carcar/common/vin/vin';
import type pg from 'pg';
import { waitForSync } from './data.js';
import type { Stack } from './stack.js';

// Ten years of one busy store (issue 31, item 2), loaded straight into each service's own schema
// with `INSERT ... SELECT generate_series(...)` after the services ran their migrations. Nothing
// the product relies on is switched off: every audit, webhook-event, counter and sold-at trigger
// fires as it does for a request (each transaction says who acts, as the services do, so the audit
// triggers accept it), inventory's cars get their feed entries in the statement that writes them
// (as inventory-api/src/feed/record-changes.ts does) and service's and sales' copies of the cars
// (AutomobileVO, sold_at, automobile_costs, the sync cursors) are filled by their own pollers
// reading that feed, not written here. The one thing not as production would have it: the audit
// entries' `at` is the time of the load, not the day of the change (the triggers take `now()`).

/**
 * The migrations that record an invoice's labor for the orders invoiced before it was recorded
 * (service-api): `repair_order_labor`'s rows, then their sums on the order.
 */
const LABOR_FILLED = ['0028_repair_order_labor_filled.sql', '0031_repair_order_billed_labor_filled.sql'].map(
  (file) => new URL(`../../service-api/drizzle/${file}`, import.meta.url),
);

export const TEN_YEARS = {
  days: 3650,
  cars: 60_000,
  /** The oldest cars are sold (one live sale each); the rest, bought in the last 120 days, are the stock. */
  sold: 50_000,
  repairOrders: 200_000,
  linesPerOrder: 5,
  appointments: 300_000,
  technicians: 21,
  salespeople: 30,
  customers: 45_000,
} as const;

/** Who the loader's changes are by in the audit trails: a person, as staff make them. */
const LOADER = { kind: 'person', id: 'user:ten-year-loader', name: 'Ten-year loader', role: 'admin' } as const;

const MAKERS: Record<string, string[]> = {
  Toyota: ['Camry', 'Corolla', 'RAV4', 'Tacoma'],
  Ford: ['F-150', 'Escape', 'Explorer', 'Mustang'],
  Honda: ['Civic', 'Accord', 'CR-V', 'Pilot'],
  Chevrolet: ['Silverado', 'Equinox', 'Malibu', 'Tahoe'],
  Subaru: ['Outback', 'Forester', 'Crosstrek', 'Ascent'],
};

const FIRST = `array['James','Mary','Robert','Patricia','John','Jennifer','Michael','Linda','David','Elizabeth',
  'William','Barbara','Richard','Susan','Joseph','Jessica','Thomas','Sarah','Carlos','Karen','Maria','Ana',
  'Daniel','Nancy','Matthew','Lisa','Anthony','Betty','Mark','Sandra','Wei','Aisha','Kenji','Priya','Omar',
  'Sofia','Lucas','Emma','Noah','Olivia']`;
const LAST = `array['Smith','Johnson','Williams','Brown','Jones','Garcia','Miller','Davis','Rodriguez','Martinez',
  'Hernandez','Lopez','Gonzalez','Wilson','Anderson','Thomas','Taylor','Moore','Jackson','Martin','Lee','Perez',
  'Thompson','White','Harris','Sanchez','Clark','Ramirez','Lewis','Robinson','Walker','Young','Allen','King',
  'Wright','Scott','Torres','Nguyen','Hill','Flores','Green','Adams','Nelson','Baker','Hall','Rivera','Campbell',
  'Mitchell','Carter','Roberts']`;

/**
 * SQL for a route's path with its one `:param` taken from `column`, as the record's `href`:
 * `'/api/automobiles/' || car.vin || '/'` for `inventoryRoutes.automobiles.get`. Not URI-encoded,
 * like inventory's own (ids and VINs need none).
 */
function hrefSql(route: { readonly path: string }, column: string): string {
  const { prefix, suffix } = hrefParts(route);
  return `'${prefix}' || ${column} || '${suffix}'`;
}

/** The automobile's JSON exactly as inventory-api/src/json/automobile-json.ts builds it for the feed. */
const automobileJson = `json_build_object(
  'href', ${hrefSql(inventoryRoutes.automobiles.get, 'car.vin')}, 'id', car.id, 'color', car.color,
  'year', car.year, 'vin', car.vin,
  'model', json_build_object(
    'href', ${hrefSql(inventoryRoutes.models.get, 'm.id')}, 'id', m.id, 'name', m.name, 'picture_url', m.picture_url,
    'manufacturer', json_build_object('href', ${hrefSql(inventoryRoutes.manufacturers.get, 'mk.id')}, 'id', mk.id, 'name', mk.name)),
  'sold', car.sold, 'created_at', to_char(car.created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
  'condition', car.condition, 'odometer', car.odometer, 'list_price', car.list_price,
  'acquired_at', to_char(car.acquired_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), 'cost', car.cost)`;
const carModel = `join inventory.vehicle_models m on m.id = car.model_id join inventory.manufacturers mk on mk.id = m.manufacturer_id`;

export interface LoadTimes {
  /** Each step's seconds, in order. */
  steps: Array<{ name: string; seconds: number }>;
  /** From the first row to the last, the copies' sync included, before VACUUM ANALYZE. */
  totalSeconds: number;
  /** VACUUM (ANALYZE) of the loaded database, as autovacuum would have left a ten-year-old store. */
  analyzeSeconds: number;
  rows: Record<string, number>;
  /**
   * CPU seconds of the loader's own Postgres backend over the load (from /proc, when the server
   * runs on this machine; null otherwise): a figure a busy shared machine does not stretch as it
   * does the wall clock. The pollers' and the API's work is not in it.
   */
  backendCpuSeconds: number | null;
}

/** utime + stime of a process in seconds, or null when /proc has no such process (a remote server). */
function cpuSecondsOf(pid: number): number | null {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    // Fields 14 and 15 of stat (utime, stime), counted after the command's closing parenthesis.
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return null;
  }
}

/** The day the ten years end (today, midnight UTC) and begin: every past row falls between. */
export function tenYearWindow(now = new Date()): { start: Date; end: Date } {
  const end = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  return { start: new Date(end.getTime() - TEN_YEARS.days * 86_400_000), end };
}

/** Who the audit triggers record for the rest of the transaction (`carcar.audit`, as `audited` in common sets it). */
async function setAuditContext(client: pg.PoolClient, action: string | undefined, actor: object): Promise<void> {
  const context = { actor, request_id: 'ten-year-load', ...(action ? { action } : {}) };
  await client.query(`select set_config('carcar.audit', $1, true)`, [JSON.stringify(context)]);
}

/** One transaction whose audit triggers record the loader as the actor, as a request's would. */
async function audited(
  client: pg.PoolClient,
  action: string | undefined,
  actor: object,
  work: () => Promise<void>,
): Promise<void> {
  await client.query('begin');
  try {
    await setAuditContext(client, action, actor);
    await work();
    await client.query('commit');
  } catch (error) {
    await client.query('rollback');
    throw error;
  }
}

/** The catalog through inventory's API (a few rows): makers and models as staff enter them. */
async function createCatalog(stack: Stack): Promise<void> {
  for (const [maker, models] of Object.entries(MAKERS)) {
    const made = await stack.call<{ id: number }>('inventory', 'POST', pathTo(inventoryRoutes.manufacturers.create), {
      name: maker,
    });
    for (const name of models) {
      await stack.call('inventory', 'POST', pathTo(inventoryRoutes.models.create), {
        name,
        picture_url: `https://pictures.example/${encodeURIComponent(name.toLowerCase())}.jpg`,
        manufacturer_id: made.id,
      });
    }
  }
}

/**
 * Inventory's cars: all bought into stock (one insert with its feed entries, as a create writes
 * them), then the 50,000 oldest marked sold (one update with its feed entries, as the sales
 * outbox's `POST /api/automobiles/sold/` writes them, audited as `sold` by sales-api).
 */
async function loadInventory(client: pg.PoolClient, start: Date, end: Date): Promise<void> {
  const { cars, sold, days } = TEN_YEARS;
  const vins = Array.from({ length: cars }, (_, i) => sampleVin(i));
  // The sold cars were bought over the ten years up to 60 days ago; the stock in the last 120 days.
  await client.query(
    `create temp table ten_year_cars on commit preserve rows as
     select (ord - 1)::int as i, vin::varchar(17) as vin,
       case when ord - 1 < $2
         then $3::timestamptz + ((ord - 1)::float8 / $2) * (($4 - 60) * interval '1 day') + interval '15 hours'
         else $5::timestamptz - interval '120 days' + ((ord - 1 - $2)::float8 / ($6 - $2)) * interval '119 days' + interval '15 hours'
       end as acquired
     from unnest($1::varchar[]) with ordinality as a(vin, ord)`,
    [vins, sold, start.toISOString(), days, end.toISOString(), cars],
  );
  await client.query('alter table ten_year_cars add primary key (i)');
  await client.query('create unique index on ten_year_cars (vin)');
  // One transaction. Inventory's counter triggers add one to a single counter row per car (a
  // shard per connection, for concurrent writers): 110,000 updates of one row in one transaction
  // walk an ever longer chain of its versions, and took 329 s here. They are switched off inside
  // this transaction only (other sessions wait on the table's lock, never see them off) and the
  // counts re-established from the table as migration 0002 first made them, before commit.
  await audited(client, undefined, LOADER, async () => {
    for (const trigger of ['automobiles_count_insert_delete', 'automobiles_count_sold']) {
      await client.query(`alter table inventory.automobiles disable trigger ${trigger}`);
    }
    await client.query(
      `with car as (
         insert into inventory.automobiles
           (vin, color, year, model_id, created_at, acquired_at, condition, odometer, list_price, cost)
         select c.vin,
           (array['white','black','silver','gray','blue','red','green'])[1 + c.i % 7],
           (extract(year from c.acquired)::int - case when c.i % 5 = 0 then 3 + c.i % 4 else 0 end)::smallint,
           models.ids[1 + c.i % cardinality(models.ids)],
           c.acquired, c.acquired,
           case when c.i % 5 = 0 then 'used' else 'new' end,
           case when c.i % 5 = 0 then 18000 + (c.i * 37) % 60000 else c.i % 40 end,
           18000 + (c.i * 7919) % 40000,
           round((18000 + (c.i * 7919) % 40000) * 0.88, 2)
         from ten_year_cars c
         cross join (select array_agg(id order by id) as ids from inventory.vehicle_models) models
         order by c.i
         returning *)
       insert into inventory.automobile_changes (vin, deleted, automobile)
       select car.vin, false, ${automobileJson} from car ${carModel} order by car.id`,
    );
    // Sold as the sales outbox's `POST /api/automobiles/sold/` marks them: by sales-api, action `sold`.
    await setAuditContext(client, 'sold', { service: 'sales-api' });
    await client.query(
      `with car as (
         update inventory.automobiles a set sold = true
         from ten_year_cars c where a.vin = c.vin and c.i < $1
         returning a.*)
       insert into inventory.automobile_changes (vin, deleted, automobile)
       select car.vin, false, ${automobileJson} from car ${carModel} order by car.id`,
      [sold],
    );
    await client.query('delete from inventory.automobile_counts');
    await client.query(
      `insert into inventory.automobile_counts (shard, sold, n)
       select 0, sold, count(*) from inventory.automobiles group by sold`,
    );
    for (const trigger of ['automobiles_count_insert_delete', 'automobiles_count_sold']) {
      await client.query(`alter table inventory.automobiles enable trigger ${trigger}`);
    }
  });
}

/** An audited table's rows written by a bulk insert: the trigger's entries, built for the whole set at once. */
interface BulkAudit {
  schema: 'service' | 'sales';
  table: string;
  entity: string;
  vinColumn?: string;
  /** The columns the table's trigger leaves out (its migration's arguments after the VIN column). */
  leaveOut: string[];
  /** When the change was made, from the row (`w`): the day it happened, not the day of the load. */
  at: string;
}

/**
 * Runs `insert` (an INSERT ... SELECT without RETURNING, then its parameters) with the audit
 * entries of every row it writes in the audit trigger's form (`*_audit_triggers.sql`: action from
 * the context or `create`, each non-null column but those left out as `[null, value]`, the row's
 * id and VIN, the actor and request id of `carcar.audit`), written by one statement instead of a
 * trigger call per row: a million lines through the trigger took minutes on this shared machine.
 * Where the trigger has a `WHEN` on `carcar.audit_inline` (appointments, sales), the product's own
 * switch tells it the statement writes its entries; elsewhere the trigger is disabled for this
 * statement inside the loader's transaction and enabled again after it (other sessions wait on
 * the table's lock and never see it off).
 */
async function insertAudited(
  client: pg.PoolClient,
  audit: BulkAudit,
  insert: string,
  params: unknown[],
): Promise<void> {
  const inline = audit.table === 'appointments' || audit.table === 'sales';
  const qualified = `${audit.schema}.${audit.table}`;
  if (inline) await client.query(`select set_config('carcar.audit_inline', $1, true)`, [audit.table]);
  else await client.query(`alter table ${qualified} disable trigger ${audit.table}_audit`);
  await client.query(
    `with written as (${insert} returning *)
     insert into ${audit.schema}.audit_log (at, actor, action, entity, entity_id, vin, changes, reason, request_id)
     select ${audit.at}, ctx.c -> 'actor', coalesce(ctx.c ->> 'action', 'create'), '${audit.entity}', w.id::text,
       ${audit.vinColumn ? `w.${audit.vinColumn}` : 'null'},
       (select jsonb_object_agg(e.key, jsonb_build_array(null, e.value)) from jsonb_each(to_jsonb(w)) e
        where e.value <> 'null'::jsonb and e.key <> all($${params.length + 1}::text[])),
       ctx.c ->> 'reason', coalesce(ctx.c ->> 'request_id', '')
     from written w cross join (select current_setting('carcar.audit')::jsonb as c) ctx
     order by w.id`,
    [...params, audit.leaveOut],
  );
  if (inline) await client.query(`select set_config('carcar.audit_inline', '', true)`);
  else await client.query(`alter table ${qualified} enable trigger ${audit.table}_audit`);
}

/** Service's technicians, appointments and repair orders with their lines, clock time and payments. */
async function loadService(client: pg.PoolClient, start: Date, end: Date): Promise<void> {
  const { technicians, appointments, repairOrders, cars, days } = TEN_YEARS;
  await audited(client, undefined, LOADER, async () => {
    await client.query(
      `insert into service.technicians (first_name, last_name, employee_id)
       select (${FIRST})[1 + n % 40], (${LAST})[1 + (n * 7) % 50], 'TY-T' || n from generate_series(1, $1::int) n`,
      [technicians],
    );
    // 84 a day: each technician one an hour long in each of four two-hour slots (14, 16, 19 and
    // 21 UTC), so no technician is ever double-booked; the last week is still to come ('created').
    const perDay = technicians * 4;
    const bookedDays = Math.ceil(appointments / perDay);
    await insertAudited(
      client,
      {
        schema: 'service',
        table: 'appointments',
        entity: 'appointment',
        vinColumn: 'vin',
        leaveOut: ['ends_at', 'created_at'],
        at: 'w.created_at',
      },
      `insert into service.appointments
         (date_time, duration_minutes, ends_at, reason, status, vin, customer, technician_id, created_at, cancel_reason)
       select s.at, 60, s.at + interval '60 minutes',
         (array['Oil change','Tire rotation','Brake inspection','State inspection','Check engine light',
                'Recall campaign','Battery replacement','Wheel alignment'])[1 + j % 8],
         s.status, c.vin,
         (${FIRST})[1 + (j * 7) % 40] || ' ' || (${LAST})[1 + (j * 11) % 50],
         t.ids[1 + j % $2::int], least(now(), s.at - (1 + j % 14) * interval '1 day'),
         case when s.status = 'canceled' then 'Customer rescheduled' end
       from generate_series(0, $1::int - 1) j
       cross join (select array_agg(id order by id) as ids from service.technicians) t
       cross join lateral (select $3::timestamptz + (j / ($2::int * 4)) * interval '1 day'
         + (array[14, 16, 19, 21])[1 + (j % ($2::int * 4)) / $2::int] * interval '1 hour' as at) slot
       cross join lateral (select slot.at,
         case when slot.at > now() then 'created' when j % 17 = 0 then 'canceled' else 'finished' end as status) s
       join ten_year_cars c on c.i = (j::bigint * 7919) % $4::int
       order by j`,
      [appointments, technicians, new Date(end.getTime() - (bookedDays - 8) * 86_400_000).toISOString(), cars],
    );
    // About 55 orders a day; the newest still in the shop, one in 97 voided, the rest invoiced and
    // closed. Each on a car bought by then (its index below the cars acquired so far).
    await insertAudited(
      client,
      {
        schema: 'service',
        table: 'repair_orders',
        entity: 'repair_order',
        vinColumn: 'vin',
        leaveOut: ['approval_token_hash', 'created_at'],
        at: 'w.created_at',
      },
      `insert into service.repair_orders
         (vin, customer_name, customer_phone, customer_email, mileage, concern, advisor_id, advisor_name,
          status, tax_rate, created_at, invoiced_at, closed_at, void_reason)
       select c.vin, (${FIRST})[1 + (k * 13) % 40] || ' ' || (${LAST})[1 + (k * 17) % 50],
         '555-' || lpad((k % 10000)::text, 4, '0'),
         case when k % 3 = 0 then 'customer' || k || '@mail.example' end,
         5000 + (k * 37) % 150000,
         (array['Oil change and inspection','Brakes squeal when stopping','Check engine light is on',
                'Noise from the front suspension','AC blows warm air','Vibration at highway speed',
                'Scheduled 60,000-mile service','Battery will not hold a charge'])[1 + k % 8],
         'user:ten-year-advisor-' || k % 4, (array['Dana Brooks','Luis Ortega','Kim Park','Sam Reed'])[1 + k % 4],
         st.status, case when st.status in ('invoiced', 'closed') then 7.250 end, t.at,
         case when st.status in ('invoiced', 'closed') then t.at + interval '5 hours' end,
         case when st.status = 'closed' then t.at + interval '1 day' end,
         case when st.status = 'void' then 'Customer declined the work' end
       from generate_series(0, $1::int - 1) k
       cross join lateral (select $2::timestamptz + (k::float8 / $1::int) * (($3::int - 2) * interval '1 day')
         + interval '14 hours' as at) t
       cross join lateral (select case
         when k >= $1::int - 40 then (array['open', 'estimate', 'in_progress', 'ready'])[1 + k % 4]
         when k >= $1::int - 60 then 'invoiced'
         when k % 97 = 0 then 'void'
         else 'closed' end as status) st
       join ten_year_cars c on c.i = (k::bigint * 7919) % least($4::int, 1 + (k::bigint * $4::int / $1::int)::int)
       order by k`,
      [repairOrders, start.toISOString(), days, cars],
    );
    // Five lines an order: two labor (the order's technician), two parts, one fee. Parts are by
    // number without a catalogue entry (special orders), so no stock moves.
    await insertAudited(
      client,
      {
        schema: 'service',
        table: 'repair_order_lines',
        entity: 'repair_order_line',
        leaveOut: ['created_at'],
        at: 'w.created_at',
      },
      `insert into service.repair_order_lines
         (repair_order_id, kind, description, hours, rate, part_number, quantity, unit_price, amount,
          technician_id, status, approval_by, approval_name, approval_method, approval_at, done_at, created_at)
       select ro.id, spec.kind, spec.description, spec.hours, spec.rate, spec.part_number, spec.quantity,
         spec.unit_price, spec.amount,
         case when spec.kind = 'labor' then t.ids[1 + ro.id % cardinality(t.ids)] end,
         line.status,
         case when line.status <> 'proposed' then 'advisor' end,
         case when line.status <> 'proposed' then ro.customer_name end,
         case when line.status <> 'proposed' then 'phone' end,
         case when line.status <> 'proposed' then ro.created_at + interval '1 hour' end,
         case when line.status = 'done' then ro.created_at + interval '4 hours' end,
         ro.created_at
       from service.repair_orders ro
       cross join (select array_agg(id order by id) as ids from service.technicians) t
       cross join generate_series(0, $1::int - 1) n
       cross join lateral (select
         (array['labor', 'labor', 'part', 'part', 'fee'])[1 + n] as kind,
         (array['Diagnose the concern', 'Perform the repair', 'Filter', 'Synthetic oil, quart', 'Shop supplies'])[1 + n]
           as description,
         case n when 0 then 1.0 when 1 then 0.5 + (ro.id % 6) * 0.5 end as hours,
         case when n < 2 then 120.00 end as rate,
         case n when 2 then 'FL-' || (100 + ro.id % 40) when 3 then 'OIL-5W30' end as part_number,
         case n when 3 then 5 else 1 end as quantity,
         case n when 2 then 12.50 when 3 then 9.00 when 4 then 15.00 end as unit_price,
         case n when 0 then 120.00 when 1 then (0.5 + (ro.id % 6) * 0.5) * 120.00 when 2 then 12.50
           when 3 then 45.00 else 15.00 end as amount) spec
       cross join lateral (select case
         when ro.status in ('invoiced', 'closed', 'ready') then case when n = 3 and ro.id % 10 = 0 then 'declined' else 'done' end
         when ro.status = 'in_progress' then 'approved'
         else 'proposed' end as status) line
       order by ro.id, n`,
      [TEN_YEARS.linesPerOrder],
    );
    // The clock on each finished labor line: invoicing needs every clock stopped, so all are.
    await insertAudited(
      client,
      { schema: 'service', table: 'line_clock_entries', entity: 'line_clock', leaveOut: [], at: 'w.started_at' },
      `insert into service.line_clock_entries (line_id, technician_id, started_at, ended_at)
       select l.id, l.technician_id, l.created_at + interval '1 hour',
         l.created_at + interval '1 hour' + l.hours * (1 + (l.id % 5) * 0.05) * interval '1 hour'
       from service.repair_order_lines l
       where l.kind = 'labor' and l.status = 'done'
       order by l.id`,
      [],
    );
    // A closed order was paid: its lines done, with the frozen tax rate.
    await insertAudited(
      client,
      { schema: 'service', table: 'repair_order_payments', entity: 'repair_order_payment', leaveOut: [], at: 'w.at' },
      `insert into service.repair_order_payments (repair_order_id, amount, method, at)
       select ro.id, round(sum(l.amount) * (1 + ro.tax_rate / 100), 2),
         (array['card', 'cash', 'check', 'card'])[1 + ro.id % 4], ro.closed_at
       from service.repair_orders ro join service.repair_order_lines l on l.repair_order_id = ro.id
       where ro.status = 'closed' and l.status = 'done'
       group by ro.id
       order by ro.id`,
      [],
    );
    // Each invoiced order's labor, which an invoice records (repair_order_labor and the order's
    // billed labor): written here by the migrations that fill it for the orders invoiced before it
    // was recorded, as an upgrade would.
    for (const file of LABOR_FILLED) await client.query(readFileSync(file, 'utf8'));
  });
}

/** Sales' salespeople, customers and one live sale per sold car, once sales' copy holds the cars. */
async function loadSales(client: pg.PoolClient): Promise<void> {
  const { salespeople, customers, sold } = TEN_YEARS;
  await audited(client, undefined, LOADER, async () => {
    await client.query(
      `insert into sales.salespeople (first_name, last_name, employee_id, active)
       select (${FIRST})[1 + (n * 3) % 40], (${LAST})[1 + (n * 11) % 50], 'TY-S' || n, n % 6 <> 0
       from generate_series(1, $1::int) n`,
      [salespeople],
    );
    await insertAudited(
      client,
      { schema: 'sales', table: 'customers', entity: 'customer', leaveOut: [], at: 'now()' },
      `insert into sales.customers (first_name, last_name, address, phone_number)
       select (${FIRST})[1 + n % 40], (${LAST})[1 + (n / 40) % 50],
         (100 + n % 9000) || ' ' || (array['Oak','Maple','Cedar','Pine','Elm','Lake','Hill','Park'])[1 + n % 8] || ' Street',
         '555-' || lpad((n / 10000)::text, 3, '0') || '-' || lpad((n % 10000)::text, 4, '0')
       from generate_series(0, $1::int - 1) n
       order by n`,
      [customers],
    );
    // Each sold car once, a few days after it came in, a little under its list price.
    await insertAudited(
      client,
      {
        schema: 'sales',
        table: 'sales',
        entity: 'sale',
        vinColumn: 'automobile_vin',
        leaveOut: ['created_at'],
        at: 'w.created_at',
      },
      `insert into sales.sales (price, automobile_vin, salesperson_id, customer_id, created_at)
       select 18000 + (c.i * 7919) % 40000 - (c.i % 10) * 150, c.vin,
         sp.ids[1 + (c.i * 7) % cardinality(sp.ids)],
         cu.first + (c.i * 13) % $2::int,
         c.acquired + (1 + (c.i * 37) % 55) * interval '1 day' + interval '2 hours'
       from ten_year_cars c
       cross join (select array_agg(id order by id) as ids from sales.salespeople) sp
       cross join (select min(id) as first from sales.customers) cu
       where c.i < $1::int
       order by c.i`,
      [sold, customers],
    );
  });
}

/** Rows of each loaded table, to print beside the load time and check the load did what it says. */
async function countRows(pool: pg.Pool): Promise<Record<string, number>> {
  const tables = [
    'inventory.automobiles',
    'inventory.automobile_changes',
    'inventory.audit_log',
    'service.automobile_vos',
    'service.appointments',
    'service.repair_orders',
    'service.repair_order_lines',
    'service.line_clock_entries',
    'service.repair_order_labor',
    'service.repair_order_payments',
    'service.audit_log',
    'sales.automobile_vos',
    'sales.customers',
    'sales.sales',
    'sales.audit_log',
  ];
  const counts: Record<string, number> = {};
  for (const table of tables) {
    const { rows } = await pool.query<{ n: string }>(`select count(*) as n from ${table}`);
    counts[table] = Number(rows[0]?.n ?? 0);
  }
  return counts;
}

/**
 * Loads the ten years (Postgres only): the catalog through the API, inventory, then service while
 * the copies catch up, then sales once its copy holds every car; then VACUUM (ANALYZE).
 */
export async function loadTenYears(stack: Stack, log: (text: string) => void): Promise<LoadTimes> {
  const pool = stack.database.pool;
  if (!pool) throw new Error('the ten-year scenario loads with SQL: run it on Postgres (DATABASE_URL)');
  const { start, end } = tenYearWindow();
  const steps: LoadTimes['steps'] = [];
  const began = performance.now();
  let last = began;
  const lap = (name: string) => {
    const now = performance.now();
    steps.push({ name, seconds: Math.round((now - last) / 100) / 10 });
    log(`${name}: ${((now - last) / 1000).toFixed(1)} s`);
    last = now;
  };
  await createCatalog(stack);
  lap('catalog through the API (5 makers, 20 models)');
  const client = await pool.connect();
  let backendCpuSeconds: number | null = null;
  try {
    const { rows } = await client.query<{ pid: number }>('select pg_backend_pid() as pid');
    const backend = rows[0]?.pid ?? 0;
    const cpuBefore = cpuSecondsOf(backend);
    await loadInventory(client, start, end);
    lap(`inventory: ${TEN_YEARS.cars.toLocaleString('en')} cars, ${TEN_YEARS.sold.toLocaleString('en')} marked sold`);
    await loadService(client, start, end);
    lap(
      `service: ${TEN_YEARS.appointments.toLocaleString('en')} appointments, ${TEN_YEARS.repairOrders.toLocaleString('en')} repair orders with ${(TEN_YEARS.repairOrders * TEN_YEARS.linesPerOrder).toLocaleString('en')} lines, clock entries, payments`,
    );
    await waitForSync(stack);
    lap('service and sales copies in sync with the feed (their pollers)');
    await loadSales(client);
    lap(`sales: ${TEN_YEARS.customers.toLocaleString('en')} customers, ${TEN_YEARS.sold.toLocaleString('en')} sales`);
    const cpuAfter = cpuSecondsOf(backend);
    if (cpuBefore !== null && cpuAfter !== null) backendCpuSeconds = Math.round((cpuAfter - cpuBefore) * 10) / 10;
    await client.query('drop table ten_year_cars');
  } finally {
    client.release();
  }
  const totalSeconds = Math.round((performance.now() - began) / 100) / 10;
  const analyzing = performance.now();
  await pool.query('vacuum (analyze)');
  const analyzeSeconds = Math.round((performance.now() - analyzing) / 100) / 10;
  log(`VACUUM (ANALYZE): ${analyzeSeconds} s`);
  return { steps, totalSeconds, analyzeSeconds, rows: await countRows(pool), backendCpuSeconds };
}
