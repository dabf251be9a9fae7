import { z } from 'zod';
import { vinSchema } from '../vin/schema.js';
import { choiceField, formatNumber, integerField, optionalReason, requiredText } from './fields.js';
import type { LineKind, LineStatus, Totals } from './money.js';
import { QUANTITY_UNITS, RATE_UNITS_PER_PERCENT, TENTHS_PER_HOUR, toUnits } from './money.js';
import { phoneNumber } from './sales.js';

// Request bodies and answers of the repair orders and shop settings (Service API), shared with the
// browser app. Money fields are parsed as text and checked for their decimals here; the service
// turns them into integer cents (./money.ts). Browser-safe: zod and types only.

export type { LineKind, LineStatus, Totals } from './money.js';

export const repairOrderStatuses = ['open', 'estimate', 'in_progress', 'ready', 'invoiced', 'closed', 'void'] as const;
export type RepairOrderStatus = (typeof repairOrderStatuses)[number];

export const lineKinds = ['labor', 'part', 'fee'] as const satisfies readonly LineKind[];
export const lineStatuses = ['proposed', 'approved', 'declined', 'done'] as const satisfies readonly LineStatus[];
export const approvalMethods = ['link', 'phone', 'in_person'] as const;
export type ApprovalMethod = (typeof approvalMethods)[number];
/** What an advisor records; `link` is the customer's own approval through the link. */
export const advisorApprovalMethods = ['phone', 'in_person'] as const;
export const paymentMethods = ['cash', 'card', 'check', 'other'] as const;
export type PaymentMethod = (typeof paymentMethods)[number];

/** The shop settings before a manager sets any: $120.00 an hour, no tax. */
export const DEFAULT_LABOR_RATE = 120;
export const DEFAULT_TAX_RATE = 0;

/** The largest price, rate or payment a field takes: $1,000,000.00. */
export const MAX_MONEY = 1_000_000;
/** The most hours one labor line bills: 999.9. */
export const MAX_HOURS = 999.9;
/** The most of one part or fee on a line. */
export const MAX_QUANTITY = 10_000;
/** How long a customer's approval link works, in days. */
export const APPROVAL_LINK_DAYS = 7;

/**
 * A non-negative decimal with at most `scale` decimals and at most `max`, as a JSON number or its
 * text (classic forms post strings). Checked as text, so float noise cannot sneak a decimal in; the
 * answer is the text, which the service turns into whole units.
 */
function decimalField(scale: number, max: number, message: string, { positive = false } = {}) {
  return z.union([z.number(), z.string().trim()], { error: message }).transform((value, ctx) => {
    const units = toUnits(value, scale);
    if (units === undefined || units > max * 10 ** scale || (positive && units === 0)) {
      ctx.addIssue({ code: 'custom', message });
      return z.NEVER;
    }
    return typeof value === 'number' ? String(value) : value;
  });
}

/** Dollars and cents from 0 to `max`. */
export function moneyField(label: string, max = MAX_MONEY, options: { positive?: boolean } = {}) {
  const from = options.positive ? '0.01' : '0';
  return decimalField(2, max, `Enter ${label} from ${from} to ${formatNumber(max)} with at most 2 decimals`, options);
}

/** Hours in tenths: 0.1 to 999.9. */
export const hoursField = decimalField(
  Math.log10(TENTHS_PER_HOUR),
  MAX_HOURS,
  `Enter the hours from 0.1 to ${MAX_HOURS} in tenths, such as 1.5`,
  { positive: true },
);

/** A tax rate in percent, 0 to 100 with at most 3 decimals (8.875). */
export const taxRateField = decimalField(
  Math.log10(RATE_UNITS_PER_PERCENT),
  100,
  'Enter the tax rate as a percent from 0 to 100 with at most 3 decimals, such as 8.25',
);

export const shopSettingsBody = z.object({
  labor_rate: moneyField('a labor rate', 10_000).optional(),
  tax_rate: taxRateField.optional(),
});
export type ShopSettingsInput = z.output<typeof shopSettingsBody>;

