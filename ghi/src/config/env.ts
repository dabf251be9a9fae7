import { z } from 'zod';

declare global {
  interface Window {
    /** Set by /config.js when the app is deployed (see ghi/docker/40-carcar-config.sh). */
    __CARCAR_CONFIG__?: { inventoryApiUrl?: string; serviceApiUrl?: string; salesApiUrl?: string };
  }
}

// The API addresses: deploy-time config first, then Vite's VITE_* build variables, then the local
// defaults. Checked once at start, so a typo shows at once rather than as failing requests.
const envSchema = z.object({
  VITE_INVENTORY_API_URL: z.url().default('http://localhost:8100'),
  VITE_SERVICE_API_URL: z.url().default('http://localhost:8080'),
  VITE_SALES_API_URL: z.url().default('http://localhost:8090'),
});

const deployed = typeof window === 'undefined' ? undefined : window.__CARCAR_CONFIG__;

export const env = envSchema.parse({
  VITE_INVENTORY_API_URL: deployed?.inventoryApiUrl || import.meta.env.VITE_INVENTORY_API_URL || undefined,
  VITE_SERVICE_API_URL: deployed?.serviceApiUrl || import.meta.env.VITE_SERVICE_API_URL || undefined,
  VITE_SALES_API_URL: deployed?.salesApiUrl || import.meta.env.VITE_SALES_API_URL || undefined,
});
