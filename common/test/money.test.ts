import { emptyOrderTotals } from '@carcar/testing/totals';
import { describe, expect, it } from 'vitest';
import {
  divideHalfUp,
  fromCents,
  fromUnits,
  itemAmountCents,
  laborAmountCents,
  orderTotalsCents,
  type PricedLine,
  taxCents,
  toCents,
  totalsJson,
  toUnits,
} from '../src/contract/money.js';

describe('exact decimals', () => {
  it('reads numbers and text as whole units, refusing a decimal too many', () => {
    expect(toCents(119.99)).toBe(11999);
    expect(toCents('119.99')).toBe(11999);
    expect(toCents(0.1)).toBe(10);
    expect(toCents('12')).toBe(1200);
    expect(toCents('12.50')).toBe(1250);
    expect(toCents('12.500')).toBe(1250);
    expect(toCents(12.345)).toBeUndefined();
    expect(toCents(-1)).toBeUndefined();
    expect(toCents('1e3')).toBeUndefined();
    expect(toCents('')).toBeUndefined();
    expect(toUnits(8.875, 3)).toBe(8875);
    expect(toUnits('1.5', 1)).toBe(15);
    expect(toUnits('1.55', 1)).toBeUndefined();
  });

  it('answers cents as the number a person wrote', () => {
    expect(fromCents(11999)).toBe(119.99);
    expect(fromCents(1200)).toBe(12);
    expect(fromCents(1)).toBe(0.01);
    expect(fromCents(123456789012)).toBe(1234567890.12);
    // Every value is the number its decimal text reads as, up to the largest safe integer of units.
    const asText = (units: number, scale: number) => {
      const digits = String(units).padStart(scale + 1, '0');
      return `${digits.slice(0, -scale)}.${digits.slice(-scale)}`;
    };
    const awkward = [
      Number.MAX_SAFE_INTEGER,
      Number.MAX_SAFE_INTEGER - 1,
      2 ** 52 + 1,
      10 ** 15 - 1,
      9_007_199_254_740,
    ];
    for (let units = 0; units <= 20_000; units += 1) awkward.push(units);
    for (let i = 0; i < 20_000; i += 1) awkward.push(Math.floor(Math.random() * Number.MAX_SAFE_INTEGER));
    for (const units of awkward) {
      for (const scale of [1, 2, 3]) expect(fromUnits(units, scale)).toBe(Number(asText(units, scale)));
    }
  });

  it('rounds half up, and only half up', () => {
    expect(divideHalfUp(5n, 10n)).toBe(1n);
    expect(divideHalfUp(4n, 10n)).toBe(0n);
    expect(divideHalfUp(15n, 10n)).toBe(2n);
    expect(divideHalfUp(25n, 10n)).toBe(3n);
    expect(divideHalfUp(0n, 7n)).toBe(0n);
  });
});

describe('line amounts', () => {
  it('0.1 h at 119.99 an hour is 12.00 (11.999 rounded half up)', () => {
    expect(laborAmountCents(1, 11999)).toBe(1200);
  });

  it('rounds a half cent up and a bit less down', () => {
    // 0.5 h × 0.01 = 0.005 → 0.01; 0.3 h × 0.01 = 0.003 → 0.00
    expect(laborAmountCents(5, 1)).toBe(1);
    expect(laborAmountCents(3, 1)).toBe(0);
    expect(laborAmountCents(15, 12050)).toBe(18075);
  });

  it('multiplies quantities, fractional ones rounded half up', () => {
    expect(itemAmountCents(300, 1999)).toBe(5997);
    // 4.5 quarts at 7.99 = 35.955 → 35.96; 0.33 × 0.10 = 0.033 → 0.03
    expect(itemAmountCents(450, 799)).toBe(3596);
    expect(itemAmountCents(33, 10)).toBe(3);
    expect(itemAmountCents(1_000_000, 100_000_000)).toBe(1_000_000_000_000);
  });
});

describe('tax and totals', () => {
  it('8.875 % of odd cents, once on the sum', () => {
    // 10.01 × 8.875 % = 0.8883875 → 0.89
    expect(taxCents(1001, 8875)).toBe(89);
    // 0.04 × 8.875 % = 0.00355 → 0.00; 0.06 → 0.005325 → 0.01
    expect(taxCents(4, 8875)).toBe(0);
    expect(taxCents(6, 8875)).toBe(1);
    // Per line it would be 0.01 + 0.01 + 0.01; on the sum of three 0.06 lines it is 0.02.
    const lines: PricedLine[] = [1, 2, 3].map(() => ({ kind: 'fee', status: 'approved', amountCents: 6 }));
    expect(orderTotalsCents(lines, 8875).tax).toBe(2);
  });

  it('counts approved and done lines only, by kind', () => {
    const lines: PricedLine[] = [
      { kind: 'labor', status: 'done', amountCents: 1200 },
      { kind: 'labor', status: 'approved', amountCents: 18075 },
      { kind: 'part', status: 'approved', amountCents: 5997 },
      { kind: 'part', status: 'declined', amountCents: 99999 },
      { kind: 'fee', status: 'proposed', amountCents: 500 },
      { kind: 'fee', status: 'approved', amountCents: 350 },
    ];
    const totals = orderTotalsCents(lines, 8250, 10000);
    expect(totals).toEqual({
      labor: 19275,
      parts: 5997,
      fees: 350,
      subtotal: 25622,
      // 256.22 × 8.25 % = 21.138… → 21.14
      tax: 2114,
      total: 27736,
      paid: 10000,
      balance: 17736,
    });
    expect(totalsJson(totals)).toEqual({
      labor: 192.75,
      parts: 59.97,
      fees: 3.5,
      subtotal: 256.22,
      tax: 21.14,
      total: 277.36,
      paid: 100,
      balance: 177.36,
    });
  });

  it('a 0-line order totals zero', () => {
    expect(totalsJson(orderTotalsCents([], 8875))).toEqual(emptyOrderTotals);
  });

  it('large values stay exact', () => {
    // 9,999.9 h at 10,000.00 an hour, 10,000 parts at 1,000,000.00, 100 % tax.
    const labor = laborAmountCents(99_999, 1_000_000);
    expect(labor).toBe(9_999_900_000);
    const parts = itemAmountCents(1_000_000, 100_000_000);
    const totals = orderTotalsCents(
      [
        { kind: 'labor', status: 'approved', amountCents: labor },
        { kind: 'part', status: 'approved', amountCents: parts },
      ],
      100_000,
    );
    expect(totals.subtotal).toBe(1_009_999_900_000);
    expect(totals.total).toBe(2_019_999_800_000);
    expect(totalsJson(totals).total).toBe(20_199_998_000);
    // A sum that a double would get wrong: 0.1 + 0.2 is 0.30 here.
    const small = orderTotalsCents(
      [
        { kind: 'fee', status: 'approved', amountCents: 10 },
        { kind: 'fee', status: 'approved', amountCents: 20 },
      ],
      0,
    );
    expect(totalsJson(small).total).toBe(0.3);
  });
});
