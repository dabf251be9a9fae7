import { z } from 'zod';
import { vinSchema } from '../vin/schema.js';
import { formatNumber, integerField, requiredText } from './fields.js';

// The sales desk's deal: what a car costs the customer with fees, tax, a trade-in, a down payment
// and financing. The one computation of it, used by sales-api to record a sale and by the browser
// app's live deal grid, so the two can never disagree by a cent. Browser-safe: no node imports.
//
// Money is integer cents throughout; percentages (the tax rate, the APR) are integers in
// ten-thousandths of a percent (8.875 % is 88_750). Nothing passes through a binary float: the
// amortised payment is an exact fraction of big integers, rounded once. The one rounding rule is
// half-up to the cent (x.5 cents goes up); the amounts rounded (tax, monthly payment) are never
// negative, so "half-up" and "half away from zero" agree.

/** The largest amount of money a deal field takes, in dollars: a sale's price limit. */
export const MAX_DEAL_DOLLARS = 10_000_000;
/** The largest tax rate and APR, in percent. */
export const MAX_RATE_PERCENT = 100;
/** The longest loan, in months (12 years). */
export const MAX_TERM_MONTHS = 144;
/** Percent to the units of `DealTerms` rates: ten-thousandths of a percent. */
export const RATE_SCALE = 10_000;

/** `"25999.99"`, `25999.99` or `"25999"` as cents; undefined unless it is 0 or more with at most 2 decimals. */
export function parseCents(value: string | number): number | undefined {
  const text = typeof value === 'number' ? (Number.isFinite(value) ? String(value) : '') : value.trim();
  const match = /^(\d{1,12})(?:\.(\d{1,2}))?$/.exec(text);
  if (!match) return undefined;
  return Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
}

/** A percentage as `RATE_SCALE` units; undefined unless it is 0 or more with at most 4 decimals. */
export function parseRate(value: string | number): number | undefined {
  const text = typeof value === 'number' ? (Number.isFinite(value) ? String(value) : '') : value.trim();
  const match = /^(\d{1,3})(?:\.(\d{1,4}))?$/.exec(text);
  if (!match) return undefined;
  return Number(match[1]) * RATE_SCALE + Number((match[2] ?? '').padEnd(4, '0'));
}

/** Cents as the dollars the JSON answers: 2599999 → 25999.99 (the nearest double prints exactly so). */
export function centsToDollars(cents: number): number {
  return cents / 100;
}

/** Cents as exact decimal text, for a `numeric` column: 2599999 → "25999.99", -5 → "-0.05". */
export function centsToText(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const whole = Math.abs(cents);
  return `${sign}${Math.floor(whole / 100)}.${String(whole % 100).padStart(2, '0')}`;
}

/** Rate units as the percent the JSON answers: 69_900 → 6.99. */
export function rateToPercent(units: number): number {
  return units / RATE_SCALE;
}

/**
 * Money in dollars and cents, as a JSON number or numeric text (forms post text), 0 up to `max`
 * dollars with at most 2 decimals; parsed to integer cents. `label` names it in the one message.
 */
export function moneyField(label: string, max = MAX_DEAL_DOLLARS) {
  const message = `Enter the ${label} from 0 to ${formatNumber(max)} with at most 2 decimals`;
  return z.union([z.number(), z.string()], { error: message }).transform((value, ctx) => {
    const cents = parseCents(value);
    if (cents === undefined || cents > max * 100) {
      ctx.addIssue({ code: 'custom', message });
      return z.NEVER;
    }
    return cents;
  });
}

/** A percentage from 0 to `MAX_RATE_PERCENT` with at most 4 decimals, parsed to `RATE_SCALE` units. */
export function rateField(label: string) {
  const message = `Enter the ${label} as a percentage from 0 to ${MAX_RATE_PERCENT} with at most 4 decimals`;
  return z.union([z.number(), z.string()], { error: message }).transform((value, ctx) => {
    const units = parseRate(value);
    if (units === undefined || units > MAX_RATE_PERCENT * RATE_SCALE) {
      ctx.addIssue({ code: 'custom', message });
      return z.NEVER;
    }
    return units;
  });
}

/** The newest model year a car can carry, as inventory checks it. */
const latestYear = () => new Date().getUTCFullYear() + 2;

/** `"trade_in"` of `POST /api/sales/`: the customer's car the dealership takes in part payment. */
export const tradeInBody = z.object(
  {
    vin: vinSchema,
    year: integerField(1900, latestYear, (latest) => `Enter a year from 1900 to ${latest}`),
    make: requiredText(100, 'make'),
    model: requiredText(100, 'model'),
    color: z.preprocess(
      (value) => (value === '' || value === null ? undefined : value),
      requiredText(50, 'color').optional(),
    ),
    odometer: integerField(
      0,
      () => 10_000_000,
      () => 'Enter the odometer reading in whole miles, from 0 to 10,000,000',
    ),
    allowance: moneyField('trade-in allowance'),
    payoff: moneyField('payoff still owed on the trade-in').optional(),
  },
  { error: 'Send the trade-in as {"vin", "year", "make", "model", "odometer", "allowance"}' },
);
export type TradeInInput = z.output<typeof tradeInBody>;

