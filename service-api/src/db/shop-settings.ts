import { RATE_UNITS_PER_PERCENT, toCents, toUnits } from '@carcar/common/contract/money';
import { DEFAULT_LABOR_RATE, DEFAULT_TAX_RATE } from '@carcar/common/contract/repair-orders';
import type { Db } from '@carcar/common/db/database';
import { eq } from 'drizzle-orm';
import { shopSettings } from './schema.js';

// The shop settings as the features read them (shop-settings/ changes them, repair-orders/ prices
// lines and tax with them): shared here because feature folders do not import each other.

/** The labor rate in cents an hour and the tax rate in thousandths of a percent. */
export interface ShopRates {
  laborRateCents: number;
  taxRateUnits: number;
}

/** The defaults before a manager saves any: $120.00 an hour, 0 % tax (contract/repair-orders.ts). */
export const DEFAULT_RATES: ShopRates = {
  laborRateCents: toCents(DEFAULT_LABOR_RATE) ?? 0,
  taxRateUnits: toUnits(DEFAULT_TAX_RATE, Math.log10(RATE_UNITS_PER_PERCENT)) ?? 0,
};

/** A `numeric` column's text as whole units; the column's own scale guarantees it fits. */
export function numericUnits(value: string, scale: number): number {
  const units = toUnits(value, scale);
  if (units === undefined) throw new Error(`not a decimal with ${scale} places: ${value}`);
  return units;
}

export async function readShopRates(db: Db): Promise<ShopRates> {
  const [row] = await db.select().from(shopSettings).where(eq(shopSettings.id, 1));
  return shopRatesOf(row);
}

/** The rates of the settings' row as stored, or the defaults before a manager saves any. */
export function shopRatesOf(row: { laborRate: string; taxRate: string } | undefined): ShopRates {
  if (!row) return DEFAULT_RATES;
  return {
    laborRateCents: numericUnits(row.laborRate, 2),
    taxRateUnits: numericUnits(row.taxRate, Math.log10(RATE_UNITS_PER_PERCENT)),
  };
}

/** The labor rate column's text in cents, or the default's when no settings are saved (null). */
export function laborRateCentsOf(laborRate: string | null): number {
  return laborRate === null ? DEFAULT_RATES.laborRateCents : numericUnits(laborRate, 2);
}
