import { inventoryApiUrl, serviceEnv } from '@carcar/common/service/config';
import { z } from 'zod';

export const salesApiEnv = serviceEnv(8090).extend({
  INVENTORY_API_URL: inventoryApiUrl,
  /** Cap of the retry delay for sold updates queued while inventory is unreachable. */
  OUTBOX_MAX_BACKOFF_MS: z.coerce.number().int().min(100).max(300_000).default(2000),
});
export type SalesApiConfig = z.output<typeof salesApiEnv>;
