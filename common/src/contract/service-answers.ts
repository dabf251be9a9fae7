import { z } from 'zod';
import { auditActorSchema } from './audit.js';
import { errorAnswerSchema } from './errors.js';
import type { InspectionTemplate } from './inspections.js';
import type { Part, PartImportResult, PartMovement } from './parts.js';
import { movementReasons } from './parts.js';
import { staffMemberSchema } from './people.js';
import type {
  EstimateLink,
  InspectionItem,
  LineApproval,
  Payment,
  PublicEstimate,
  RepairOrder,
  RepairOrderLine,
  ShopSettings,
  Totals,
} from './repair-orders.js';
import { approvalMethods, paymentMethods, repairOrderStatuses } from './repair-orders.js';
import type { RepairOrdersByMonthRow, TechnicianEfficiencyRow, TechnicianWeekRow } from './reports.js';
import type { SameType } from './same-type.js';
import type { Appointment, BookingConflictBody, DueCar } from './service.js';
import { appointmentStatuses, dueKinds } from './service.js';

// What the Service API answers, as strict zod schemas for the route table (./routes.ts) and the API
// tests' answer check (testing/src/response-check.ts). The types stay the interfaces beside their
// request schemas (./service.ts, ./repair-orders.ts, ./parts.ts, ./reports.ts), which the browser
// app reads; each schema below is held identical to its interface by a `SameType` line, so neither
// can change alone. Browser-safe: zod only.

const id = z.number().int();
/** An instant as the service writes it: ISO 8601 in UTC (`…Z`), or with an offset. */
const instant = z.iso.datetime({ offset: true });
const money = z.number();

export const technicianSchema = staffMemberSchema;
export const technicianListSchema = z.strictObject({ technicians: z.array(technicianSchema) });

export const appointmentSchema = z.strictObject({
  id,
  date_time: instant,
  duration_minutes: z.number().int(),
  reason: z.string(),
  status: z.enum(appointmentStatuses),
  vin: z.string(),
  customer: z.string(),
  technician: technicianSchema,
  vip: z.boolean(),
  cancel_reason: z.string().nullable(),
});
true satisfies SameType<z.infer<typeof appointmentSchema>, Appointment>;
export const appointmentListSchema = z.strictObject({ appointments: z.array(appointmentSchema) });

/** The 409 of an appointment that cannot change any more: its status says why. */
export const appointmentConflictSchema = errorAnswerSchema.extend({ status: z.enum(appointmentStatuses).optional() });

/** The 409 of booking a technician who is already booked then: the error answer and what is in the way. */
export const bookingConflictSchema = errorAnswerSchema.extend({
  code: z.literal('conflict'),
  errors: z.array(z.strictObject({ path: z.literal('date_time'), message: z.string() })),
  conflicting_appointment: appointmentSchema.nullable(),
  next_free: instant,
});
true satisfies SameType<z.infer<typeof bookingConflictSchema>, BookingConflictBody>;

export const dueCarSchema = z.strictObject({
  vin: z.string(),
  kind: z.enum(dueKinds),
  customer: z.string().nullable(),
  last_service_at: instant.nullable(),
  sold_at: instant.nullable(),
  due_since: instant.nullable(),
  canceled_appointment: z
    .strictObject({ id, date_time: instant, reason: z.string(), cancel_reason: z.string().nullable() })
    .nullable(),
  car: z
    .strictObject({ year: z.number().int(), color: z.string(), model: z.string(), manufacturer: z.string() })
    .nullable(),
});
true satisfies SameType<z.infer<typeof dueCarSchema>, DueCar>;
export const dueCarListSchema = z.strictObject({ cars: z.array(dueCarSchema) });

export const shopSettingsSchema = z.strictObject({ labor_rate: money, tax_rate: z.number() });
true satisfies SameType<z.infer<typeof shopSettingsSchema>, ShopSettings>;

const totalsSchema = z.strictObject({
  labor: money,
  parts: money,
  fees: money,
  subtotal: money,
  tax: money,
  total: money,
  paid: money,
  balance: money,
});
true satisfies SameType<z.infer<typeof totalsSchema>, Totals>;

const lineApprovalSchema = z.strictObject({
  by: z.enum(['customer', 'advisor']),
  name: z.string(),
  method: z.enum(approvalMethods),
  at: instant,
});
true satisfies SameType<z.infer<typeof lineApprovalSchema>, LineApproval>;

export const repairOrderLineSchema = z.strictObject({
  id,
  kind: z.enum(['labor', 'part', 'fee']),
  description: z.string(),
  hours: z.number().nullable(),
  rate: money.nullable(),
  part_number: z.string().nullable(),
  quantity: z.number(),
  unit_price: money.nullable(),
  amount: money,
  technician: id.nullable(),
  status: z.enum(['proposed', 'approved', 'declined', 'done']),
  approval: lineApprovalSchema.nullable(),
  clocked_hours: z.number(),
  backordered: z.boolean(),
});
true satisfies SameType<z.infer<typeof repairOrderLineSchema>, RepairOrderLine>;

const paymentSchema = z.strictObject({
  id,
  amount: money,
  method: z.enum(paymentMethods),
  reference: z.string().nullable(),
  at: instant,
});
true satisfies SameType<z.infer<typeof paymentSchema>, Payment>;

export const inspectionPhotoSchema = z.strictObject({
  id,
  url: z.string(),
  thumbnail_url: z.string(),
  width: z.number().int(),
  height: z.number().int(),
});
export const inspectionItemSchema = z.strictObject({
  id,
  name: z.string(),
  condition: z.enum(['green', 'yellow', 'red']),
  note: z.string().nullable(),
  photos: z.array(inspectionPhotoSchema),
});
true satisfies SameType<z.infer<typeof inspectionItemSchema>, InspectionItem>;

