import { forbidden } from '@carcar/common/errors';
import type { Request, RequestHandler } from 'express';

export const CSRF_HEADER = 'x-carcar-csrf';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Whether this request could be a cross-site forgery: it changes state and is not authenticated by
 * an `Authorization` header (a page cannot attach one; with one, the cookie is never read). The
 * path and the cookie's spelling play no part: a check that looked for `carcar.sid=` and for the
 * exact path `/auth/login` let `carcar.sid =…` (which the cookie parser still reads) and
 * `POST /Auth/Login` (which the router still routes) through. The one exception is a request that
 * carries no cookie at all to a forwarded API (`anonymousApis`): nothing can sign it in there, so
 * it goes on to its 401.
 */
function needsCsrfCheck(req: Request, anonymousApis: readonly string[]): boolean {
  if (SAFE_METHODS.has(req.method)) return false;
  if (req.get('authorization') !== undefined) return false;
  if (req.get('cookie') !== undefined) return true;
  const path = req.path.toLowerCase();
  return !anonymousApis.some((prefix) => path.startsWith(`${prefix.toLowerCase()}/`));
}

/** The app's own origin as this request reached it (behind a proxy only with `trust proxy`). */
function requestOrigin(req: Request): string | undefined {
  const host = req.get('host');
  return host ? `${req.protocol}://${host}` : undefined;
}

/**
 * Refuses a write without `Authorization` unless it carries `X-CarCar-CSRF` (a cross-site page cannot
 * add a custom header without a CORS preflight, which the gateway never grants) and, when the
 * browser sends `Origin`, that origin is the app's own. Runs before anything reads or writes.
 */
export function csrfGuard(publicOrigin: string, anonymousApis: readonly string[] = []): RequestHandler {
  return (req, _res, next) => {
    if (!needsCsrfCheck(req, anonymousApis)) {
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
