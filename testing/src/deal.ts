import type { Deal } from '@carcar/common/contract/deal';

/**
 * The deal of a cash sale at `price` with nothing else (no trade-in, fees, tax, down payment or
 * financing), as `dealJson` and the sales API answer it: the price alone, taxable and owed whole,
 * with no APR or term. What the deal arithmetic and a recorded sale both say of the plainest sale.
 */
export function cashDeal(price: number): Deal {
  return {
    price,
    fees_total: 0,
    trade_allowance: 0,
    trade_payoff: 0,
    taxable: price,
    tax_rate: 0,
    tax: 0,
    down_payment: 0,
    amount_financed: price,
    apr: null,
    term_months: null,
    monthly_payment: null,
    total_of_payments: null,
  };
}
