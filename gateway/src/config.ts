import { addressLines } from '@carcar/common/contract/app-config';
import { passwordSchema } from '@carcar/common/contract/passwords';
import { serviceEnv, timeZoneVariable } from '@carcar/common/service/config';
import { z } from 'zod';
import { isCommonPassword } from './identity/auth/common-passwords.js';

const httpUrl = z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' });

/** An origin (`scheme://host[:port]`), with any path or trailing slash dropped. */
const origin = httpUrl.transform((value) => new URL(value).origin);

/** An empty variable counts as unset, as a shell's `FOO=` means "no value". */
function optional<S extends z.ZodType>(schema: S) {
  return z.preprocess((value) => (value === '' ? undefined : value), schema.optional());
}

/**
 * Express's `trust proxy`: `true`/`false`, a hop count, or addresses/subnets (comma-separated).
 * Only with it does a request behind a TLS-terminating proxy count as https (Secure cookie) and
 * carry the client's own address for sign-in throttling.
 */
const trustProxy = z
  .string()
  .default('false')
  .transform((value): boolean | number | string => {
    const trimmed = value.trim();
    if (trimmed === 'true') return true;
    if (trimmed === 'false' || trimmed === '') return false;
    if (/^\d+$/.test(trimmed)) return Number(trimmed);
    return trimmed;
  });

/**
 * The gateway's settings. It shares the services' basics (port, host, database, log level, write
 * limit) but never answers CORS, so `CORS_ORIGINS` is not one of them.
 */