/** One fee of a deal (documentation, registration): `{"name", "amount"}`. */
export const feeBody = z.object(
  { name: requiredText(100, 'fee name'), amount: moneyField('fee amount') },
  { error: 'Send each fee as {"name", "amount"}' },
);

/** How many fees one deal may list. */
export const MAX_FEES = 20;

export const feesBody = z
  .array(feeBody, { error: 'Send the fees as a list of {"name", "amount"}' })
  .max(MAX_FEES, `A deal can list at most ${MAX_FEES} fees`);

/** `"financing"` of `POST /api/sales/`: the loan's APR (percent) and its term in months. */
export const financingBody = z.object(
  {
    apr: rateField('APR'),
    term_months: integerField(
      1,
      () => MAX_TERM_MONTHS,
      () => `Enter the term as a whole number of months from 1 to ${MAX_TERM_MONTHS}`,
    ),
  },
  { error: 'Send the financing as {"apr", "term_months"}' },
);
export type FinancingInput = z.output<typeof financingBody>;

/** What a deal is made of: money in cents, rates in `RATE_SCALE` units (ten-thousandths of a percent). */
export interface DealTerms {
  price: number;
  fees: readonly number[];
  tradeAllowance: number;
  tradePayoff: number;
  downPayment: number;
  taxRate: number;
  financing: { apr: number; termMonths: number } | null;
}

/** The terms of a price alone (cents): no fees, trade-in, down payment, tax or financing. */
export function priceOnlyTerms(price: number): DealTerms {
  return { price, fees: [], tradeAllowance: 0, tradePayoff: 0, downPayment: 0, taxRate: 0, financing: null };
}

/** The deal's figures, money in cents; the financing figures are null when the deal is not financed. */
export interface DealCents {
  price: number;
  fees_total: number;
  trade_allowance: number;
  trade_payoff: number;
  taxable: number;
  tax_rate: number;
  tax: number;
  down_payment: number;
  amount_financed: number;
  apr: number | null;
  term_months: number | null;
  monthly_payment: number | null;
  total_of_payments: number | null;
}

/**
 * The Sale JSON's `deal`: the same figures, money in dollars (a JSON number, `centsToDollars`),
 * rates in percent. A strict schema (a misspelled key fails the API tests' answer check) and its type.
 */
export const dealSchema = z.strictObject({
  price: z.number(),
  fees_total: z.number(),
  trade_allowance: z.number(),
  trade_payoff: z.number(),
  taxable: z.number(),
  /** (added) The tax rate applied, in percent. */
  tax_rate: z.number(),
  tax: z.number(),
  down_payment: z.number(),
  /**
   * What is left to pay after the down payment and the trade-in: the loan when financed, else the
   * balance due (negative when the trade-in is worth more than the rest of the deal).
   */
  amount_financed: z.number(),
  apr: z.number().nullable(),
  term_months: z.number().int().nullable(),
  monthly_payment: z.number().nullable(),
  total_of_payments: z.number().nullable(),
});
export type Deal = z.infer<typeof dealSchema>;

/** A reason the terms make no deal, on the field to change. */
export interface DealProblem {
  path: string;
  message: string;
}

/** `numerator / denominator` rounded half-up to an integer; both ≥ 0, denominator > 0. */
export function divideHalfUp(numerator: bigint, denominator: bigint): bigint {
  return (2n * numerator + denominator) / (2n * denominator);
}

/** Rate units per unit of a monthly rate: r = apr / 1200 with apr in percent, so r = units / 12,000,000. */
const MONTHLY_RATE_DENOMINATOR = BigInt(1200 * RATE_SCALE);

/**
 * The level monthly payment on `amount` cents over `months` at `apr` (rate units):
 * `A × r / (1 − (1 + r)^−n)` with `r = apr / 1200`, or `A / n` at 0 %, rounded half-up to the cent.
 * With r = u/D the payment is exactly `A·u·(D+u)^n / (D·((D+u)^n − D^n))`, a fraction of integers
 * computed in BigInt: no binary float, so the cent is right however awkward the rate.
 */
export function monthlyPayment(amount: number, apr: number, months: number): number {
  const a = BigInt(amount);
  const n = BigInt(months);
  if (apr === 0) return Number(divideHalfUp(a, n));
  const u = BigInt(apr);
  const d = MONTHLY_RATE_DENOMINATOR;
  const grown = (d + u) ** n;
  const base = d ** n;
  return Number(divideHalfUp(a * u * grown, d * (grown - base)));
}

/**
 * The deal, by the contract's formulas:
 * - `taxable = max(0, price + fees_total − trade_allowance)`
 * - `tax = round(taxable × tax_rate / 100)`
 * - `amount_financed = price + fees_total + tax − trade_allowance + trade_payoff − down_payment`
 * - `monthly_payment = round(A × r / (1 − (1 + r)^−n))`, `r = apr / 1200`; `round(A / n)` at 0 % APR
 * - `total_of_payments = monthly_payment × n`
 * Financing with nothing to finance (amount_financed ≤ 0) is a problem on `financing`.
 */
