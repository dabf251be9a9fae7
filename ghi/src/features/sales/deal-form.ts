import { computeDeal, type DealCents, type DealTerms, parseCents, parseRate } from '@carcar/common/contract/deal';

// The deal screen's fields as typed, and the deal they make: the same `computeDeal` (common/src/
// contract/deal.ts) the Sales API records a sale with, fed the same cents and rate units the API
// parses from the same text, so every figure on the screen is the cent the sale will store.

export interface FeeRow {
  /** Keeps a row's inputs when another row is removed. */
  key: number;
  name: string;
  amount: string;
}

export interface TradeInFields {
  vin: string;
  year: string;
  make: string;
  model: string;
  color: string;
  odometer: string;
  allowance: string;
  payoff: string;
}

export interface DealFields {
  price: string;
  fees: FeeRow[];
  taxRate: string;
  downPayment: string;
  tradeIn: TradeInFields | null;
}

export interface Financing {
  /** Percent as typed, e.g. "5.9". */
  apr: string;
  termMonths: number;
}

export const emptyTradeIn: TradeInFields = {
  vin: '',
  year: '',
  make: '',
  model: '',
  color: '',
  odometer: '',
  allowance: '',
  payoff: '',
};

/** Money as the API parses it; an empty optional field is nothing (0). */
const optionalCents = (text: string) => (text.trim() === '' ? 0 : parseCents(text));

/** The deal's terms in cents and rate units, or undefined while a figure is missing or not money. */
export function dealTerms(fields: DealFields, financing: Financing | null): DealTerms | undefined {
  const price = parseCents(fields.price);
  const fees = fields.fees.map((fee) => optionalCents(fee.amount));
  const taxRate = fields.taxRate.trim() === '' ? 0 : parseRate(fields.taxRate);
  const downPayment = optionalCents(fields.downPayment);
  const tradeAllowance = fields.tradeIn ? optionalCents(fields.tradeIn.allowance) : 0;
  const tradePayoff = fields.tradeIn ? optionalCents(fields.tradeIn.payoff) : 0;
  const apr = financing ? parseRate(financing.apr) : null;
  if (
    price === undefined ||
    taxRate === undefined ||
    downPayment === undefined ||
    tradeAllowance === undefined ||
    tradePayoff === undefined ||
    apr === undefined ||
    fees.some((fee) => fee === undefined)
  ) {
    return undefined;
  }
  return {
    price,
    fees: fees as number[],
    tradeAllowance,
    tradePayoff,
    downPayment,
    taxRate,
    financing: financing && apr !== null ? { apr, termMonths: financing.termMonths } : null,
  };
}

/** Why the deal cannot be financed, as the screen words it (a key of the `sales` catalogue's `grid`). */
export type DealProblemKey = 'nothingToFinance';

/** The deal's figures in cents (null while a figure is missing), and why financing cannot be, if so. */
export function dealOf(
  fields: DealFields,
  financing: Financing | null,
): { deal: DealCents; problem?: DealProblemKey } | null {
  const terms = dealTerms(fields, financing);
  if (!terms) return null;
  const { deal, problems } = computeDeal(terms);
  // computeDeal's one problem (financing with nothing to finance) is in English for the API's 400;
  // the screen says it in the user's language.
  return problems.length > 0 ? { deal, problem: 'nothingToFinance' } : { deal };
}

/** One cell of the payment grid: the monthly payment in cents, or null when there is nothing to finance. */
export function monthlyCents(fields: DealFields, financing: Financing): number | null {
  return dealOf(fields, financing)?.deal.monthly_payment ?? null;
}

const digits = (text: string) => (/^\d+$/.test(text.trim()) ? Number(text.trim()) : text);

/**
 * `POST /api/sales/`'s body: money as the text typed (the API parses it to the cent exactly as
 * `dealTerms` does), the parts of the deal left out when empty.
 */
export function saleBody(
  parties: { automobile: string; salesperson: string; customer: string },
  fields: DealFields,
  financing: Financing | null,
): Record<string, unknown> {
  const trade = fields.tradeIn;
  return {
    automobile: parties.automobile,
    salesperson: digits(parties.salesperson),
    customer: digits(parties.customer),
    price: fields.price.trim(),
    ...(trade
      ? {
          trade_in: {
            vin: trade.vin,
            year: digits(trade.year),
            make: trade.make,
            model: trade.model,
            ...(trade.color.trim() ? { color: trade.color } : {}),
            odometer: digits(trade.odometer),
            allowance: trade.allowance.trim(),
            ...(trade.payoff.trim() ? { payoff: trade.payoff.trim() } : {}),
          },
        }
      : {}),
    ...(fields.fees.length > 0
      ? { fees: fields.fees.map((fee) => ({ name: fee.name, amount: fee.amount.trim() })) }
      : {}),
    ...(fields.taxRate.trim() ? { tax_rate: fields.taxRate.trim() } : {}),
    ...(fields.downPayment.trim() ? { down_payment: fields.downPayment.trim() } : {}),
    ...(financing ? { financing: { apr: financing.apr.trim(), term_months: financing.termMonths } } : {}),
  };
}

/** The grid's terms, in months. */
export const GRID_TERMS = [36, 48, 60, 72] as const;
/** The grid's APRs until the salesperson types others. */
export const DEFAULT_APRS = ['3.9', '5.9', '7.9'];
