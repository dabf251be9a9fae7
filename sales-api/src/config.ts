import { inventoryApiUrl, serviceEnv, timeZoneVariable } from '@carcar/common/service/config';
import { z } from 'zod';

export const salesApiEnv = serviceEnv(8090).extend({
  INVENTORY_API_URL: inventoryApiUrl,
  /** Cap of the retry delay for sold updates queued while inventory is unreachable. */
  OUTBOX_MAX_BACKOFF_MS: z.coerce.number().int().min(100).max(300_000).default(2000),
  /** The reports' months and days are the dealership's calendar's. */
  TIMEZONE: timeZoneVariable,
});
export type SalesApiConfig = z.output<typeof salesApiEnv>;