/** `GET /api/shop-settings/`. */
export interface ShopSettings {
  labor_rate: number;
  tax_rate: number;
}

const optionalText = (max: number, label: string) =>
  z
    .string({ error: `Enter the ${label} as text` })
    .trim()
    .max(max, `The ${label} can be at most ${formatNumber(max)} characters`)
    .optional()
    .nullable()
    // Absent stays absent (a change leaves the field alone); empty text means none.
    .transform((value) => (value === undefined ? undefined : value || null));

const email = z.preprocess(
  (value) => (typeof value === 'string' ? value.trim() || null : value),
  z.email({ error: 'Enter an email address, such as jane@example.com' }).max(200).nullable().optional(),
);

export const repairOrderCustomer = z.object({
  name: requiredText(100, "customer's name"),
  phone: z.preprocess(
    (value) => (typeof value === 'string' && value.trim() === '' ? null : value),
    phoneNumber.nullable().optional(),
  ),
  email,
});

export const mileageField = integerField(
  0,
  () => 2_000_000,
  () => 'Enter the mileage as a whole number from 0 to 2,000,000',
);

/**
 * `POST /api/repair-orders/`. With `appointment`, the VIN, the customer's name and the concern (the
 * appointment's reason) are the appointment's unless given; a walk-in gives them all.
 */
export const repairOrderCreateBody = z.object({
  vin: vinSchema.optional(),
  customer: repairOrderCustomer.optional(),
  mileage: mileageField,
  concern: z
    .string({ error: "Describe the customer's concern" })
    .trim()
    .max(1000, 'The concern can be at most 1,000 characters')
    .optional(),
  appointment: choiceField('Choose an appointment').optional().nullable(),
});
export type RepairOrderCreateInput = z.output<typeof repairOrderCreateBody>;

/** `PUT /api/repair-orders/:id/`: the customer (the fields given), the mileage, the concern. */
export const repairOrderUpdateBody = z.object({
  customer: z
    .object({
      name: requiredText(100, "customer's name").optional(),
      phone: repairOrderCustomer.shape.phone,
      email,
    })
    .optional(),
  mileage: mileageField.optional(),
  concern: requiredText(1000, 'concern').optional(),
});
export type RepairOrderUpdateInput = z.output<typeof repairOrderUpdateBody>;

/** `DELETE /api/repair-orders/:id/` (or `?reason=`). */
export const repairOrderVoidBody = z.object({ reason: optionalReason('Say in words why the order is voided') });

const lineFields = {
  description: optionalText(500, 'description'),
  hours: hoursField.optional().nullable(),
  rate: moneyField('a rate', 10_000).optional().nullable(),
  part_number: optionalText(50, 'part number'),
  quantity: decimalField(
    Math.log10(QUANTITY_UNITS),
    MAX_QUANTITY,
    `Enter a quantity from 0.01 to ${formatNumber(MAX_QUANTITY)} with at most 2 decimals`,
    { positive: true },
  )
    .optional()
    .nullable(),
  unit_price: moneyField('a unit price').optional().nullable(),
  technician: choiceField('Choose a technician').optional().nullable(),
};

/**
 * `POST /api/repair-orders/:id/lines/`. Labor needs a description and hours (the rate defaults to
 * the shop's labor rate); a part needs a description and unit price unless its `part_number` is on
 * the parts list; a fee needs a description and unit price. Quantity defaults to 1.
 */
export const lineCreateBody = z.object({
  kind: z.enum(lineKinds, { error: 'Choose a kind: labor, part or fee' }),
  ...lineFields,
});
export type LineCreateInput = z.output<typeof lineCreateBody>;

/** `PUT /api/repair-orders/:id/lines/:line/`: the fields given change; the kind stays. */
export const lineUpdateBody = z.object(lineFields);
export type LineUpdateInput = z.output<typeof lineUpdateBody>;