export const gatewayEnv = serviceEnv(3000)
  .omit({ CORS_ORIGINS: true, CARCAR_TRUSTED_KEYS: true })
  .extend({
    /** The app's own address as the browser sees it: a state-changing request's Origin must be this. */
    PUBLIC_ORIGIN: origin.default('http://localhost:3000'),
    INVENTORY_API_URL: httpUrl.default('http://localhost:8100'),
    SERVICE_API_URL: httpUrl.default('http://localhost:8080'),
    SALES_API_URL: httpUrl.default('http://localhost:8090'),
    /** The gateway's Ed25519 private key, a JWK with `kid` (`carcar-gateway:<anything>`). */
    CARCAR_SIGNING_KEY: optional(z.string().min(1)),
    /** Where development keys are made when CARCAR_SIGNING_KEY is unset (default `<DATA_DIR>/keys`). */
    CARCAR_KEYS_DIR: optional(z.string().min(1)),
    CARCAR_ADMIN_EMAIL: optional(z.email({ error: 'must be an email address' })),
    /** Held to the same rules as any new password (common/src/contract/passwords.ts, and not a common one). */
    CARCAR_ADMIN_PASSWORD: optional(passwordSchema({ isCommon: isCommonPassword })),
    SESSION_IDLE_MINUTES: z.coerce
      .number()
      .int()
      .min(1)
      .max(7 * 24 * 60)
      .default(60),
    SESSION_MAX_HOURS: z.coerce
      .number()
      .int()
      .min(1)
      .max(30 * 24)
      .default(12),
    /** Signs the session cookie; derived from the signing key when unset (see identity/auth/session.ts). */
    SESSION_SECRET: optional(z.string().min(32, 'must be at least 32 characters')),
    /** The built browser app (production); the default is the repository's ghi/dist. */
    GHI_DIST: optional(z.string().min(1)),
    /** The app shows times on this clock (served in `/config.js`); the service API reads bookings on it. */
    TIMEZONE: timeZoneVariable,
    /** Printed at the top of a bill of sale and a work order (served in `/config.js`). */
    DEALERSHIP_NAME: z.preprocess(
      (value) => (value === '' ? undefined : value),
      z.string().trim().min(1).max(200).default('CarCar Motors'),
    ),
    /**
     * The street address under the name on the papers (served in `/config.js` as lines): a line
     * break is `|`, `\n` or a real one (see addressLines). Unset, the letterhead has the name alone.
     */
    DEALERSHIP_ADDRESS: z.preprocess(
      (value) => (value === '' ? undefined : value),
      z
        .string()
        .default('')
        .transform(addressLines)
        .pipe(
          z
            .array(z.string().max(100, 'each line of the address can be at most 100 characters'))
            .max(5, 'the address can have at most 5 lines'),
        ),
    ),
    /** The phone number on the papers' letterhead (served in `/config.js`); unset, none is printed. */
    DEALERSHIP_PHONE: optional(z.string().trim().min(1).max(40, 'must be at most 40 characters')),
    /** The app formats dates, numbers and money in this BCP 47 locale (served in `/config.js`). */
    DEALERSHIP_LOCALE: z.preprocess(
      (value) => (value === '' ? undefined : value),
      z
        .string()
        .trim()
        .default('en-US')
        .refine((value) => {
          try {
            return Intl.getCanonicalLocales(value).length === 1;
          } catch {
            return false;
          }
        }, 'must be a language tag such as en-US or es-MX'),
    ),
    /** The currency money is shown in, an ISO 4217 code (served in `/config.js`); amounts are not converted. */
    DEALERSHIP_CURRENCY: z.preprocess(
      (value) => (value === '' ? undefined : typeof value === 'string' ? value.trim().toUpperCase() : value),
      z
        .string()
        .regex(/^[A-Z]{3}$/, 'must be a three-letter currency code such as USD or EUR')
        .default('USD'),
    ),
    /** Vite's dev server (development): everything not an API is proxied there, HMR included. */
    GHI_DEV_URL: optional(httpUrl),
    TRUST_PROXY: trustProxy,
    /**
     * A bearer token that lets Prometheus scrape /metrics from another machine; without it /metrics
     * answers only over loopback (docs/operations.md, "Metrics").
     */
    METRICS_TOKEN: optional(z.string().min(16, 'must be at least 16 characters')),
    /** Failed sign-ins allowed per account (email) per window before 429. */
    LOGIN_FAILURES_PER_ACCOUNT: z.coerce.number().int().min(1).default(10),
    /** Failed sign-ins allowed per client address per window before 429. */
    LOGIN_FAILURES_PER_ADDRESS: z.coerce.number().int().min(1).default(50),
    /**
     * How long a request's identity (its token, session and user) is kept in memory, in ms. This
     * gateway's own changes apply at once; another replica's within this time. 0 reads every time.
     */
    IDENTITY_CACHE_MS: z.coerce.number().int().min(0).max(60_000).default(1_000),
    LOGIN_THROTTLE_MINUTES: z.coerce.number().int().min(1).default(15),
    /** Requests a minute from one address to a customer's approval link (the page and its API) before 429. */
    PUBLIC_REQUESTS_PER_MINUTE: z.coerce.number().int().min(1).max(100_000).default(60),
    /** Webhook receivers on loopback or private addresses (development, tests); link-local never. */
    WEBHOOK_ALLOW_PRIVATE: z
      .enum(['true', 'false'], { error: 'must be true or false' })
      .default('false')
      .transform((value) => value === 'true'),
    /**
     * The AES-256-GCM key webhook signing secrets are stored under: 64 hex digits or base64 of 32
     * bytes. Unset, it is derived (HKDF) from the session secret, so a new session secret then
     * also makes the stored webhook secrets unreadable (see webhooks/secrets.ts).
     */
    WEBHOOK_SECRET_KEY: optional(
      z.string().refine((value) => {
        const trimmed = value.trim();
        const bytes = /^[0-9a-f]{64}$/i.test(trimmed) ? 32 : Buffer.from(trimmed, 'base64').length;
        return bytes === 32;
      }, 'must be 32 bytes: 64 hex digits or base64'),
    ),
    /** A receiver that has not answered within this many ms is cut off and the delivery retried. */
    WEBHOOK_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(10_000),
    /** How often the gateway reads the services' event feeds and looks for deliveries due, in ms. */
    WEBHOOK_POLL_MS: z.coerce.number().int().min(20).max(60_000).default(500),
    /** Seconds between a failed try and the next (comma-separated); the last repeats until WEBHOOK_RETRY_HOURS. */
    WEBHOOK_RETRY_SECONDS: z
      .string()
      .default('10,30,120,600,3600')
      .transform((value) => value.split(',').map((part) => Number(part.trim())))
      .pipe(
        z
          .array(z.number().positive().max(86_400), { error: 'must be comma-separated seconds' })
          .min(1, 'must list at least one interval'),
      ),
    /** How long a delivery is retried before it is marked failed (at least 24 hours in production). */
    WEBHOOK_RETRY_HOURS: z.coerce
      .number()
      .positive()
      .max(24 * 30)
      .default(25),
    /** Single sign-on (OpenID Connect): the identity provider's issuer; SSO is off unless it and the client id are set. */
    OIDC_ISSUER: optional(httpUrl),
    OIDC_CLIENT_ID: optional(z.string().min(1).max(255)),
    /** The client's secret at the identity provider (a public client with PKCE alone may leave it unset). */
    OIDC_CLIENT_SECRET: optional(z.string().min(1).max(1024)),
    /** What the sign-in page's button says: "Sign in with <OIDC_NAME>" (served in `/config.js`). */
    OIDC_NAME: z.preprocess(
      (value) => (value === '' ? undefined : value),
      z.string().trim().min(1).max(60).default('single sign-on'),
    ),
    /** `true`: password sign-in is refused for everyone but the first administrator (CARCAR_ADMIN_EMAIL). */
    SSO_REQUIRED: z
      .enum(['true', 'false', ''], { error: 'must be true or false' })
      .default('false')
      .transform((value) => value === 'true'),
  })
  .refine((env) => (env.CARCAR_ADMIN_EMAIL === undefined) === (env.CARCAR_ADMIN_PASSWORD === undefined), {
    message: 'set both CARCAR_ADMIN_EMAIL and CARCAR_ADMIN_PASSWORD, or neither',
    path: ['CARCAR_ADMIN_PASSWORD'],
  })
  .refine((env) => (env.OIDC_ISSUER === undefined) === (env.OIDC_CLIENT_ID === undefined), {
    message: 'set both OIDC_ISSUER and OIDC_CLIENT_ID for single sign-on, or neither',
    path: ['OIDC_CLIENT_ID'],
  })
  // Requiring SSO with no SSO to use would leave only the first administrator able to sign in.
  .refine((env) => !env.SSO_REQUIRED || env.OIDC_ISSUER !== undefined, {
    message: 'SSO_REQUIRED=true needs OIDC_ISSUER and OIDC_CLIENT_ID',
    path: ['SSO_REQUIRED'],
  });

export type GatewayConfig = z.output<typeof gatewayEnv>;

/**
 * What a production gateway must be given rather than make: its signing key (else a development
 * key under the data folder) and the session secret (else derived from that key).
 */
export function missingGatewaySecrets(config: Pick<GatewayConfig, 'CARCAR_SIGNING_KEY' | 'SESSION_SECRET'>): string[] {
  return [
    ...(config.CARCAR_SIGNING_KEY === undefined ? ['CARCAR_SIGNING_KEY'] : []),
    ...(config.SESSION_SECRET === undefined ? ['SESSION_SECRET'] : []),
  ];
}
