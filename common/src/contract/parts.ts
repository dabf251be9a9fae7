import { z } from 'zod';
import type { AuditActor } from './audit.js';
import { formatNumber, requiredText } from './fields.js';
import { priceField } from './sales.js';

// The parts counter's request bodies and answers (service API), shared with the browser app.
// Money and stock are exact: prices are checked as text with at most 2 decimals (priceField) and
// stored as `numeric`; quantities likewise, since fluids are sold by the quart (4.5).

/** The largest stock count or quantity one request may move. */
export const MAX_STOCK_QUANTITY = 1_000_000;

/** Letters, digits, dots, dashes and underscores: a part number is a path segment (`/api/parts/:number/`). */
export const partNumberPattern = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

export const partNumberField = requiredText(40, 'part number').regex(
  partNumberPattern,
  'A part number starts with a letter or digit and uses only letters, digits, dots, dashes and underscores',
);

/**
 * A quantity of stock as a JSON number or numeric string, with at most 2 decimals, checked as
 * text so float noise cannot add a third. Answered as text, for `numeric`.
 */
function quantityField(kind: 'positive' | 'not-negative' | 'not-zero') {
  const limit = formatNumber(MAX_STOCK_QUANTITY);
  const message =
    kind === 'positive'
      ? `Enter a quantity above 0 and up to ${limit}, with at most 2 decimals`
      : kind === 'not-negative'
        ? `Enter a quantity from 0 to ${limit}, with at most 2 decimals`
        : `Enter a quantity from -${limit} to ${limit} other than 0, with at most 2 decimals (negative takes stock away)`;
  return z.union([z.number(), z.string().trim()], { error: message }).transform((value, ctx) => {
    const text = typeof value === 'number' ? String(value) : value;
    const number = Number(text);
    const wellFormed = /^-?\d+(\.\d{1,2})?$/.test(text) && Math.abs(number) <= MAX_STOCK_QUANTITY;
    const inRange = kind === 'positive' ? number > 0 : kind === 'not-negative' ? number >= 0 : number !== 0;
    if (!wellFormed || !inRange) {
      ctx.addIssue({ code: 'custom', message });
      return z.NEVER;
    }
    return text;
  });
}

const optionalText = (max: number, label: string) =>
  z
    .string({ error: `Enter the ${label} as text` })
    .trim()
    .max(max, `The ${label} can be at most ${formatNumber(max)} characters`)
    .optional()
    .transform((text) => text || undefined);

/** `POST /api/parts/`: `on_hand` is the opening stock, recorded as a receipt. */
export const partCreateBody = z.object({
  number: partNumberField,
  description: requiredText(200, 'description'),
  price: priceField,
  cost: priceField.optional(),
  on_hand: quantityField('not-negative').optional(),
  reorder_point: quantityField('not-negative').optional(),
});
export type PartInput = z.output<typeof partCreateBody>;

/** `PUT /api/parts/:number/`: any of these; stock moves only by receipts, adjustments and orders. */
export const partUpdateBody = z.object({
  description: requiredText(200, 'description').optional(),
  price: priceField.optional(),
  cost: priceField.nullable().optional(),
  reorder_point: quantityField('not-negative').optional(),
  on_hand: z
    .unknown()
    .refine((value) => value === undefined, 'Stock changes only by a receipt or an adjustment, not by editing the part')
    .optional(),
});
export type PartUpdateInput = z.output<typeof partUpdateBody>;

/** `POST /api/parts/:number/receipts/`: stock in from a supplier; `cost` becomes the part's cost. */
export const partReceiptBody = z.object({
  quantity: quantityField('positive'),
  cost: priceField.optional(),
  reference: optionalText(100, 'reference'),
});
export type PartReceiptInput = z.output<typeof partReceiptBody>;

/** `POST /api/parts/:number/adjustments/` (managers): a count, damage or loss, with why. */
export const partAdjustmentBody = z.object({
  quantity: quantityField('not-zero'),
  reason: requiredText(500, 'reason'),
});
export type PartAdjustmentInput = z.output<typeof partAdjustmentBody>;

/** `GET /api/parts/:number/`. Money and stock are JSON numbers, computed exactly. */
export interface Part {
  number: string;
  description: string;
  price: number;
  /** What the shop paid at the last receipt that said; null until known. */
  cost: number | null;
  /** May be below zero: parts promised to approved work before they arrived (backordered). */
  on_hand: number;
  reorder_point: number;
}

export const movementReasons = ['receipt', 'repair_order', 'adjustment', 'void'] as const;
export type MovementReason = (typeof movementReasons)[number];

/** One change of a part's stock: `quantity` is signed (a repair order's take is negative). */
export interface PartMovement {
  id: number;
  at: string;
  quantity: number;
  reason: MovementReason;
  /** The repair order that took or gave back the stock; null for receipts and adjustments. */
  repair_order: number | null;
  actor: AuditActor;
  /** A receipt's cost and the supplier's reference; an adjustment's reason. */
  cost: number | null;
  reference: string | null;
  note: string | null;
}

/** `POST /api/parts/import/`: 200 `{"created": N}` (and how many rows passed, and whether it was a dry run). */
export interface PartImportResult {
  created: number;
  valid: number;
  dry_run: boolean;
}
