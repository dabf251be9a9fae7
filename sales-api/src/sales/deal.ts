import {
  centsToDollars,
  centsToText,
  computeDeal,
  type Deal,
  type DealCents,
  dealJson,
  parseCents,
  priceOnlyTerms,
} from '@carcar/common/contract/deal';
import type { SaleInput, TradeIn } from '@carcar/common/contract/sales';
import { invalid } from '@carcar/common/errors';
import type { SaleDesk } from './statements.js';

// The sales desk's part of a sale: the deal computed from what the desk sent (by the one
// `computeDeal` the browser's live grid uses too), what is stored, and how it is answered.

/** The deal of `input`: its figures, the trade-in as sent and as inventory takes it; 400 if it makes no deal. */
export function dealOf(input: SaleInput, defaultTaxRate: number): SaleDesk {
  const price = parseCents(input.price);
  if (price === undefined) throw new Error(`price ${input.price} passed validation but is not money`);
  const fees = input.fees ?? [];
  const tradeIn = input.trade_in;
  const { deal, problems } = computeDeal({
    price,
    fees: fees.map((fee) => fee.amount),
    tradeAllowance: tradeIn?.allowance ?? 0,
    tradePayoff: tradeIn?.payoff ?? 0,
    downPayment: input.down_payment ?? 0,
    taxRate: input.tax_rate ?? defaultTaxRate,
    financing: input.financing ? { apr: input.financing.apr, termMonths: input.financing.term_months } : null,
  });
  if (tradeIn && tradeIn.vin === input.automobile) {
    problems.push({ path: 'trade_in.vin', message: 'The car being sold cannot be its own trade-in' });
  }
  if (problems.length > 0) throw invalid(problems);
  return {
    deal,
    fees: fees.map((fee) => ({ name: fee.name, amount: centsToDollars(fee.amount) })),
    tradeIn: tradeIn
      ? {
          vin: tradeIn.vin,
          year: tradeIn.year,
          make: tradeIn.make,
          model: tradeIn.model,
          color: tradeIn.color ?? null,
          odometer: tradeIn.odometer,
          allowance: centsToDollars(tradeIn.allowance),
          payoff: tradeIn.payoff === undefined ? null : centsToDollars(tradeIn.payoff),
        }
      : null,
    tradeInArrival: tradeIn
      ? {
          vin: tradeIn.vin,
          year: tradeIn.year,
          make: tradeIn.make,
          model: tradeIn.model,
          ...(tradeIn.color ? { color: tradeIn.color } : {}),
          odometer: tradeIn.odometer,
          allowance: centsToText(tradeIn.allowance),
        }
      : null,
  };
}

/** A stored sale's deal; a sale recorded before the desk existed is its price alone. */
export function storedDeal(stored: unknown, price: string): Deal {
  if (stored && typeof stored === 'object') return dealJson(stored as DealCents);
  const { deal } = computeDeal(priceOnlyTerms(parseCents(price) ?? 0));
  return dealJson(deal);
}

/** A stored sale's trade-in and fees as answered. */
export function storedDesk(sale: { tradeIn: unknown; fees: unknown }): {
  trade_in: TradeIn | null;
  fees: { name: string; amount: number }[];
} {
  return {
    trade_in: (sale.tradeIn as TradeIn | null) ?? null,
    fees: (sale.fees as { name: string; amount: number }[] | null) ?? [],
  };
}

/** price − the car's cost, in dollars, or null while the cost is unknown. */
export function frontGross(price: string, cost: string | null): number | null {
  const priceCents = parseCents(price);
  const costCents = cost === null ? undefined : parseCents(cost);
  return priceCents === undefined || costCents === undefined ? null : centsToDollars(priceCents - costCents);
}