export function computeDeal(terms: DealTerms): { deal: DealCents; problems: DealProblem[] } {
  const feesTotal = terms.fees.reduce((sum, fee) => sum + fee, 0);
  const taxable = Math.max(0, terms.price + feesTotal - terms.tradeAllowance);
  // taxable × (rate units / RATE_SCALE) / 100: one division, rounded half-up.
  const tax = Number(divideHalfUp(BigInt(taxable) * BigInt(terms.taxRate), BigInt(100 * RATE_SCALE)));
  const amountFinanced = terms.price + feesTotal + tax - terms.tradeAllowance + terms.tradePayoff - terms.downPayment;
  const problems: DealProblem[] = [];
  const { financing } = terms;
  let monthly: number | null = null;
  if (financing) {
    if (amountFinanced <= 0) {
      problems.push({
        path: 'financing',
        message: 'There is nothing to finance: the down payment and trade-in cover the whole deal; leave financing out',
      });
    } else monthly = monthlyPayment(amountFinanced, financing.apr, financing.termMonths);
  }
  return {
    deal: {
      price: terms.price,
      fees_total: feesTotal,
      trade_allowance: terms.tradeAllowance,
      trade_payoff: terms.tradePayoff,
      taxable,
      tax_rate: terms.taxRate,
      tax,
      down_payment: terms.downPayment,
      amount_financed: amountFinanced,
      apr: financing ? financing.apr : null,
      term_months: financing ? financing.termMonths : null,
      monthly_payment: monthly,
      total_of_payments: monthly === null || !financing ? null : monthly * financing.termMonths,
    },
    problems,
  };
}

/** The figures as the Sale JSON answers them: dollars and percent. */
export function dealJson(deal: DealCents): Deal {
  const money = (cents: number | null) => (cents === null ? null : centsToDollars(cents));
  return {
    price: centsToDollars(deal.price),
    fees_total: centsToDollars(deal.fees_total),
    trade_allowance: centsToDollars(deal.trade_allowance),
    trade_payoff: centsToDollars(deal.trade_payoff),
    taxable: centsToDollars(deal.taxable),
    tax_rate: rateToPercent(deal.tax_rate),
    tax: centsToDollars(deal.tax),
    down_payment: centsToDollars(deal.down_payment),
    amount_financed: centsToDollars(deal.amount_financed),
    apr: deal.apr === null ? null : rateToPercent(deal.apr),
    term_months: deal.term_months,
    monthly_payment: money(deal.monthly_payment),
    total_of_payments: money(deal.total_of_payments),
  };
}

/**
 * `POST /api/automobiles/trade-ins/` (sales' credential only): a sale's trade-in entering inventory
 * as a used car, sent by the sales outbox; `sale_id` makes a repeat delivery a no-op.
 */
export const tradeInArrivalBody = tradeInBody.extend({
  sale_id: integerField(1, undefined, () => 'Give the id of the sale the trade-in belongs to'),
});
export type TradeInArrival = z.output<typeof tradeInArrivalBody>;

/** How many trade-ins one batch carries: as many as a batch of sold updates. */
export const TRADE_IN_BATCH_MAX = 500;

/**
 * `POST /api/automobiles/trade-ins/batch/` (sales' credential only): the sales outbox's trade-ins in
 * one request and one transaction there, in the order listed; a VIN at most once.
 */
export const tradeInBatchBody = z.object({
  trade_ins: z
    .array(tradeInArrivalBody, { error: 'List the trade-ins as [{"vin", "sale_id", ...}]' })
    .min(1, 'List at least one trade-in')
    .max(TRADE_IN_BATCH_MAX, `At most ${TRADE_IN_BATCH_MAX} trade-ins a request; send the rest in another`)
    .superRefine((arrivals, ctx) => {
      const seen = new Set<string>();
      arrivals.forEach((arrival, index) => {
        if (seen.has(arrival.vin)) {
          ctx.addIssue({ code: 'custom', path: [index, 'vin'], message: `VIN ${arrival.vin} is listed twice` });
        }
        seen.add(arrival.vin);
      });
    }),
});
export type TradeInBatch = z.output<typeof tradeInBatchBody>;

/**
 * What inventory did with each trade-in of a batch: `received` (in stock now, or already from this
 * sale), `refused` with the reason a single POST would have answered 409 with.
 */
export const tradeInBatchResultSchema = z.strictObject({
  received: z.array(z.string()),
  refused: z.array(z.strictObject({ vin: z.string(), message: z.string() })),
});
export type TradeInBatchResult = z.infer<typeof tradeInBatchResultSchema>;

/** `DELETE /api/automobiles/trade-ins/:vin/?sale_id=`: the voided sale whose trade-in leaves stock. */
export const tradeInRemovalQuery = z.object({
  sale_id: integerField(1, undefined, () => 'Give the id of the sale the trade-in belongs to'),
});
