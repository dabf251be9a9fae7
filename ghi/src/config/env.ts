import type { AppConfig } from '@carcar/common/contract/app-config';
import { z } from 'zod';

declare global {
  interface Window {
    /**
     * Set by /config.js, which the gateway answers with the deployment's settings, in the shape of
     * common/src/contract/app-config.ts. Each may be missing (an app served without the gateway, an
     * older gateway), so each has its fallback where it is read. The API addresses are not the
     * gateway's: a page that serves the app elsewhere (the tests) sets them.
     */
    __CARCAR_CONFIG__?: Partial<AppConfig> & {
      inventoryApiUrl?: string;
      serviceApiUrl?: string;
      salesApiUrl?: string;
      authApiUrl?: string;
    };
  }
}

/**
 * An API base: an absolute http(s) address, or a path on the app's own origin. The gateway serves
 * the app and forwards `/inventory`, `/service` and `/sales` to the services, so the paths are the
 * default and the session cookie goes with every request without any cross-origin set-up.
 */
const apiBase = z
  .string()
  .trim()
  .refine((value) => /^\/(?!\/)/.test(value) || z.url({ protocol: /^https?$/ }).safeParse(value).success, {
    error: 'must be a path starting with one / or an http(s) address',
  })
  .transform((value) => value.replace(/\/+$/, ''));

// The API addresses: deploy-time config first, then Vite's VITE_* build variables, then the
// gateway's same-origin prefixes. Checked once at start, so a typo shows at once rather than as
// failing requests.
const envSchema = z.object({
  VITE_INVENTORY_API_URL: apiBase.default('/inventory'),
  VITE_SERVICE_API_URL: apiBase.default('/service'),
  VITE_SALES_API_URL: apiBase.default('/sales'),
  VITE_AUTH_API_URL: apiBase.default('/auth'),
  // Only printed on papers: a missing or blank name falls back rather than stopping the app.
  DEALERSHIP_NAME: z.string().trim().min(1).max(200).catch('CarCar Motors'),
  // Single sign-on's button: shown only when the gateway says a provider is configured.
  SSO_NAME: z.string().trim().min(1).max(60).optional().catch(undefined),
});

const deployed = typeof window === 'undefined' ? undefined : window.__CARCAR_CONFIG__;

export const env = envSchema.parse({
  VITE_INVENTORY_API_URL: deployed?.inventoryApiUrl || import.meta.env.VITE_INVENTORY_API_URL || undefined,
  VITE_SERVICE_API_URL: deployed?.serviceApiUrl || import.meta.env.VITE_SERVICE_API_URL || undefined,
  VITE_SALES_API_URL: deployed?.salesApiUrl || import.meta.env.VITE_SALES_API_URL || undefined,
  VITE_AUTH_API_URL: deployed?.authApiUrl || import.meta.env.VITE_AUTH_API_URL || undefined,
  DEALERSHIP_NAME: deployed?.dealershipName || import.meta.env.VITE_DEALERSHIP_NAME || undefined,
  SSO_NAME: deployed?.ssoName || undefined,
});