export const repairOrderSchema = z.strictObject({
  id,
  vin: z.string(),
  vip: z.boolean(),
  customer: z.strictObject({ name: z.string(), phone: z.string().nullable(), email: z.string().nullable() }),
  mileage: z.number().int(),
  concern: z.string(),
  appointment: id.nullable(),
  advisor: z.strictObject({ id: z.string(), name: z.string() }).nullable(),
  status: z.enum(repairOrderStatuses),
  lines: z.array(repairOrderLineSchema),
  inspection: z.array(inspectionItemSchema),
  payments: z.array(paymentSchema),
  totals: totalsSchema,
  created_at: instant,
  invoiced_at: instant.nullable(),
  closed_at: instant.nullable(),
  void_reason: z.string().nullable(),
});
true satisfies SameType<z.infer<typeof repairOrderSchema>, RepairOrder>;
export const repairOrderListSchema = z.strictObject({ repair_orders: z.array(repairOrderSchema) });

export const estimateLinkSchema = z.strictObject({ approval_url: z.string(), expires_at: instant });
true satisfies SameType<z.infer<typeof estimateLinkSchema>, EstimateLink>;

export const publicEstimateSchema = z.strictObject({
  vin: z.string(),
  vehicle: z.string().nullable(),
  customer: z.strictObject({ name: z.string() }),
  lines: z.array(repairOrderLineSchema),
  inspection: z.array(inspectionItemSchema),
  totals: totalsSchema,
});
true satisfies SameType<z.infer<typeof publicEstimateSchema>, PublicEstimate>;

/**
 * A repair order's 409 (and an inspection's): the error answer, and what stands in the way when the
 * service can say (the order's status, the line or lines concerned, an item's condition, the order
 * a running clock is on, what keeps it from being invoiced).
 */
export const repairOrderConflictSchema = errorAnswerSchema.extend({
  status: z.string().optional(),
  line: id.optional(),
  lines: z.array(id).optional(),
  condition: z.enum(['green', 'yellow', 'red']).optional(),
  repair_order: id.optional(),
  /** An invoice refused: the lines still proposed, approved but not done, and with a clock running. */
  undecided: z.array(id).optional(),
  not_done: z.array(id).optional(),
  running_clocks: z.array(id).optional(),
});

export const partSchema = z.strictObject({
  number: z.string(),
  description: z.string(),
  price: money,
  cost: money.nullable(),
  on_hand: z.number(),
  reorder_point: z.number(),
});
true satisfies SameType<z.infer<typeof partSchema>, Part>;
export const partListSchema = z.strictObject({ parts: z.array(partSchema) });

export const partMovementSchema = z.strictObject({
  id,
  at: instant,
  quantity: z.number(),
  reason: z.enum(movementReasons),
  repair_order: id.nullable(),
  actor: auditActorSchema,
  cost: money.nullable(),
  reference: z.string().nullable(),
  note: z.string().nullable(),
});
true satisfies SameType<z.infer<typeof partMovementSchema>, PartMovement>;
export const partMovementListSchema = z.strictObject({ movements: z.array(partMovementSchema) });

export const partImportResultSchema = z.strictObject({
  created: z.number().int(),
  valid: z.number().int(),
  dry_run: z.boolean(),
});
true satisfies SameType<z.infer<typeof partImportResultSchema>, PartImportResult>;

export const inspectionTemplateSchema = z.strictObject({ items: z.array(z.strictObject({ name: z.string() })) });
true satisfies SameType<z.infer<typeof inspectionTemplateSchema>, InspectionTemplate>;

export const technicianWeeksReportSchema = z.strictObject({
  rows: z.array(
    z.strictObject({
      week: z.iso.date(),
      technician_id: id,
      employee_id: z.string(),
      technician: z.string(),
      booked: z.number().int(),
      finished: z.number().int(),
      canceled: z.number().int(),
      open: z.number().int(),
    }),
  ),
});
true satisfies SameType<z.infer<typeof technicianWeeksReportSchema>['rows'][number], TechnicianWeekRow>;

const reportMonth = z.string().regex(/^\d{4}-\d{2}$/);
export const repairOrdersByMonthReportSchema = z.strictObject({
  months: z.array(
    z.strictObject({
      month: reportMonth,
      repair_orders: z.number().int(),
      labor_sales: money,
      billed_hours: z.number(),
      effective_labor_rate: money.nullable(),
      hours_per_repair_order: z.number().nullable(),
    }),
  ),
});
true satisfies SameType<z.infer<typeof repairOrdersByMonthReportSchema>['months'][number], RepairOrdersByMonthRow>;

export const technicianEfficiencyReportSchema = z.strictObject({
  months: z.array(
    z.strictObject({
      month: reportMonth,
      technician: z.strictObject({ id, first_name: z.string(), last_name: z.string() }),
      billed_hours: z.number(),
      clocked_hours: z.number(),
      efficiency: z.number().nullable(),
    }),
  ),
});
true satisfies SameType<z.infer<typeof technicianEfficiencyReportSchema>['months'][number], TechnicianEfficiencyRow>;

/** One email as managers read it (`GET /api/emails/`): who, what, when, and what became of it. */
export const emailRecordSchema = z.strictObject({
  id,
  to: z.string(),
  subject: z.string(),
  kind: z.string(),
  status: z.string(),
  attempts: z.number().int(),
  at: instant,
  sent_at: instant.nullable(),
  note: z.string().nullable(),
});
export type EmailRecord = z.infer<typeof emailRecordSchema>;
export const emailListSchema = z.strictObject({ emails: z.array(emailRecordSchema) });

/** `POST /public/unsubscribe/:token/`. */
export const unsubscribedSchema = z.strictObject({ unsubscribed: z.literal(true) });