const decisions = z
  .array(
    z.object({
      line: choiceField('Choose a line of this order'),
      approved: z.boolean({ error: 'Say true to approve the line or false to decline it' }),
    }),
    { error: 'Send the decisions as a list of {"line", "approved"}' },
  )
  .min(1, 'Decide at least one line')
  .max(500, 'Decide at most 500 lines at once')
  .superRefine((list, ctx) => {
    const seen = new Set<number>();
    list.forEach((decision, index) => {
      if (seen.has(decision.line)) {
        ctx.addIssue({ code: 'custom', path: [index, 'line'], message: 'Decide each line once' });
      }
      seen.add(decision.line);
    });
  });

/** `POST /api/repair-orders/:id/approvals/`: what the customer said by phone or at the counter. */
export const approvalsBody = z.object({
  decisions,
  name: requiredText(100, 'name of the person who decided'),
  method: z.enum(advisorApprovalMethods, { error: 'Choose how the customer decided: phone or in_person' }),
});
export type ApprovalsInput = z.output<typeof approvalsBody>;

/** `POST /public/estimates/<token>`: the customer's own decisions through the link. */
export const publicDecisionsBody = z.object({
  decisions,
  name: requiredText(100, 'your name'),
});
export type PublicDecisionsInput = z.output<typeof publicDecisionsBody>;

export const clockBody = z.object({
  action: z.enum(['on', 'off'], { error: 'Choose on or off' }),
});

export const paymentBody = z.object({
  amount: moneyField('an amount', 10_000_000, { positive: true }),
  method: z.enum(paymentMethods, { error: 'Choose a method: cash, card, check or other' }),
  reference: optionalText(100, 'reference'),
});
export type PaymentInput = z.output<typeof paymentBody>;

export interface LineApproval {
  by: 'customer' | 'advisor';
  name: string;
  method: ApprovalMethod;
  /** ISO 8601. */
  at: string;
}

/** One line of a repair order. */
export interface RepairOrderLine {
  id: number;
  kind: LineKind;
  description: string;
  /** Billed hours (labor), in tenths; null for parts and fees. */
  hours: number | null;
  /** The labor rate a labor line bills at; null for parts and fees. */
  rate: number | null;
  part_number: string | null;
  quantity: number;
  /** A part's or fee's price each; null for labor. */
  unit_price: number | null;
  amount: number;
  technician: number | null;
  status: LineStatus;
  approval: LineApproval | null;
  /** Hours on the clock, in tenths (a running clock counts to now); apart from the billed `hours`. */
  clocked_hours: number;
  /** A part line approved with more than the stock on hand. */
  backordered: boolean;
}

export interface Payment {
  id: number;
  amount: number;
  method: PaymentMethod;
  reference: string | null;
  at: string;
}

/** One finding of the inspection (its items are added by `POST .../inspection/`). */
export interface InspectionItem {
  id: number;
  name: string;
  condition: 'green' | 'yellow' | 'red';
  note: string | null;
  photos: Array<{ id: number; url: string; thumbnail_url: string; width: number; height: number }>;
}

export interface RepairOrder {
  id: number;
  vin: string;
  /** The car was ever in the dealership's inventory, as for appointments. */
  vip: boolean;
  customer: { name: string; phone: string | null; email: string | null };
  mileage: number;
  concern: string;
  appointment: number | null;
  advisor: { id: string; name: string } | null;
  status: RepairOrderStatus;
  lines: RepairOrderLine[];
  inspection: InspectionItem[];
  payments: Payment[];
  totals: Totals;
  created_at: string;
  invoiced_at: string | null;
  closed_at: string | null;
  void_reason: string | null;
}

/** `POST /api/repair-orders/:id/estimate/`. */
export interface EstimateLink {
  approval_url: string;
  expires_at: string;
}

/** `GET /public/estimates/<token>`: what the customer sees, and nothing more. */
export interface PublicEstimate {
  vin: string;
  /** "2018 Toyota Camry" when the car is known to the dealership's inventory, else null. */
  vehicle: string | null;
  customer: { name: string };
  lines: RepairOrderLine[];
  inspection: InspectionItem[];
  totals: Totals;
}
