import type { RepairOrderStatus } from '@carcar/common/contract/repair-orders';
import { type AuditContext, auditCte } from '@carcar/common/db/audit';
import type { Db } from '@carcar/common/db/database';
import { jsonRow, rowFromJson } from '@carcar/common/db/json-rows';
import { containing } from '@carcar/common/db/like';
import { fetchPage } from '@carcar/common/db/pagination';
import { countKeptOr, type KeptTotal, totalKeptOr } from '@carcar/common/db/row-counts';
import { prepareRows, queryRows } from '@carcar/common/db/statements';
import { and, asc, desc, eq, getTableName, ilike, inArray, isNull, or, type SQL, sql } from 'drizzle-orm';
import type { InspectionItemRow, InspectionPhotoRow } from '../db/inspection.js';
import {
  automobileVOs,
  inspectionItems,
  inspectionPhotos,
  lineClockEntries,
  repairOrderLabor,
  repairOrderLines,
  repairOrderPayments,
  repairOrders,
  rowCounts,
  shopSettings,
  technicians,
} from '../db/schema.js';
import { type ShopRates, shopRatesOf } from '../db/shop-settings.js';
import type { RepairOrderListQuery } from './schemas.js';

// The SQL of repair orders. Every write runs inside the use case's transaction (`tx`), which set
// the audit context first and locked the order's row (`lockOrder`), so two requests on one order
// take turns and each sees the other's result.

export type OrderRow = typeof repairOrders.$inferSelect;
export type LineRow = typeof repairOrderLines.$inferSelect;
export type PaymentRow = typeof repairOrderPayments.$inferSelect;
export type NewLine = typeof repairOrderLines.$inferInsert;
export type NewOrder = typeof repairOrders.$inferInsert;

/** The columns a write-up gives; the rest take their defaults. */
export type OrderInsert = Required<
  Pick<
    NewOrder,
    | 'vin'
    | 'customerName'
    | 'customerPhone'
    | 'customerEmail'
    | 'mileage'
    | 'concern'
    | 'appointmentId'
    | 'advisorId'
    | 'advisorName'
  >
>;

/** The columns a new line gives; it is `proposed`. */
export type LineInsert = Required<
  Pick<
    NewLine,
    | 'repairOrderId'
    | 'kind'
    | 'description'
    | 'hours'
    | 'rate'
    | 'partNumber'
    | 'quantity'
    | 'unitPrice'
    | 'amount'
    | 'technicianId'
  >
>;

const placeholder = (name: string) => sql.placeholder(name);

/** Everything one order's JSON is built from. */
export interface OrderDetails {
  order: OrderRow;
  vip: boolean;
  /** "2018 Toyota Camry" from service's copy of inventory, or null for a car never in stock. */
  vehicle: string | null;
  lines: LineRow[];
  /** Seconds on the clock per line (a running clock counts to now). */
  clockedSeconds: Map<number, number>;
  payments: PaymentRow[];
  /** The inspection items, oldest first, each with its photos. */
  inspection: Array<{ item: InspectionItemRow; photos: InspectionPhotoRow[] }>;
  /** The shop's rates as they are now (an invoiced order's tax rate is its own, on the order). */
  rates: ShopRates;
}

/** A running clock: which line it runs on, for the 409 that names it. */
export interface RunningClock {
  entryId: number;
  lineId: number;
  repairOrderId: number;
  description: string;
  technicianId: number;
}

/** The clocks still running (no end) that `where` picks, with the line each runs on. */
function runningClocks(tx: Db, where: SQL): Promise<RunningClock[]> {
  return tx
    .select({
      entryId: lineClockEntries.id,
      lineId: lineClockEntries.lineId,
      repairOrderId: repairOrderLines.repairOrderId,
      description: repairOrderLines.description,
      technicianId: lineClockEntries.technicianId,
    })
    .from(lineClockEntries)
    .innerJoin(repairOrderLines, eq(repairOrderLines.id, lineClockEntries.lineId))
    .where(and(where, isNull(lineClockEntries.endedAt)));
}

