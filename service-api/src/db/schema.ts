import type { AuditActor } from '@carcar/common/contract/audit';
import type { InspectionCondition, InspectionTemplate } from '@carcar/common/contract/inspections';
import type { LineKind, LineStatus } from '@carcar/common/contract/money';
import type { MovementReason } from '@carcar/common/contract/parts';
import type { ApprovalMethod, PaymentMethod, RepairOrderStatus } from '@carcar/common/contract/repair-orders';
import type { AppointmentStatus } from '@carcar/common/contract/service';
import { auditLogTable } from '@carcar/common/db/audit';
import { rowCountsTable } from '@carcar/common/db/row-counts';
import { staffTable } from '@carcar/common/db/staff-table';
import { eventsTable } from '@carcar/common/events/table';
import { emailsTable, unsubscribesTable } from '@carcar/common/mail/table';
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
  unique,
  uniqueIndex,
  varchar,
} from 'drizzle-orm/pg-core';

export const service = pgSchema('service');

/** A retired technician stays on their appointments but is no longer offered for new ones. */
export const technicians = staffTable(service, 'technicians');

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
    // `?q=` (ilike '%text%'): trigram indexes (pg_trgm, migration 0022), one per column searched.
    index('appointments_vin_trgm_idx').using('gin', t.vin.op('gin_trgm_ops')),
    index('appointments_customer_trgm_idx').using('gin', t.customer.op('gin_trgm_ops')),
    index('appointments_reason_trgm_idx').using('gin', t.reason.op('gin_trgm_ops')),
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

/** The totals of the unfiltered lists (appointments and repair orders), kept by triggers: common/src/db/row-counts.ts. */
export const rowCounts = rowCountsTable(service);

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

// Repair orders (docs/architecture.md, "One repair order, from write-up to payment"). Money is
// `numeric`, never a binary float; the service computes it in integer cents (contract/money.ts).

/**
 * The shop's labor rate and tax rate: one row (id 1), absent until a manager first saves them, when
 * the defaults of contract/repair-orders.ts apply ($120.00 an hour, 0 % tax).
 */
export const shopSettings = service.table(
  'shop_settings',
  {
    id: smallint().primaryKey().default(1),
    laborRate: numeric('labor_rate', { precision: 10, scale: 2 }).notNull(),
    /** A percent with up to 3 decimals (8.875). */
    taxRate: numeric('tax_rate', { precision: 6, scale: 3 }).notNull(),
  },
  (t) => [check('shop_settings_one_row', sql`${t.id} = 1`)],
);

