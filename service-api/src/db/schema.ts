import type { AuditActor } from '@carcar/common/contract/audit';
import type { MovementReason } from '@carcar/common/contract/parts';
import type { AppointmentStatus } from '@carcar/common/contract/service';
import { auditLogTable } from '@carcar/common/db/audit';
import { eventsTable } from '@carcar/common/events/table';
import { automobileVOTable, syncCursorTable } from '@carcar/common/sync/store';
import { sql } from 'drizzle-orm';
import {
  bigserial,
  boolean,
  check,
  index,
  integer,
  jsonb,
  numeric,
  pgSchema,
  serial,
  smallint,
  timestamp,
  uniqueIndex,
  varchar,
} from 'drizzle-orm/pg-core';

export const service = pgSchema('service');

export const technicians = service.table(
  'technicians',
  {
    id: serial().primaryKey(),
    firstName: varchar('first_name', { length: 100 }).notNull(),
    lastName: varchar('last_name', { length: 100 }).notNull(),
    employeeId: varchar('employee_id', { length: 50 }).notNull(),
    /** A retired technician stays on their appointments but is no longer offered for new ones. */
    active: boolean().notNull().default(true),
  },
  (t) => [uniqueIndex('technicians_employee_id_key').on(sql`lower(${t.employeeId})`)],
);

/**
 * `ends_at` is stored rather than computed because the no-double-booking exclusion constraint
 * (migration 0001) needs an immutable range expression, and timestamptz + interval is not one.
 */
export const appointments = service.table(
  'appointments',
  {
    id: serial().primaryKey(),
    dateTime: timestamp('date_time', { withTimezone: true }).notNull(),
    durationMinutes: smallint('duration_minutes').notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    reason: varchar({ length: 200 }).notNull(),
    status: varchar({ length: 10 }).$type<AppointmentStatus>().notNull().default('created'),
    vin: varchar({ length: 17 }).notNull(),
    customer: varchar({ length: 100 }).notNull(),
    technicianId: integer('technician_id')
      .notNull()
      .references(() => technicians.id, { onDelete: 'restrict' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    /** Why a canceled appointment was canceled, when the advisor said. */
    cancelReason: varchar('cancel_reason', { length: 500 }),
  },
  (t) => [
    check('appointments_status_check', sql`${t.status} in ('created', 'canceled', 'finished')`),
    check('appointments_duration_check', sql`${t.durationMinutes} between 15 and 480`),
    index('appointments_vin_date_time_idx').on(t.vin, t.dateTime),
    index('appointments_technician_date_time_idx').on(t.technicianId, t.dateTime),
    index('appointments_date_time_idx').on(t.dateTime),
  ],
);

/** The local copy of inventory's automobiles, kept by the poller; an appointment's VIN here means VIP. */
export const automobileVOs = automobileVOTable(service);

/**
 * When this copy first saw each car sold, for "sold and not serviced since" (the due-for-service
 * list). Inventory's feed carries no sale date and service reads no sales, so a trigger on
 * automobile_vos (migration 0005) keeps it: a car turning sold gets the time, one turning unsold
 * (a voided sale) loses its row. `null`: already sold when the copy first received it.
 */
export const automobileSoldAt = service.table('automobile_sold_at', {
  vin: varchar({ length: 17 }).primaryKey(),
  soldAt: timestamp('sold_at', { withTimezone: true }),
});
export const syncCursors = syncCursorTable(service);

/**
 * Every change staff and services make here, who made it and why: append-only (triggers refuse
 * UPDATE, DELETE and TRUNCATE) and written by triggers on the audited tables (the custom migration).
 */
export const auditLog = auditLogTable(service);

/**
 * The parts counter's stock. `number` is what staff type and the path key (unique ignoring case);
 * `id` is for the audit trail's entity id. Money and stock are `numeric`: exact, and stock may be
 * fractional (fluids by the quart). `on_hand` may go below zero: approved work takes parts that
 * are still to arrive (the line is then backordered).
 */
export const parts = service.table(
  'parts',
  {
    id: serial().primaryKey(),
    number: varchar({ length: 40 }).notNull(),
    description: varchar({ length: 200 }).notNull(),
    price: numeric({ precision: 10, scale: 2 }).notNull(),
    cost: numeric({ precision: 10, scale: 2 }),
    onHand: numeric('on_hand', { precision: 12, scale: 2 }).notNull().default('0'),
    reorderPoint: numeric('reorder_point', { precision: 12, scale: 2 }).notNull().default('0'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('parts_number_key').on(sql`lower(${t.number})`),
    check('parts_price_check', sql`${t.price} >= 0`),
    check('parts_reorder_point_check', sql`${t.reorderPoint} >= 0`),
  ],
);

/**
 * Every change of a part's stock, signed (`repair_order` takes are negative), with who made it:
 * the part's `on_hand` is the sum of its movements. A repair order's take names the order and
 * line, so voiding the order puts back exactly what was taken.
 */
export const partMovements = service.table(
  'part_movements',
  {
    id: bigserial({ mode: 'number' }).primaryKey(),
    partId: integer('part_id')
      .notNull()
      .references(() => parts.id, { onDelete: 'restrict' }),
    at: timestamp({ withTimezone: true }).notNull().defaultNow(),
    quantity: numeric({ precision: 12, scale: 2 }).notNull(),
    reason: varchar({ length: 20 }).$type<MovementReason>().notNull(),
    repairOrderId: integer('repair_order_id'),
    lineId: integer('line_id'),
    actor: jsonb().$type<AuditActor>().notNull(),
    cost: numeric({ precision: 10, scale: 2 }),
    reference: varchar({ length: 100 }),
    note: varchar({ length: 500 }),
  },
  (t) => [
    check('part_movements_reason_check', sql`${t.reason} in ('receipt', 'repair_order', 'adjustment', 'void')`),
    index('part_movements_part_id_idx').on(t.partId, t.id),
    index('part_movements_repair_order_idx').on(t.repairOrderId),
  ],
);

/**
 * Webhook events (appointment.*, repair_order.*), appended in the same transaction as the change:
 * by triggers for appointments, by `emitEvent` / `service.emit_event(...)` where a use case says so.
 */
export const events = eventsTable(service);
