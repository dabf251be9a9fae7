import type { Request, RequestHandler } from 'express';
import { rateLimit } from 'express-rate-limit';

// The edge's limit on changes, for every route behind a caller (the forwarded APIs and identity's
// own); the sign-in throttles, which count failed passwords, are identity's (identity/auth/throttle.ts).

/**
 * Changes (POST, PUT, PATCH, DELETE) per signed-in person or token per minute; reads are free.
 * The key is the caller, so people behind one office address do not share a budget.
 */
export function writeLimiter(
  writesPerMinute: number,
  keyOf: (req: Request, res: Parameters<RequestHandler>[1]) => string,
): RequestHandler {
  return rateLimit({
    windowMs: 60_000,
    limit: writesPerMinute,
    skip: (req) => req.method === 'GET' || req.method === 'HEAD' || req.method === 'OPTIONS' || writesPerMinute === 0,
    keyGenerator: (req, res) => keyOf(req, res),
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    handler: (_req, res) => {
      res.status(429).json({ message: 'Too many changes; try again in a minute', code: 'rate_limited' });
    },
  });
}