export const repairOrders = service.table(
  'repair_orders',
  {
    id: serial().primaryKey(),
    vin: varchar({ length: 17 }).notNull(),
    customerName: varchar('customer_name', { length: 100 }).notNull(),
    customerPhone: varchar('customer_phone', { length: 20 }),
    customerEmail: varchar('customer_email', { length: 200 }),
    mileage: integer().notNull(),
    concern: varchar({ length: 1000 }).notNull(),
    appointmentId: integer('appointment_id').references(() => appointments.id, { onDelete: 'set null' }),
    /** Who wrote the order up: the person's (or API token's) id and name from their credential. */
    advisorId: varchar('advisor_id', { length: 100 }),
    advisorName: varchar('advisor_name', { length: 200 }),
    status: varchar({ length: 12 }).$type<RepairOrderStatus>().notNull().default('open'),
    /** The tax rate, frozen when the order is invoiced; until then the shop's current rate applies. */
    taxRate: numeric('tax_rate', { precision: 6, scale: 3 }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    invoicedAt: timestamp('invoiced_at', { withTimezone: true }),
    /**
     * The billed labor's hours and amount, recorded with the invoice (the sums of its
     * `repair_order_labor` rows; 0 for an order with none) and null before it. An invoiced order
     * never changes again, so they stay true; the audit trigger leaves them out (the lines' entries
     * say the same). Repair orders by month reads them from the invoiced orders' index alone.
     */
    billedLaborHours: numeric('billed_labor_hours', { precision: 9, scale: 1 }),
    billedLaborAmount: numeric('billed_labor_amount', { precision: 16, scale: 2 }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    voidReason: varchar('void_reason', { length: 500 }),
    /**
     * The customer's approval link: the SHA-256 (hex) of its token, never the token. One link per
     * order: sending the estimate again replaces it, so the old link stops working. The audit
     * trigger leaves this column out.
     */
    approvalTokenHash: varchar('approval_token_hash', { length: 64 }),
    approvalExpiresAt: timestamp('approval_expires_at', { withTimezone: true }),
  },
  (t) => [
    check(
      'repair_orders_status_check',
      sql`${t.status} in ('open', 'estimate', 'in_progress', 'ready', 'invoiced', 'closed', 'void')`,
    ),
    check('repair_orders_mileage_check', sql`${t.mileage} >= 0`),
    uniqueIndex('repair_orders_approval_token_hash_key').on(t.approvalTokenHash),
    index('repair_orders_vin_id_idx').on(t.vin, t.id),
    index('repair_orders_status_id_idx').on(t.status, t.id),
    // `?q=` (ilike '%text%'): trigram indexes (pg_trgm, migration 0022), one per column searched.
    index('repair_orders_vin_trgm_idx').using('gin', t.vin.op('gin_trgm_ops')),
    index('repair_orders_customer_name_trgm_idx').using('gin', t.customerName.op('gin_trgm_ops')),
    index('repair_orders_customer_phone_trgm_idx').using('gin', t.customerPhone.op('gin_trgm_ops')),
    index('repair_orders_customer_email_trgm_idx').using('gin', t.customerEmail.op('gin_trgm_ops')),
    index('repair_orders_concern_trgm_idx').using('gin', t.concern.op('gin_trgm_ops')),
    // The month reports (reports/statements.ts): the invoiced orders of a range of months, their
    // ids and billed labor, read from this index alone (an index-only scan), not from every order's row.
    index('repair_orders_invoiced_idx')
      .on(t.invoicedAt, t.id, t.billedLaborHours, t.billedLaborAmount)
      .where(sql`${t.status} in ('invoiced', 'closed')`),
  ],
);

export const repairOrderLines = service.table(
  'repair_order_lines',
  {
    id: serial().primaryKey(),
    repairOrderId: integer('repair_order_id')
      .notNull()
      .references(() => repairOrders.id, { onDelete: 'restrict' }),
    kind: varchar({ length: 5 }).$type<LineKind>().notNull(),
    description: varchar({ length: 500 }).notNull(),
    /** Billed hours of a labor line, in tenths. */
    hours: numeric({ precision: 5, scale: 1 }),
    rate: numeric({ precision: 10, scale: 2 }),
    partNumber: varchar('part_number', { length: 50 }),
    /** Up to 2 decimals (4.5 quarts); 1 for labor. */
    quantity: numeric({ precision: 10, scale: 2 }).notNull().default('1'),
    unitPrice: numeric('unit_price', { precision: 10, scale: 2 }),
    /** hours × rate or quantity × unit price, half-up to the cent, computed when the line is written. */
    amount: numeric({ precision: 14, scale: 2 }).notNull(),
    technicianId: integer('technician_id').references(() => technicians.id, { onDelete: 'restrict' }),
    status: varchar({ length: 10 }).$type<LineStatus>().notNull().default('proposed'),
    approvalBy: varchar('approval_by', { length: 10 }).$type<'customer' | 'advisor'>(),
    approvalName: varchar('approval_name', { length: 100 }),
    approvalMethod: varchar('approval_method', { length: 10 }).$type<ApprovalMethod>(),
    approvalAt: timestamp('approval_at', { withTimezone: true }),
    /** The address a customer's decision through the link came from: for the audit trail, never answered. */
    approvalAddress: varchar('approval_address', { length: 64 }),
    /** Set by the parts stock take (parts/stock.ts) when an approved part line took more than was on hand. */
    backordered: boolean().notNull().default(false),
    doneAt: timestamp('done_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('repair_order_lines_kind_check', sql`${t.kind} in ('labor', 'part', 'fee')`),
    check('repair_order_lines_status_check', sql`${t.status} in ('proposed', 'approved', 'declined', 'done')`),
    check('repair_order_lines_quantity_check', sql`${t.quantity} > 0`),
    index('repair_order_lines_order_id_idx').on(t.repairOrderId, t.id),
    // A technician's orders (`?technician=`) and their count read from this index alone (an
    // index-only scan), not from the lines' rows spread over the whole table: with ten years of
    // lines the count fetched ~10,000 heap pages of them per request (docs/performance.md).
    index('repair_order_lines_technician_order_idx').on(t.technicianId, t.repairOrderId),
  ],
);

/**
 * Time on the clock: one row per interval a technician worked a line. A partial unique index keeps
 * one running clock (no `ended_at`) per technician.
 */
export const lineClockEntries = service.table(
  'line_clock_entries',
  {
    id: serial().primaryKey(),
    lineId: integer('line_id')
      .notNull()
      .references(() => repairOrderLines.id, { onDelete: 'restrict' }),
    technicianId: integer('technician_id')
      .notNull()
      .references(() => technicians.id, { onDelete: 'restrict' }),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull().defaultNow(),
    endedAt: timestamp('ended_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('line_clock_entries_one_running_key').on(t.technicianId).where(sql`${t.endedAt} is null`),
    index('line_clock_entries_line_idx').on(t.lineId),
  ],
);

/**
 * An invoiced order's labor, one row per technician: the hours and amount of its billed labor lines
 * (approved or done; `technician_id` null for those with no technician) and the seconds clocked on
 * its lines. Written with the invoice (repair-orders/use-cases.ts), when the order stops changing,
 * so nothing can leave it stale; the month reports (reports/statements.ts) sum these rows instead
 * of joining ten years of lines and clock entries to their orders (docs/performance.md).
 */
export const repairOrderLabor = service.table(
  'repair_order_labor',
  {
    repairOrderId: integer('repair_order_id')
      .notNull()
      .references(() => repairOrders.id, { onDelete: 'restrict' }),
    technicianId: integer('technician_id').references(() => technicians.id, { onDelete: 'restrict' }),
    /** Null where the technician has no billed labor line with hours (they only clocked). */
    billedHours: numeric('billed_hours', { precision: 9, scale: 1 }),
    billedAmount: numeric('billed_amount', { precision: 16, scale: 2 }),
    /** Null where the technician never clocked on the order. */
    clockedSeconds: numeric('clocked_seconds'),
  },
  (t) => [unique('repair_order_labor_key').on(t.repairOrderId, t.technicianId).nullsNotDistinct()],
);

export const repairOrderPayments = service.table(
  'repair_order_payments',
  {
    id: serial().primaryKey(),
    repairOrderId: integer('repair_order_id')
      .notNull()
      .references(() => repairOrders.id, { onDelete: 'restrict' }),
    amount: numeric({ precision: 14, scale: 2 }).notNull(),
    method: varchar({ length: 10 }).$type<PaymentMethod>().notNull(),
    reference: varchar({ length: 100 }),
    at: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('repair_order_payments_amount_check', sql`${t.amount} > 0`),
    index('repair_order_payments_order_idx').on(t.repairOrderId),
  ],
);

/**
 * What the technician found on one point of the inspection. `line_id`: the proposed line made from
 * it (a yellow or red item), so it is not made twice. It is the one record of the link both ways:
 * a line's finding is the item whose `line_id` it is (unique: a line comes from one finding at
 * most), rather than a second column on the line that could disagree with this one. The unique
 * index also serves the line's delete, which clears `line_id` (`set null`) by looking it up. It is
 * partial (`line_id` set) so that Postgres does not count `line_id` as a key: a full unique index
 * would make that `set null` lock the finding `for update`, which waits on a photo upload's key
 * share lock of the same finding while the upload waits on the order the line's delete holds.
 */
export const inspectionItems = service.table(
  'inspection_items',
  {
    id: serial().primaryKey(),
    repairOrderId: integer('repair_order_id')
      .notNull()
      .references(() => repairOrders.id, { onDelete: 'restrict' }),
    name: varchar({ length: 100 }).notNull(),
    condition: varchar({ length: 6 }).$type<InspectionCondition>().notNull(),
    note: varchar({ length: 1000 }),
    lineId: integer('line_id').references(() => repairOrderLines.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('inspection_items_condition_check', sql`${t.condition} in ('green', 'yellow', 'red')`),
    index('inspection_items_order_idx').on(t.repairOrderId, t.id),
    uniqueIndex('inspection_items_line_key').on(t.lineId).where(sql`${t.lineId} is not null`),
  ],
);

/**
 * A photo of an inspection item. The images are files (docs/photos.md), named by `file`: a random
 * name, so a path is never guessed from an id; the display image and its thumbnail are both JPEG,
 * re-encoded without any metadata. `repair_order_id` is the item's, kept here so a photo read
 * through an approval link is checked against the link's order in one lookup.
 */
export const inspectionPhotos = service.table(
  'inspection_photos',
  {
    id: serial().primaryKey(),
    itemId: integer('item_id')
      .notNull()
      .references(() => inspectionItems.id, { onDelete: 'restrict' }),
    repairOrderId: integer('repair_order_id')
      .notNull()
      .references(() => repairOrders.id, { onDelete: 'restrict' }),
    file: varchar({ length: 64 }).notNull(),
    width: integer().notNull(),
    height: integer().notNull(),
    bytes: integer().notNull(),
    thumbnailBytes: integer('thumbnail_bytes').notNull(),
    /** What the upload was, by its content: image/jpeg, image/png or image/webp. */
    sourceType: varchar('source_type', { length: 20 }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('inspection_photos_file_key').on(t.file),
    index('inspection_photos_item_idx').on(t.itemId, t.id),
    index('inspection_photos_order_idx').on(t.repairOrderId),
  ],
);

/** The shop's inspection checklist: one row (id 1), absent until a manager first saves it (then the default applies). */
export const inspectionTemplate = service.table(
  'inspection_template',
  {
    id: smallint().primaryKey().default(1),
    items: jsonb().$type<InspectionTemplate['items']>().notNull(),
  },
  (t) => [check('inspection_template_one_row', sql`${t.id} = 1`)],
);

/**
 * The emails service sends (reminders, the approval link, "your car is ready"): the outbox the
 * sender works from and the record managers read; and the addresses that unsubscribed (docs/email.md).
 */
export const emails = emailsTable(service);
export const emailUnsubscribes = unsubscribesTable(service);
