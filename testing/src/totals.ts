import type { Totals } from '@carcar/common/contract/money';

/**
 * A repair order's totals with no lines and nothing paid: every amount zero. What the money
 * arithmetic and the service API both answer for a new or empty order.
 */
export const emptyOrderTotals: Readonly<Totals> = Object.freeze({
  labor: 0,
  parts: 0,
  fees: 0,
  subtotal: 0,
  tax: 0,
  total: 0,
  paid: 0,
  balance: 0,
});
