import { forbidden } from '@carcar/common/http/errors';
import type { Request, RequestHandler } from 'express';
import { SESSION_COOKIE } from './session.js';

export const CSRF_HEADER = 'x-carcar-csrf';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const sessionCookie = new RegExp(`(?:^|;)\\s*${SESSION_COOKIE.replace('.', '\\.')}=`);

/**
 * Whether this request could be a cross-site forgery riding on the browser's cookie: it changes
 * state, is not authenticated by a Bearer token (a page cannot attach one), and either carries
 * the session cookie or is a sign-in (so a page cannot sign a browser into the attacker's account).
 */
function needsCsrfCheck(req: Request): boolean {
  if (SAFE_METHODS.has(req.method)) return false;
  if (req.get('authorization') !== undefined) return false;
  return sessionCookie.test(req.get('cookie') ?? '') || req.path === '/auth/login';
}

/** The app's own origin as this request reached it (behind a proxy only with `trust proxy`). */
function requestOrigin(req: Request): string | undefined {
  const host = req.get('host');
  return host ? `${req.protocol}://${host}` : undefined;
}

/**
 * Refuses a cookie-authenticated write unless it carries `X-CarCar-CSRF` (a cross-site page cannot
 * add a custom header without a CORS preflight, which the gateway never grants) and, when the
 * browser sends `Origin`, that origin is the app's own. Runs before anything reads or writes.
 */
export function csrfGuard(publicOrigin: string): RequestHandler {
  return (req, _res, next) => {
    if (!needsCsrfCheck(req)) {
      next();
      return;
    }
    if (req.get(CSRF_HEADER) === undefined) {
      throw forbidden('This request must carry the X-CarCar-CSRF header');
    }
    const origin = req.get('origin');
    if (origin !== undefined && origin !== publicOrigin && origin !== requestOrigin(req)) {
      throw forbidden('This request comes from another site');
    }
    next();
  };
}
