import type { Request, RequestHandler } from 'express';
import { ipKeyGenerator, rateLimit } from 'express-rate-limit';

export interface LoginThrottleOptions {
  failuresPerAccount: number;
  failuresPerAddress: number;
  windowMinutes: number;
}

/** The email being tried, as the account key: case and spaces do not make a new account. */
function accountKey(req: Request): string {
  const body: unknown = req.body;
  const email = typeof body === 'object' && body !== null && 'email' in body ? body.email : undefined;
  return typeof email === 'string' ? `account:${email.trim().toLowerCase()}` : 'account:(none)';
}

/**
 * Sign-in throttles: failed attempts counted per account (so a slow guesser spread over many
 * addresses is stopped) and per client address (so one address cannot try many accounts). Only
 * failures count. Counts are per gateway process: several replicas each allow the limit.
 */
export function loginThrottles(options: LoginThrottleOptions): RequestHandler[] {
  const windowMs = options.windowMinutes * 60_000;
  const limited =
    (scope: string): RequestHandler =>
    (_req, res) => {
      res.status(429).json({
        message: `Too many failed sign-ins ${scope}; try again in ${options.windowMinutes} minutes`,
        code: 'rate_limited',
      });
    };
  const common = { windowMs, skipSuccessfulRequests: true, standardHeaders: 'draft-8', legacyHeaders: false } as const;
  return [
    rateLimit({
      ...common,
      limit: options.failuresPerAddress,
      keyGenerator: (req) => `address:${ipKeyGenerator(req.ip ?? 'unknown')}`,
      handler: limited('from this address'),
    }),
    rateLimit({
      ...common,
      limit: options.failuresPerAccount,
      keyGenerator: accountKey,
      handler: limited('for this account'),
    }),
  ];
}
