import { fromCents, fromUnits, RATE_UNITS_PER_PERCENT } from '@carcar/common/contract/money';
import type { ShopSettings, ShopSettingsInput } from '@carcar/common/contract/repair-orders';
import type { RequestContext } from '@carcar/common/db/audit';
import { auditContext } from '@carcar/common/db/audit';
import type { Db } from '@carcar/common/db/database';
import type { ShopRates } from '../db/shop-settings.js';
import { shopSettingsStatements } from './statements.js';

const RATE_SCALE = Math.log10(RATE_UNITS_PER_PERCENT);

function settingsJson(rates: ShopRates): ShopSettings {
  return { labor_rate: fromCents(rates.laborRateCents), tax_rate: fromUnits(rates.taxRateUnits, RATE_SCALE) };
}

/**
 * The shop's labor rate (the default rate of a labor line) and tax rate (a percent of an order's
 * subtotal). A rate left out of a change keeps its value. Orders already invoiced keep the tax
 * rate they were invoiced with; open orders use the current one.
 */
export function shopSettingsUseCases(db: Db) {
  const statements = shopSettingsStatements(db);
  return {
    async get(): Promise<ShopSettings> {
      return settingsJson(await statements.read());
    },

    async update(input: ShopSettingsInput, context: RequestContext): Promise<ShopSettings> {
      const current = settingsJson(await statements.read());
      await statements.save(
        {
          laborRate: input.labor_rate ?? String(current.labor_rate),
          taxRate: input.tax_rate ?? String(current.tax_rate),
        },
        auditContext(context),
      );
      return settingsJson(await statements.read());
    },
  };
}
