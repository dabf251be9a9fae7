import { inventoryApiUrl, serviceEnv, timeZoneVariable } from '@carcar/common/service/config';
import type { z } from 'zod';

export const serviceApiEnv = serviceEnv(8080).extend({
  INVENTORY_API_URL: inventoryApiUrl,
  /** `?date=` means a day on the dealership's wall clock. */
  TIMEZONE: timeZoneVariable,
});
export type ServiceApiConfig = z.output<typeof serviceApiEnv>;
