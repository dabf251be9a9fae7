// The money of a repair order, computed exactly: amounts in integer cents, hours in tenths, tax
// rates in thousandths of a percent, and the arithmetic in BigInt, so no binary fraction ever
// enters a total. One rounding rule: half-up to the cent (amounts are never negative). Shared by
// service-api (the totals it stores and answers) and the browser app (the totals it shows while a
// customer chooses), so both say the same number. Browser-safe: no node imports.

/** Tenths of an hour per hour. */
export const TENTHS_PER_HOUR = 10;
/** Thousandths of a percent per percent: a tax rate has at most 3 decimals (8.875 %). */
export const RATE_UNITS_PER_PERCENT = 1000;

/**
 * A decimal (a JSON number or its text) as a whole count of `10^-scale` units: `toUnits('119.99', 2)`
 * is 11999. Undefined when it is not a plain non-negative decimal with at most `scale` decimals, so
 * a third decimal is refused rather than rounded away. A number is read through its shortest text
 * (`String(0.1)` is `'0.1'`), the digits a person typed.
 */
export function toUnits(value: number | string, scale: number): number | undefined {
  const text = typeof value === 'number' ? String(value) : value.trim();
  const match = /^(\d{1,13})(?:\.(\d+))?$/.exec(text);
  if (!match) return undefined;
  const whole = match[1] ?? '0';
  const fraction = (match[2] ?? '').replace(/0+$/, '');
  if (fraction.length > scale) return undefined;
  const units = Number(whole) * 10 ** scale + Number(fraction.padEnd(scale, '0') || '0');
  return Number.isSafeInteger(units) ? units : undefined;
}

/**
 * Integer units back to the JSON number: 11999 cents → 119.99, printed as typed. Both operands are
 * exact doubles (safe integers, a power of ten up to 10^22) and IEEE division rounds correctly, so
 * the quotient is already the double nearest the decimal, the one `Number('119.99')` gives.
 */
export function fromUnits(units: number, scale: number): number {
  return units / 10 ** scale;
}

export const toCents = (value: number | string) => toUnits(value, 2);
export const fromCents = (cents: number) => fromUnits(cents, 2);

/** `numerator / denominator`, both non-negative, rounded half-up to a whole number. */
export function divideHalfUp(numerator: bigint, denominator: bigint): bigint {
  if (numerator < 0n || denominator <= 0n) throw new RangeError('divideHalfUp takes a non-negative numerator');
  return (numerator * 2n + denominator) / (denominator * 2n);
}

function toSafeNumber(value: bigint): number {
  if (value > BigInt(Number.MAX_SAFE_INTEGER)) throw new RangeError('amount too large to be exact');
  return Number(value);
}

/** A labor line: hours (tenths) × rate (cents an hour), to the cent: 0.1 h × 119.99 = 12.00. */
export function laborAmountCents(hoursTenths: number, rateCents: number): number {
  return toSafeNumber(divideHalfUp(BigInt(hoursTenths) * BigInt(rateCents), BigInt(TENTHS_PER_HOUR)));
}

/** Hundredths per unit of a quantity: parts may be fractional (4.5 quarts of oil). */
export const QUANTITY_UNITS = 100;

/** A part or fee line: quantity (hundredths) × unit price (cents), half-up to the cent: 4.5 × 7.99 = 35.96. */
export function itemAmountCents(quantityHundredths: number, unitPriceCents: number): number {
  return toSafeNumber(divideHalfUp(BigInt(quantityHundredths) * BigInt(unitPriceCents), BigInt(QUANTITY_UNITS)));
}

/** Tax once on the sum: subtotal × rate / 100, half-up to the cent. The rate is in thousandths of a percent. */
export function taxCents(subtotalCents: number, taxRateUnits: number): number {
  return toSafeNumber(divideHalfUp(BigInt(subtotalCents) * BigInt(taxRateUnits), BigInt(100 * RATE_UNITS_PER_PERCENT)));
}

export type LineKind = 'labor' | 'part' | 'fee';
export type LineStatus = 'proposed' | 'approved' | 'declined' | 'done';

/** What the totals need of a line. */
export interface PricedLine {
  kind: LineKind;
  status: LineStatus;
  amountCents: number;
}

/** The contract's `totals`, in cents. */
export interface TotalsCents {
  labor: number;
  parts: number;
  fees: number;
  subtotal: number;
  tax: number;
  total: number;
  paid: number;
  balance: number;
}

/** The contract's `totals` as JSON numbers with at most 2 decimals. */
export type Totals = Record<keyof TotalsCents, number>;

/** Whether a line is billed: approved lines, and those done. Proposed and declined ones are not. */
export function isBilled(status: LineStatus): boolean {
  return status === 'approved' || status === 'done';
}

/**
 * An order's totals: the approved and done lines by kind, their subtotal, tax once on it, the
 * total, what was paid and the balance (total − paid).
 */
export function orderTotalsCents(lines: readonly PricedLine[], taxRateUnits: number, paidCents = 0): TotalsCents {
  const sums: Record<LineKind, bigint> = { labor: 0n, part: 0n, fee: 0n };
  for (const line of lines) {
    if (isBilled(line.status)) sums[line.kind] += BigInt(line.amountCents);
  }
  const subtotal = toSafeNumber(sums.labor + sums.part + sums.fee);
  const tax = taxCents(subtotal, taxRateUnits);
  const total = subtotal + tax;
  return {
    labor: toSafeNumber(sums.labor),
    parts: toSafeNumber(sums.part),
    fees: toSafeNumber(sums.fee),
    subtotal,
    tax,
    total,
    paid: paidCents,
    balance: total - paidCents,
  };
}

/** The totals as the JSON answers them. */
export function totalsJson(totals: TotalsCents): Totals {
  return {
    labor: fromCents(totals.labor),
    parts: fromCents(totals.parts),
    fees: fromCents(totals.fees),
    subtotal: fromCents(totals.subtotal),
    tax: fromCents(totals.tax),
    total: fromCents(totals.total),
    paid: fromCents(totals.paid),
    balance: fromCents(totals.balance),
  };
}
