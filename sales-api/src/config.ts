import { MAX_RATE_PERCENT, parseRate, RATE_SCALE } from '@carcar/common/contract/deal';
import { inventoryApiUrl, serviceEnv, timeZoneVariable } from '@carcar/common/service/config';
import { z } from 'zod';

export const salesApiEnv = serviceEnv(8090).extend({
  INVENTORY_API_URL: inventoryApiUrl,
  /** Cap of the retry delay for sold updates queued while inventory is unreachable. */
  OUTBOX_MAX_BACKOFF_MS: z.coerce.number().int().min(100).max(300_000).default(2000),
  /** The reports' months and days are the dealership's calendar's. */
  TIMEZONE: timeZoneVariable,
  /** The dealership's sales tax, in percent (up to 4 decimals): a deal's tax rate when the sale names none. */
  SALES_TAX_RATE: z
    .string()
    .default('0')
    .transform((value, ctx) => {
      const units = parseRate(value);
      if (units === undefined || units > MAX_RATE_PERCENT * RATE_SCALE) {
        ctx.addIssue({ code: 'custom', message: `must be a percentage from 0 to ${MAX_RATE_PERCENT}, such as 7.25` });
        return z.NEVER;
      }
      return units;
    }),
});
export type SalesApiConfig = z.output<typeof salesApiEnv>;
