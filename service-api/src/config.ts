import { inventoryApiUrl, serviceEnv } from '@carcar/common/service/config';
import { z } from 'zod';

export const serviceApiEnv = serviceEnv(8080).extend({
  INVENTORY_API_URL: inventoryApiUrl,
  /** The dealership's time zone: `?date=` means a day on its wall clock. */
  TIMEZONE: z
    .string()
    .default('UTC')
    .refine((zone) => {
      try {
        new Intl.DateTimeFormat('en-US', { timeZone: zone });
        return true;
      } catch {
        return false;
      }
    }, 'must be an IANA time zone such as America/Chicago'),
});
export type ServiceApiConfig = z.output<typeof serviceApiEnv>;
