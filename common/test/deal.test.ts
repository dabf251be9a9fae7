import { cashDeal } from '@carcar/testing/deal';
import { Decimal } from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  computeDeal,
  type DealTerms,
  dealJson,
  divideHalfUp,
  financingBody,
  MAX_TERM_MONTHS,
  moneyField,
  monthlyPayment,
  parseCents,
  parseRate,
  RATE_SCALE,
  tradeInBody,
} from '../src/contract/deal.js';

const terms = (overrides: Partial<DealTerms>): DealTerms => ({
  price: 0,
  fees: [],
  tradeAllowance: 0,
  tradePayoff: 0,
  downPayment: 0,
  taxRate: 0,
  financing: null,
  ...overrides,
});

/** Percent text → the rate units the deal takes. */
const rate = (percent: string) => parseRate(percent) as number;

describe('parsing money and rates', () => {
  it('reads dollars as exact cents, from text or a JSON number', () => {
    expect(parseCents('25999.99')).toBe(2_599_999);
    expect(parseCents(25999.99)).toBe(2_599_999);
    expect(parseCents(0.1)).toBe(10);
    expect(parseCents('7')).toBe(700);
    expect(parseCents('1.005')).toBeUndefined();
    expect(parseCents(-1)).toBeUndefined();
    expect(parseCents('1e3')).toBeUndefined();
  });

  it('reads percentages to four decimals', () => {
    expect(parseRate('6.99')).toBe(69_900);
    expect(parseRate(8.875)).toBe(88_750);
    expect(parseRate('0')).toBe(0);
    expect(parseRate('1.23456')).toBeUndefined();
  });

  it('refuses money over the limit and out-of-range terms in plain words', () => {
    expect(moneyField('fee amount').safeParse('10000000.01').error?.issues[0]?.message).toMatch(/fee amount from 0/);
    expect(financingBody.safeParse({ apr: 5, term_months: MAX_TERM_MONTHS + 1 }).success).toBe(false);
    expect(financingBody.safeParse({ apr: '6.99', term_months: '72' }).data).toEqual({ apr: 69_900, term_months: 72 });
    const tradeIn = tradeInBody.safeParse({
      vin: 'nope',
      year: 2015,
      make: 'Ford',
      model: 'F-150',
      odometer: -1,
      allowance: 1,
    });
    expect(tradeIn.error?.issues.map((issue) => issue.path.join('.')).sort()).toEqual(['odometer', 'vin']);
  });
});

describe('rounding', () => {
  it('rounds half-up to the cent', () => {
    expect(divideHalfUp(5n, 10n)).toBe(1n);
    expect(divideHalfUp(4n, 10n)).toBe(0n);
    expect(divideHalfUp(15n, 10n)).toBe(2n);
    // 0.5 % of $1.00 is half a cent: it goes up.
    expect(computeDeal(terms({ price: 100, taxRate: rate('0.5') })).deal.tax).toBe(1);
    // 0.4 % of $1.00 is 0.4 of a cent: down.
    expect(computeDeal(terms({ price: 100, taxRate: rate('0.4') })).deal.tax).toBe(0);
  });
});

