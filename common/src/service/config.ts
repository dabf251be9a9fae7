import { z } from 'zod';

/**
 * Writes per client address per minute: 200 a second, far above what a dealership's staff type,
 * low enough to blunt a script hammering one endpoint.
 */
export const DEFAULT_WRITES_PER_MINUTE = 12_000;

export const logLevels = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

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
    /** Writes allowed per client address per minute; 0 turns the limit off (benchmarks, trusted proxies). */
    RATE_LIMIT_WRITES_PER_MINUTE: z.coerce.number().int().min(0).default(DEFAULT_WRITES_PER_MINUTE),
  });
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