/** One order as `detailsQuery` answers it: its row, the car, and its lists as JSON. */
interface DetailsRow {
  order: OrderRow;
  vehicle: string | null;
  lines: Array<{ row: Record<string, unknown>; clockedSeconds: number | null }>;
  payments: Array<Record<string, unknown>>;
  inspection: Array<{ row: Record<string, unknown>; photos: Array<Record<string, unknown>> }>;
  laborRate: string | null;
  taxRate: string | null;
}

/**
 * The orders whose ids are in `ids` (a comma-separated list: the same text on PGlite and on a
 * server, where an array parameter is not), each with its lines (and the seconds on their clocks,
 * a running clock counting to now), payments and inspection items with their photos, oldest first,
 * and the shop's rates (null before a manager saves any).
 */
function detailsQuery(ids: SQL): SQL {
  return detailsOfRows(sql`${repairOrders}`, sql`${repairOrders.id} = any(string_to_array(${ids}, ',')::int[])`);
}

/**
 * `detailsQuery` for one order, the hot read. Postgres plans the list's `any(...)` form afresh at
 * every call (its generic plan's row estimate looks dearer than a plan for the ids given), which
 * cost 480 µs of its CPU per read against 70 µs for this form, planned once per connection
 * (`pg_prepared_statements.custom_plans` showed every read planned).
 */
function detailsOfOneQuery(id: SQL): SQL {
  return detailsOfRows(sql`${repairOrders}`, sql`${repairOrders.id} = ${id}::int`);
}

/**
 * `detailsQuery`'s columns for the orders of `source` (a table or a `with` query named as the
 * table, `created as repair_orders`) that match `where`.
 */
function detailsOfRows(source: SQL, where: SQL): SQL {
  // Unqualified by the schema, so that it means `source` whether that is the table or a `with` query named as it.
  const orderColumn = (name: 'id' | 'vin') =>
    sql`${sql.identifier(getTableName(repairOrders))}.${sql.identifier(name)}`;
  const clocked = sql`(select floor(sum(extract(epoch from (coalesce(${lineClockEntries.endedAt}, now()) - ${lineClockEntries.startedAt}))))::bigint
    from ${lineClockEntries} where ${lineClockEntries.lineId} = ${repairOrderLines.id})`;
  const photos = sql`coalesce((select json_agg(${jsonRow(inspectionPhotos)} order by ${inspectionPhotos.id})
    from ${inspectionPhotos} where ${inspectionPhotos.itemId} = ${inspectionItems.id}), '[]')`;
  return sql`select ${jsonRow(repairOrders)} as "order",
      case when ${automobileVOs.vin} is null then null
        else ${automobileVOs.year} || ' ' || ${automobileVOs.manufacturerName} || ' ' || ${automobileVOs.modelName} end as vehicle,
      coalesce((select json_agg(json_build_object('row', ${jsonRow(repairOrderLines)}, 'clockedSeconds', ${clocked}) order by ${repairOrderLines.id})
        from ${repairOrderLines} where ${repairOrderLines.repairOrderId} = ${orderColumn('id')}), '[]') as lines,
      coalesce((select json_agg(${jsonRow(repairOrderPayments)} order by ${repairOrderPayments.id})
        from ${repairOrderPayments} where ${repairOrderPayments.repairOrderId} = ${orderColumn('id')}), '[]') as payments,
      coalesce((select json_agg(json_build_object('row', ${jsonRow(inspectionItems)}, 'photos', ${photos}) order by ${inspectionItems.id})
        from ${inspectionItems} where ${inspectionItems.repairOrderId} = ${orderColumn('id')}), '[]') as inspection,
      (select ${shopSettings.laborRate}::text from ${shopSettings} where ${shopSettings.id} = 1) as "laborRate",
      (select ${shopSettings.taxRate}::text from ${shopSettings} where ${shopSettings.id} = 1) as "taxRate"
    from ${source} left join ${automobileVOs} on ${automobileVOs.vin} = ${orderColumn('vin')}
    where ${where}`;
}