describe('worked examples', () => {
  it('a cash deal with no extras is its price', () => {
    const { deal, problems } = computeDeal(terms({ price: 2_599_999 }));
    expect(problems).toEqual([]);
    expect(dealJson(deal)).toEqual(cashDeal(25999.99));
  });

  it('0 % APR: the amount over the months, rounded half-up', () => {
    // $30,000 + $199 fee, no tax: 3,019,900 cents / 60 = 50,331.67 → $503.32.
    const { deal } = computeDeal(terms({ price: 3_000_000, fees: [19_900], financing: { apr: 0, termMonths: 60 } }));
    expect(dealJson(deal)).toMatchObject({
      fees_total: 199,
      amount_financed: 30199,
      apr: 0,
      term_months: 60,
      monthly_payment: 503.32,
      total_of_payments: 30199.2,
    });
  });

  it('a payoff larger than the allowance adds the difference to the loan', () => {
    // taxable = 25,000 + 500 − 8,000 = 17,500; tax 7.25 % = 1,268.75;
    // financed = 25,000 + 500 + 1,268.75 − 8,000 + 10,000 − 1,000 = 27,768.75; 5.9 % over 60 → $535.56.
    const { deal } = computeDeal(
      terms({
        price: 2_500_000,
        fees: [50_000],
        tradeAllowance: 800_000,
        tradePayoff: 1_000_000,
        downPayment: 100_000,
        taxRate: rate('7.25'),
        financing: { apr: rate('5.9'), termMonths: 60 },
      }),
    );
    expect(dealJson(deal)).toMatchObject({
      taxable: 17500,
      tax: 1268.75,
      amount_financed: 27768.75,
      monthly_payment: 535.56,
      total_of_payments: 32133.6,
    });
  });

  it('a trade-in worth more than the car and fees leaves nothing taxable', () => {
    const { deal, problems } = computeDeal(
      terms({ price: 1_000_000, fees: [10_000], tradeAllowance: 1_200_000, taxRate: rate('8') }),
    );
    expect(problems).toEqual([]);
    expect(deal).toMatchObject({ taxable: 0, tax: 0, amount_financed: -190_000 });
  });

  it('a large down payment shrinks the loan', () => {
    // $20,000, no tax, $15,000 down: $5,000 at 3 % over 12 → $423.47.
    const { deal } = computeDeal(
      terms({ price: 2_000_000, downPayment: 1_500_000, financing: { apr: rate('3'), termMonths: 12 } }),
    );
    expect(dealJson(deal)).toMatchObject({
      amount_financed: 5000,
      monthly_payment: 423.47,
      total_of_payments: 5081.64,
    });
  });

  it('an awkward rate: 6.99 % over 72 months', () => {
    // $31,999.99 at 8.875 % tax: 2,839.9991125 → $2,840.00; $34,839.99 financed → $593.82.
    const { deal } = computeDeal(
      terms({ price: 3_199_999, taxRate: rate('8.875'), financing: { apr: rate('6.99'), termMonths: 72 } }),
    );
    expect(dealJson(deal)).toMatchObject({
      tax: 2840,
      amount_financed: 34839.99,
      apr: 6.99,
      monthly_payment: 593.82,
      total_of_payments: 42755.04,
    });
  });

  it('financing with nothing to finance is a problem on financing', () => {
    const { deal, problems } = computeDeal(
      terms({ price: 1_000_000, downPayment: 1_000_000, financing: { apr: rate('4'), termMonths: 36 } }),
    );
    expect(deal.amount_financed).toBe(0);
    expect(deal.monthly_payment).toBeNull();
    expect(problems).toEqual([{ path: 'financing', message: expect.stringMatching(/nothing to finance/) }]);
  });
});

/** The textbook formula in 80-digit decimals, rounded half-up: an independent check of the BigInt fraction. */
function referencePayment(amountCents: number, aprUnits: number, months: number): number {
  const D = Decimal.clone({ precision: 80, rounding: Decimal.ROUND_HALF_UP });
  const a = new D(amountCents);
  if (aprUnits === 0) return a.div(months).toDecimalPlaces(0, Decimal.ROUND_HALF_UP).toNumber();
  const r = new D(aprUnits).div(RATE_SCALE).div(1200);
  const payment = a.mul(r).div(new D(1).minus(r.plus(1).pow(-months)));
  return payment.toDecimalPlaces(0, Decimal.ROUND_HALF_UP).toNumber();
}

describe('property: the deal agrees with an independent high-precision computation', () => {
  it('on 1,000 generated deals', () => {
    const cents = (max: number) => fc.integer({ min: 0, max });
    fc.assert(
      fc.property(
        cents(1_000_000_000),
        fc.array(cents(500_000), { maxLength: 5 }),
        cents(50_000_000),
        cents(50_000_000),
        cents(50_000_000),
        fc.integer({ min: 0, max: 150_000 }),
        fc.integer({ min: 0, max: 300_000 }),
        fc.integer({ min: 1, max: MAX_TERM_MONTHS }),
        (price, fees, tradeAllowance, tradePayoff, downPayment, taxRate, apr, termMonths) => {
          const { deal, problems } = computeDeal({
            price,
            fees,
            tradeAllowance,
            tradePayoff,
            downPayment,
            taxRate,
            financing: { apr, termMonths },
          });
          const feesTotal = fees.reduce((sum, fee) => sum + fee, 0);
          const taxable = Math.max(0, price + feesTotal - tradeAllowance);
          const tax = new Decimal(taxable)
            .mul(taxRate)
            .div(RATE_SCALE * 100)
            .toDecimalPlaces(0, Decimal.ROUND_HALF_UP)
            .toNumber();
          const financed = price + feesTotal + tax - tradeAllowance + tradePayoff - downPayment;
          expect(deal).toMatchObject({ fees_total: feesTotal, taxable, tax, amount_financed: financed });
          if (financed <= 0) {
            expect(problems.map((problem) => problem.path)).toEqual(['financing']);
            return;
          }
          const monthly = referencePayment(financed, apr, termMonths);
          expect(deal.monthly_payment).toBe(monthly);
          expect(deal.total_of_payments).toBe(monthly * termMonths);
          expect(monthlyPayment(financed, apr, termMonths)).toBe(monthly);
        },
      ),
      { numRuns: 1000 },
    );
  });
});
