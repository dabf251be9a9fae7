import {
  divideHalfUp,
  fromCents,
  fromUnits,
  orderTotalsCents,
  QUANTITY_UNITS,
  RATE_UNITS_PER_PERCENT,
  TENTHS_PER_HOUR,
  type TotalsCents,
  totalsJson,
} from '@carcar/common/contract/money';
import type {
  InspectionItem,
  Payment,
  PublicEstimate,
  RepairOrder,
  RepairOrderLine,
} from '@carcar/common/contract/repair-orders';
import { inspectionItemJson, type PhotoLinks } from '../db/inspection.js';
import { numericUnits } from '../db/shop-settings.js';
import type { LineRow, OrderDetails, PaymentRow } from './statements.js';

// The contract's JSON of repair orders, built in one place: the staff's RepairOrder, its Lines and
// Payments, and the customer's PublicEstimate (which leaves out everything but the car, the
// customer's name, the lines and the totals).

const QUANTITY_SCALE = Math.log10(QUANTITY_UNITS);
const RATE_SCALE = Math.log10(RATE_UNITS_PER_PERCENT);
const SECONDS_PER_TENTH = 3600 / TENTHS_PER_HOUR;

export const centsOf = (numeric: string): number => numericUnits(numeric, 2);
export const quantityUnitsOf = (numeric: string): number => numericUnits(numeric, QUANTITY_SCALE);
export const hoursTenthsOf = (numeric: string): number => numericUnits(numeric, 1);

/** Seconds on the clock as hours in tenths, half-up: 5 min 59 s is 0.1 h, 2 min 59 s is 0.0 h. */
export function clockedTenths(seconds: number): number {
  return Number(divideHalfUp(BigInt(Math.max(0, Math.floor(seconds))), BigInt(SECONDS_PER_TENTH)));
}

export function lineJson(row: LineRow, clockedSeconds = 0): RepairOrderLine {
  return {
    id: row.id,
    kind: row.kind,
    description: row.description,
    hours: row.hours === null ? null : fromUnits(hoursTenthsOf(row.hours), 1),
    rate: row.rate === null ? null : fromCents(centsOf(row.rate)),
    part_number: row.partNumber,
    quantity: fromUnits(quantityUnitsOf(row.quantity), QUANTITY_SCALE),
    unit_price: row.unitPrice === null ? null : fromCents(centsOf(row.unitPrice)),
    amount: fromCents(centsOf(row.amount)),
    technician: row.technicianId,
    status: row.status,
    approval:
      row.approvalBy && row.approvalMethod && row.approvalAt
        ? {
            by: row.approvalBy,
            name: row.approvalName ?? '',
            method: row.approvalMethod,
            at: row.approvalAt.toISOString(),
          }
        : null,
    clocked_hours: fromUnits(clockedTenths(clockedSeconds), 1),
    backordered: row.backordered,
  };
}

function paymentJson(row: PaymentRow): Payment {
  return {
    id: row.id,
    amount: fromCents(centsOf(row.amount)),
    method: row.method,
    reference: row.reference,
    at: row.at.toISOString(),
  };
}

/**
 * The order's totals in cents: its own tax rate once invoiced (frozen then), else the shop's
 * current one (`shopTaxRateUnits`).
 */
export function totalsOf(details: OrderDetails, shopTaxRateUnits: number): TotalsCents {
  const { order, lines, payments } = details;
  const taxRate = order.taxRate === null ? shopTaxRateUnits : numericUnits(order.taxRate, RATE_SCALE);
  const paid = payments.reduce((sum, payment) => sum + centsOf(payment.amount), 0);
  return orderTotalsCents(
    lines.map((line) => ({ kind: line.kind, status: line.status, amountCents: centsOf(line.amount) })),
    taxRate,
    paid,
  );
}

/**
 * The order's inspection: what the technician found (`POST .../inspection/`), with photos. Photo
 * URLs are the staff's (`/api/...`) or, for the customer's estimate, through its approval token.
 */
export function inspectionJson(details: OrderDetails, links: PhotoLinks): InspectionItem[] {
  return details.inspection.map(({ item, photos }) => inspectionItemJson(item, photos, links));
}

export function orderJson(details: OrderDetails, inspection: InspectionItem[], shopTaxRateUnits: number): RepairOrder {
  const { order } = details;
  return {
    id: order.id,
    vin: order.vin,
    vip: details.vip,
    customer: { name: order.customerName, phone: order.customerPhone, email: order.customerEmail },
    mileage: order.mileage,
    concern: order.concern,
    appointment: order.appointmentId,
    advisor: order.advisorId === null ? null : { id: order.advisorId, name: order.advisorName ?? '' },
    status: order.status,
    lines: details.lines.map((line) => lineJson(line, details.clockedSeconds.get(line.id))),
    inspection,
    payments: details.payments.map(paymentJson),
    totals: totalsJson(totalsOf(details, shopTaxRateUnits)),
    created_at: order.createdAt.toISOString(),
    invoiced_at: order.invoicedAt?.toISOString() ?? null,
    closed_at: order.closedAt?.toISOString() ?? null,
    void_reason: order.voidReason,
  };
}

/**
 * What the customer's link shows: the car, their name, the lines and the totals. No phone, email,
 * mileage, advisor or technician: a link forwarded by mistake tells a stranger only the estimate.
 */
export function publicEstimateJson(
  details: OrderDetails,
  inspection: InspectionItem[],
  shopTaxRateUnits: number,
): PublicEstimate {
  return {
    vin: details.order.vin,
    vehicle: details.vehicle,
    customer: { name: details.order.customerName },
    lines: details.lines.map((line) => ({ ...lineJson(line, details.clockedSeconds.get(line.id)), technician: null })),
    inspection,
    totals: totalsJson(totalsOf(details, shopTaxRateUnits)),
  };
}