function detailsOf(row: DetailsRow): OrderDetails {
  const lines = row.lines.map((line) => rowFromJson(repairOrderLines, line.row));
  return {
    order: rowFromJson(repairOrders, row.order as unknown as Record<string, unknown>),
    vip: row.vehicle !== null,
    vehicle: row.vehicle,
    lines,
    clockedSeconds: new Map(
      row.lines.map((line, i) => [lines[i]?.id ?? 0, Math.max(0, Number(line.clockedSeconds ?? 0))]),
    ),
    payments: row.payments.map((payment) => rowFromJson(repairOrderPayments, payment)),
    inspection: row.inspection.map((item) => ({
      item: rowFromJson(inspectionItems, item.row),
      photos: item.photos.map((photo) => rowFromJson(inspectionPhotos, photo)),
    })),
    rates: shopRatesOf(
      row.laborRate === null || row.taxRate === null ? undefined : { laborRate: row.laborRate, taxRate: row.taxRate },
    ),
  };
}

function listWhere(query: RepairOrderListQuery): SQL | undefined {
  const conditions: SQL[] = [];
  if (query.status) conditions.push(eq(repairOrders.status, query.status));
  if (query.vin) conditions.push(eq(repairOrders.vin, query.vin));
  if (query.technician !== undefined) {
    conditions.push(sql`exists (select 1 from ${repairOrderLines}
      where ${repairOrderLines.repairOrderId} = ${repairOrders.id}
        and ${repairOrderLines.technicianId} = ${query.technician})`);
  }
  if (query.q) {
    const pattern = containing(query.q);
    conditions.push(
      or(
        ilike(repairOrders.vin, pattern),
        ilike(repairOrders.customerName, pattern),
        ilike(repairOrders.customerPhone, pattern),
        ilike(repairOrders.customerEmail, pattern),
        ilike(repairOrders.concern, pattern),
      ) as SQL,
    );
  }
  return conditions.length > 0 ? and(...conditions) : undefined;
}

/** The whole list's total, kept by triggers (migration 0025). */
const keptTotal: KeptTotal = { counts: rowCounts, counted: 'repair_orders' };

/**
 * The list's total. The whole list's is the kept count (common/src/db/row-counts.ts), not a count
 * of every order on each page. A technician's orders alone (`?technician=` and no other filter) are counted
 * from their lines' index (`repair_order_lines_technician_order_idx`, an index-only scan: each line
 * names an order that exists), not by testing every order for such a line: with ten years of one
 * busy store (200,000 orders) that test read the whole orders table per request (docs/performance.md).
 */
function listTotal(query: RepairOrderListQuery, where: SQL | undefined): SQL<number> {
  const technicianOnly =
    query.technician !== undefined && query.status === undefined && query.vin === undefined && !query.q;
  if (!technicianOnly) return totalKeptOr(repairOrders, where, keptTotal);
  return sql<number>`(select count(distinct ${repairOrderLines.repairOrderId}) from ${repairOrderLines}
    where ${repairOrderLines.technicianId} = ${query.technician})`.mapWith(Number);
}

