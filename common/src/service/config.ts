import { z } from 'zod';

/**
 * Writes per caller per minute: 200 a second, far above what a dealership's staff type,
 * low enough to blunt a script hammering one endpoint.
 */
export const DEFAULT_WRITES_PER_MINUTE = 12_000;

export const logLevels = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/** An empty variable counts as unset, as a shell's `FOO=` means "no value". */
const optionalText = z.preprocess((value) => (value === '' ? undefined : value), z.string().min(1).optional());

/** Settings every CarCar service reads; each service extends this with its own. */
export function serviceEnv(defaultPort: number) {
  return z.object({
    PORT: z.coerce.number().int().min(0).max(65535).default(defaultPort),
    HOST: z.string().min(1).default('0.0.0.0'),
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL')
      .optional()
      .or(z.literal('').transform(() => undefined)),
    DATA_DIR: z.string().min(1).default('.data'),
    /** An initialised PGlite folder a new embedded database is copied from instead of running initdb (`npm start` sets it). */
    PGLITE_TEMPLATE: z.string().min(1).optional(),
    LOG_LEVEL: z.enum(logLevels).default('info'),
    /** Comma-separated browser origins allowed by CORS: the browser app's address. */
    CORS_ORIGINS: z
      .string()
      .default('http://localhost:3000')
      .transform((value) =>
        value
          .split(',')
          .map((origin) => origin.trim())
          .filter(Boolean),
      )
      .pipe(z.array(z.url({ protocol: /^https?$/, error: 'must be a comma-separated list of http(s) origins' }))),
    /** The public keys (a JWK Set) whose credentials this service accepts: the gateway's and the services'. */
    CARCAR_TRUSTED_KEYS: optionalText,
    /** This service's own private key, for a service that calls another (service-api, sales-api). */
    CARCAR_SIGNING_KEY: optionalText,
    /** Where development keys are made when neither key variable is set (default `<DATA_DIR>/keys`). */
    CARCAR_KEYS_DIR: optionalText,
    /** Writes allowed per caller (person, API token or service) per minute; 0 turns the limit off. */
    RATE_LIMIT_WRITES_PER_MINUTE: z.coerce.number().int().min(0).default(DEFAULT_WRITES_PER_MINUTE),
  });
}

/**
 * Whether this process runs in production: `NODE_ENV=production` (the images set it) or
 * `CARCAR_MODE=production` (`npm run start:prod`). Production never falls back to development
 * keys, never derives the session secret, and never prints a generated password.
 */
export function isProduction(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.NODE_ENV === 'production' || env.CARCAR_MODE === 'production';
}

/** The one line a production process stops with when variables it must have are unset. */
export function missingInProduction(names: readonly string[]): string {
  return `production (NODE_ENV or CARCAR_MODE) will not start without its keys; not set: ${names.join(', ')} (make them with npm run keys)`;
}

/** Explains the first bad variable in one line, so a misconfigured service says what to fix. */
export function describeConfigError(error: z.ZodError): string {
  const problems = error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
  return `Invalid configuration: ${problems.join('; ')}`;
}

/** Reads and validates the environment at boot; a wrong value stops the process with one line. */
export function loadConfig<S extends z.ZodType>(schema: S, env: NodeJS.ProcessEnv = process.env): z.output<S> {
  const result = schema.safeParse(env);
  if (!result.success) {
    process.stderr.write(`${describeConfigError(result.error)}\n`);
    process.exit(1);
  }
  return result.data;
}

/** Where the service and sales pollers find inventory. */
export const inventoryApiUrl = z.url({ protocol: /^https?$/ }).default('http://localhost:8100');

/** The dealership's time zone (`TIMEZONE`): the wall clock bookings and the app's times are read on. */
export const timeZoneVariable = z
  .string()
  .default('UTC')
  .refine((zone) => {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: zone });
      return true;
    } catch {
      return false;
    }
  }, 'must be an IANA time zone such as America/Chicago');
