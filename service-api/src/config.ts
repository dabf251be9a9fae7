import { inventoryApiUrl, serviceEnv, timeZoneVariable } from '@carcar/common/service/config';
import { z } from 'zod';

export const serviceApiEnv = serviceEnv(8080).extend({
  INVENTORY_API_URL: inventoryApiUrl,
  /** `?date=` means a day on the dealership's wall clock. */
  TIMEZONE: timeZoneVariable,
  /** Due for service: a car whose last finished service is older than this many months (`?months=` overrides). */
  SERVICE_DUE_MONTHS: z.coerce
    .number({ error: 'SERVICE_DUE_MONTHS must be a whole number of months from 1 to 60' })
    .int('SERVICE_DUE_MONTHS must be a whole number of months from 1 to 60')
    .min(1, 'SERVICE_DUE_MONTHS must be a whole number of months from 1 to 60')
    .max(60, 'SERVICE_DUE_MONTHS must be a whole number of months from 1 to 60')
    .default(6),
});
export type ServiceApiConfig = z.output<typeof serviceApiEnv>;