export function repairOrderStatements(db: Db) {
  const detailsById = prepareRows<DetailsRow, { ids: string }>(
    db,
    'service_repair_orders_details',
    detailsQuery(sql`${sql.placeholder('ids')}`),
  );
  const detailsOfOne = prepareRows<DetailsRow, { id: number }>(
    db,
    'service_repair_orders_details_one',
    detailsOfOneQuery(sql`${sql.placeholder('id')}`),
  );
  // The hot writes (an advisor's write-up and its lines) are one statement each, outside any
  // transaction: the `audit` parameter tells the tables' audit triggers who acted (auditCte).
  const insertOrderStatement = prepareRows<DetailsRow, Record<keyof OrderInsert, unknown> & { audit: string }>(
    db,
    'service_repair_orders_create',
    sql`with ${auditCte},
      created as (
        insert into ${repairOrders} (vin, customer_name, customer_phone, customer_email, mileage, concern,
          appointment_id, advisor_id, advisor_name)
        select ${placeholder('vin')}::varchar, ${placeholder('customerName')}::varchar, ${placeholder('customerPhone')}::varchar,
          ${placeholder('customerEmail')}::varchar, ${placeholder('mileage')}::int, ${placeholder('concern')}::varchar,
          ${placeholder('appointmentId')}::int, ${placeholder('advisorId')}::varchar, ${placeholder('advisorName')}::varchar
        from audit
        returning *)
      ${detailsOfRows(sql`created as ${sql.identifier(getTableName(repairOrders))} cross join audit`, sql`true`)}`,
  );
  const orderForLineStatement = prepareRows<{ status: RepairOrderStatus; laborRate: string | null }, { id: number }>(
    db,
    'service_repair_orders_for_line',
    sql`select ${repairOrders.status} as status,
        (select ${shopSettings.laborRate}::text from ${shopSettings} where ${shopSettings.id} = 1) as "laborRate"
      from ${repairOrders} where ${repairOrders.id} = ${placeholder('id')}`,
  );
  // The order's row is share-locked while the line goes in: an invoice, a void or a decision (which
  // lock it for update) waits for the line or goes first, and the line then finds the order no
  // longer `working` and is not written. A line priced at the shop's labor rate as this process
  // last read it goes in only if that is still the rate (`pricedAtRate`; null: no rate saved).
  const insertLineStatement = prepareRows<
    { line: Record<string, unknown> },
    Record<keyof LineInsert, unknown> & { audit: string; working: string; checkRate: boolean; pricedAtRate: unknown }
  >(
    db,
    'service_repair_orders_add_line',
    sql`with ${auditCte},
      working_order as (
        select ${repairOrders.id} from ${repairOrders}
        where ${repairOrders.id} = ${placeholder('repairOrderId')}::int
          and ${repairOrders.status} = any(string_to_array(${placeholder('working')}::text, ','))
          and (not ${placeholder('checkRate')}::boolean
            or (select ${shopSettings.laborRate}::text from ${shopSettings} where ${shopSettings.id} = 1)
              is not distinct from ${placeholder('pricedAtRate')}::text)
        for share),
      added as (
        insert into ${repairOrderLines} (repair_order_id, kind, description, hours, rate, part_number, quantity,
          unit_price, amount, technician_id, status)
        select working_order.id, ${placeholder('kind')}::varchar, ${placeholder('description')}::varchar,
          ${placeholder('hours')}::numeric, ${placeholder('rate')}::numeric, ${placeholder('partNumber')}::varchar,
          ${placeholder('quantity')}::numeric, ${placeholder('unitPrice')}::numeric, ${placeholder('amount')}::numeric,
          ${placeholder('technicianId')}::int, 'proposed'
        from working_order cross join audit
        returning ${jsonRow(repairOrderLines)} as line)
      select line from added cross join audit`,
  );
  return {
    /** Writes up an order (status `open`) with its audit entry; the order as `details` reads it. */
    async createOrder(order: OrderInsert, audit: AuditContext): Promise<OrderDetails> {
      const [row] = await insertOrderStatement({ ...order, audit: JSON.stringify(audit) });
      if (!row) throw new Error('insert returned no row');
      return detailsOf(row);
    },

    /** What adding a line needs to know first: the order's status and the shop's labor rate (null: the default). */
    async orderForLine(id: number): Promise<{ status: RepairOrderStatus; laborRate: string | null } | undefined> {
      const [row] = await orderForLineStatement({ id });
      return row;
    },

    /**
     * Adds a proposed line if the order is still in one of the `working` statuses, and, given
     * `pricedAtRate` (the shop's labor rate the line was priced at, null for none saved), only if
     * that is still the shop's rate; undefined if not.
     */
    async addLine(
      line: LineInsert,
      working: readonly RepairOrderStatus[],
      audit: AuditContext,
      pricedAtRate?: string | null,
    ): Promise<LineRow | undefined> {
      const [row] = await insertLineStatement({
        ...line,
        working: working.join(','),
        audit: JSON.stringify(audit),
        checkRate: pricedAtRate !== undefined,
        pricedAtRate: pricedAtRate ?? null,
      });
      return row ? rowFromJson(repairOrderLines, row.line) : undefined;
    },

    /** One page of order ids, newest first, and how many match in all. */
    async list(query: RepairOrderListQuery): Promise<{ ids: number[]; total: number }> {
      const where = listWhere(query);
      const { rows, total } = await fetchPage(
        db
          .select({ id: repairOrders.id, total: listTotal(query, where) })
          .from(repairOrders)
          .where(where)
          .orderBy(desc(repairOrders.id))
          .offset(query.offset)
          .$dynamic(),
        query,
        () => countKeptOr(db, repairOrders, where, keptTotal),
      );
      return { ids: rows.map((row) => row.id), total };
    },

    /**
     * The orders with these ids, with their lines, clocks, payments and inspection, and the shop's
     * rates, in the order asked: one statement (prepared, outside a transaction), so a read is one
     * round trip whatever the order holds.
     */
    async details(ids: readonly number[], tx?: Db): Promise<OrderDetails[]> {
      if (ids.length === 0) return [];
      const list = ids.join(',');
      const [only] = ids;
      const rows = tx
        ? await queryRows<DetailsRow>(tx, detailsQuery(sql`${list}`))
        : ids.length === 1 && only !== undefined
          ? await detailsOfOne({ id: only })
          : await detailsById({ ids: list });
      const byId = new Map(rows.map((row) => [row.order.id, row]));
      return ids.flatMap((id) => {
        const row = byId.get(id);
        return row ? [detailsOf(row)] : [];
      });
    },

    /** The order's row, locked until the transaction ends: writes to one order take turns. */
    async lockOrder(tx: Db, id: number): Promise<OrderRow | undefined> {
      const [row] = await tx.select().from(repairOrders).where(eq(repairOrders.id, id)).for('update');
      return row;
    },

    /** The order whose approval link has this hash. */
    async findByTokenHash(hash: string): Promise<OrderRow | undefined> {
      const [row] = await db.select().from(repairOrders).where(eq(repairOrders.approvalTokenHash, hash));
      return row;
    },

    async updateOrder(tx: Db, id: number, values: Partial<NewOrder>): Promise<void> {
      await tx.update(repairOrders).set(values).where(eq(repairOrders.id, id));
    },

    async setStatus(tx: Db, id: number, status: RepairOrderStatus): Promise<void> {
      await tx.update(repairOrders).set({ status }).where(eq(repairOrders.id, id));
    },

    async lines(tx: Db, orderId: number): Promise<LineRow[]> {
      return tx
        .select()
        .from(repairOrderLines)
        .where(eq(repairOrderLines.repairOrderId, orderId))
        .orderBy(asc(repairOrderLines.id));
    },

    async line(tx: Db, orderId: number, lineId: number): Promise<LineRow | undefined> {
      const [row] = await tx
        .select()
        .from(repairOrderLines)
        .where(and(eq(repairOrderLines.id, lineId), eq(repairOrderLines.repairOrderId, orderId)));
      return row;
    },

    async updateLine(tx: Db, lineId: number, values: Partial<NewLine>): Promise<void> {
      await tx.update(repairOrderLines).set(values).where(eq(repairOrderLines.id, lineId));
    },

    async deleteLine(tx: Db, lineId: number): Promise<void> {
      await tx.delete(repairOrderLines).where(eq(repairOrderLines.id, lineId));
    },

    async technicianExists(tx: Db, id: number): Promise<boolean> {
      const [row] = await tx.select({ id: technicians.id }).from(technicians).where(eq(technicians.id, id));
      return row !== undefined;
    },

    /** The technician's running clock, wherever it runs. */
    async runningClockOf(tx: Db, technicianId: number): Promise<RunningClock | undefined> {
      const [row] = await runningClocks(tx, eq(lineClockEntries.technicianId, technicianId));
      return row;
    },

    /** The running clocks on an order's lines. */
    async runningClocksOn(tx: Db, orderId: number): Promise<RunningClock[]> {
      return runningClocks(tx, eq(repairOrderLines.repairOrderId, orderId));
    },

    async clockOn(tx: Db, lineId: number, technicianId: number): Promise<void> {
      await tx.insert(lineClockEntries).values({ lineId, technicianId });
    },

    /** Stops the clocks running on these lines; how many it stopped. */
    async clockOff(tx: Db, lineIds: readonly number[]): Promise<number> {
      if (lineIds.length === 0) return 0;
      const stopped = await tx
        .update(lineClockEntries)
        .set({ endedAt: sql`now()` })
        .where(and(inArray(lineClockEntries.lineId, [...lineIds]), isNull(lineClockEntries.endedAt)))
        .returning({ id: lineClockEntries.id });
      return stopped.length;
    },

    /**
     * Records the invoiced order's labor per technician (`repair_order_labor`) for the month
     * reports: its billed labor lines' hours and amount by their technician, and the time each
     * technician clocked on its lines. Invoicing needs every clock stopped, so all have ended.
     * Answers the billed hours' and amount's sums (numeric text), which the invoice puts on the order.
     */
    async recordLabor(tx: Db, orderId: number): Promise<{ hours: string; amount: string }> {
      const [sums] = await queryRows<{ hours: string; amount: string }>(
        tx,
        sql`with billed as (
          select technician_id, sum(hours) as hours, sum(amount) as amount
          from ${repairOrderLines}
          where repair_order_id = ${orderId} and kind = 'labor' and status in ('approved', 'done')
          group by technician_id),
        clocked as (
          select entry.technician_id, sum(extract(epoch from entry.ended_at - entry.started_at)) as seconds
          from ${repairOrderLines} as line join ${lineClockEntries} as entry on entry.line_id = line.id
          where line.repair_order_id = ${orderId} and entry.ended_at is not null
          group by entry.technician_id),
        recorded as (
          insert into ${repairOrderLabor} (repair_order_id, technician_id, billed_hours, billed_amount, clocked_seconds)
          select ${orderId}::int, coalesce(billed.technician_id, clocked.technician_id), billed.hours, billed.amount,
            clocked.seconds
          from billed full join clocked on clocked.technician_id = billed.technician_id
          returning billed_hours, billed_amount)
        select coalesce(sum(billed_hours), 0)::text as hours, coalesce(sum(billed_amount), 0)::text as amount
        from recorded`,
      );
      return sums ?? { hours: '0', amount: '0' };
    },

    async insertPayment(tx: Db, payment: typeof repairOrderPayments.$inferInsert): Promise<void> {
      await tx.insert(repairOrderPayments).values(payment);
    },

    /** What was paid on the order, in cents. */
    async paidCents(tx: Db, orderId: number): Promise<number> {
      const [row] = await tx
        .select({ cents: sql<string>`coalesce(sum(${repairOrderPayments.amount} * 100), 0)::bigint` })
        .from(repairOrderPayments)
        .where(eq(repairOrderPayments.repairOrderId, orderId));
      return Number(row?.cents ?? 0);
    },
  };
}

export type RepairOrderStatements = ReturnType<typeof repairOrderStatements>;
