import type { AppConfig } from '@carcar/common/contract/app-config';

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
 *
 * Checked by hand rather than with zod: this runs before the first page draws, and zod here would
 * put about 13 kB gzip into the script every page waits for. `/config.js` is built by the gateway
 * from its own configuration, which zod checks at its start; this catches a mistyped build variable.
 */
function apiBase(name: string, value: string | undefined, fallback: string): string {
  const text = value?.trim() || fallback;
  const isPath = /^\/(?!\/)/.test(text);
  const isHttp = /^https?:\/\/[^/]/i.test(text) && isUrl(text);
  if (!isPath && !isHttp) throw new Error(`${name} must be a path starting with one / or an http(s) address`);
  return text.replace(/\/+$/, '');
}

function isUrl(text: string): boolean {
  try {
    new URL(text);
    return true;
  } catch {
    return false;
  }
}

/** A deploy-time text: trimmed, within its length, else the fallback (the app still starts). */
function text<F extends string | undefined>(value: string | null | undefined, max: number, fallback: F): string | F {
  const trimmed = value?.trim();
  return trimmed && trimmed.length <= max ? trimmed : fallback;
}

const deployed = typeof window === 'undefined' ? undefined : window.__CARCAR_CONFIG__;

// The API addresses: deploy-time config first, then Vite's VITE_* build variables, then the
// gateway's same-origin prefixes. Checked once at start, so a typo shows at once rather than as
// failing requests.
export const env = {
  VITE_INVENTORY_API_URL: apiBase(
    'VITE_INVENTORY_API_URL',
    deployed?.inventoryApiUrl || import.meta.env.VITE_INVENTORY_API_URL,
    '/inventory',
  ),
  VITE_SERVICE_API_URL: apiBase(
    'VITE_SERVICE_API_URL',
    deployed?.serviceApiUrl || import.meta.env.VITE_SERVICE_API_URL,
    '/service',
  ),
  VITE_SALES_API_URL: apiBase(
    'VITE_SALES_API_URL',
    deployed?.salesApiUrl || import.meta.env.VITE_SALES_API_URL,
    '/sales',
  ),
  VITE_AUTH_API_URL: apiBase('VITE_AUTH_API_URL', deployed?.authApiUrl || import.meta.env.VITE_AUTH_API_URL, '/auth'),
  // Only printed on papers: a missing or blank name falls back rather than stopping the app.
  DEALERSHIP_NAME: text(deployed?.dealershipName || import.meta.env.VITE_DEALERSHIP_NAME, 200, 'CarCar Motors'),
  // Single sign-on's button: shown only when the gateway says a provider is configured.
  SSO_NAME: text(deployed?.ssoName, 60, undefined),
};
