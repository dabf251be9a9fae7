import type { RepairOrderStatus } from '@carcar/common/contract/repair-orders';
import type { Db } from '@carcar/common/db/database';
import { containing } from '@carcar/common/db/like';
import { countRows, fetchPage, totalOf } from '@carcar/common/db/pagination';
import { and, asc, desc, eq, ilike, inArray, isNull, or, type SQL, sql } from 'drizzle-orm';
import {
  automobileVOs,
  lineClockEntries,
  repairOrderLines,
  repairOrderPayments,
  repairOrders,
  technicians,
} from '../db/schema.js';
import type { RepairOrderListQuery } from './schemas.js';

// The SQL of repair orders. Every write runs inside the use case's transaction (`tx`), which set
// the audit context first and locked the order's row (`lockOrder`), so two requests on one order
// take turns and each sees the other's result.

export type OrderRow = typeof repairOrders.$inferSelect;
export type LineRow = typeof repairOrderLines.$inferSelect;
export type PaymentRow = typeof repairOrderPayments.$inferSelect;
export type NewLine = typeof repairOrderLines.$inferInsert;
export type NewOrder = typeof repairOrders.$inferInsert;

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
}

/** A running clock: which line it runs on, for the 409 that names it. */
export interface RunningClock {
  entryId: number;
  lineId: number;
  repairOrderId: number;
  description: string;
  technicianId: number;
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

export function repairOrderStatements(db: Db) {
  return {
    /** One page of order ids, newest first, and how many match in all. */
    async list(query: RepairOrderListQuery): Promise<{ ids: number[]; total: number }> {
      const where = listWhere(query);
      const { rows, total } = await fetchPage(
        db
          .select({ id: repairOrders.id, total: totalOf(repairOrders, where) })
          .from(repairOrders)
          .where(where)
          .orderBy(desc(repairOrders.id))
          .offset(query.offset)
          .$dynamic(),
        query,
        () => countRows(db, repairOrders, where),
      );
      return { ids: rows.map((row) => row.id), total };
    },

    /** The orders with these ids, with their lines, clocks and payments, in the order asked. */
    async details(ids: readonly number[], tx: Db = db): Promise<OrderDetails[]> {
      if (ids.length === 0) return [];
      const list = [...ids];
      const [orders, lines, clocks, payments] = await Promise.all([
        tx
          .select({
            order: repairOrders,
            vip: sql<boolean>`${automobileVOs.vin} is not null`,
            year: automobileVOs.year,
            manufacturer: automobileVOs.manufacturerName,
            model: automobileVOs.modelName,
          })
          .from(repairOrders)
          .leftJoin(automobileVOs, eq(automobileVOs.vin, repairOrders.vin))
          .where(inArray(repairOrders.id, list)),
        tx
          .select()
          .from(repairOrderLines)
          .where(inArray(repairOrderLines.repairOrderId, list))
          .orderBy(asc(repairOrderLines.id)),
        tx
          .select({
            lineId: lineClockEntries.lineId,
            seconds: sql<string>`floor(sum(extract(epoch from (coalesce(${lineClockEntries.endedAt}, now()) - ${lineClockEntries.startedAt}))))::bigint`,
          })
          .from(lineClockEntries)
          .innerJoin(repairOrderLines, eq(repairOrderLines.id, lineClockEntries.lineId))
          .where(inArray(repairOrderLines.repairOrderId, list))
          .groupBy(lineClockEntries.lineId),
        tx
          .select()
          .from(repairOrderPayments)
          .where(inArray(repairOrderPayments.repairOrderId, list))
          .orderBy(asc(repairOrderPayments.id)),
      ]);
      const clockedSeconds = new Map(clocks.map((row) => [row.lineId, Math.max(0, Number(row.seconds))]));
      const byId = new Map(orders.map((row) => [row.order.id, row]));
      return list.flatMap((id) => {
        const row = byId.get(id);
        if (!row) return [];
        return [
          {
            order: row.order,
            vip: row.vip,
            vehicle: row.year === null ? null : `${row.year} ${row.manufacturer} ${row.model}`,
            lines: lines.filter((line) => line.repairOrderId === id),
            clockedSeconds,
            payments: payments.filter((payment) => payment.repairOrderId === id),
          },
        ];
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

    async insertOrder(tx: Db, order: NewOrder): Promise<number> {
      const [row] = await tx.insert(repairOrders).values(order).returning({ id: repairOrders.id });
      if (!row) throw new Error('insert returned no row');
      return row.id;
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

    async insertLine(tx: Db, line: NewLine): Promise<number> {
      const [row] = await tx.insert(repairOrderLines).values(line).returning({ id: repairOrderLines.id });
      if (!row) throw new Error('insert returned no row');
      return row.id;
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
      const [row] = await tx
        .select({
          entryId: lineClockEntries.id,
          lineId: lineClockEntries.lineId,
          repairOrderId: repairOrderLines.repairOrderId,
          description: repairOrderLines.description,
          technicianId: lineClockEntries.technicianId,
        })
        .from(lineClockEntries)
        .innerJoin(repairOrderLines, eq(repairOrderLines.id, lineClockEntries.lineId))
        .where(and(eq(lineClockEntries.technicianId, technicianId), isNull(lineClockEntries.endedAt)));
      return row;
    },

    /** The running clocks on an order's lines. */
    async runningClocksOn(tx: Db, orderId: number): Promise<RunningClock[]> {
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
        .where(and(eq(repairOrderLines.repairOrderId, orderId), isNull(lineClockEntries.endedAt)));
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
