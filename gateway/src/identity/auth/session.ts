import { createHash } from 'node:crypto';
import type { Db } from '@carcar/common/db/database';
import type { Logger } from '@carcar/common/service/logger';
import type { Request, RequestHandler } from 'express';
import session from 'express-session';
import type { IdentityCache } from './identity-cache.js';
import { DrizzleSessionStore, type SessionLifetimes } from './session-store.js';

export const SESSION_COOKIE = 'carcar.sid';

export interface SessionOptions {
  db: Db;
  logger: Logger;
  lifetimes: SessionLifetimes;
  /** Signs the cookie (express-session's `secret`). */
  secret: string;
  /** Keeps a session read for a moment; emptied by every sign-in and sign-out. */
  cache?: IdentityCache;
  /**
   * The app is served over https (PUBLIC_ORIGIN is an https address): the cookie is always
   * `Secure`, even when the hop from a TLS-terminating proxy is plain http and TRUST_PROXY is
   * unset (so Express does not believe X-Forwarded-Proto and the request looks like http).
   */
  alwaysSecure?: boolean;
}

/** `carcar.sid=…; Path=/; HttpOnly` → the same with `; Secure`, once. */
function withSecure(cookie: string): string {
  return cookie.startsWith(`${SESSION_COOKIE}=`) && !/;\s*secure\b/i.test(cookie) ? `${cookie}; Secure` : cookie;
}

/**
 * Marks the session cookie `Secure` in every Set-Cookie this response sends (sign-in's, and
 * sign-out's clearing one). express-session itself sends a `secure: true` cookie only on a request
 * it sees as https, which behind an untrusted proxy it never is.
 */
const secureSessionCookie: RequestHandler = (_req, res, next) => {
  const setHeader = res.setHeader.bind(res);
  res.setHeader = (name: string, value: number | string | readonly string[]) => {
    if (name.toLowerCase() !== 'set-cookie') return setHeader(name, value);
    return setHeader(
      name,
      typeof value === 'string' ? withSecure(value) : Array.isArray(value) ? value.map(withSecure) : value,
    );
  };
  next();
};

/**
 * The cookie secret when SESSION_SECRET is unset: derived from the gateway's private signing key,
 * so every replica and every restart agree on it without another secret to hand out. A new signing
 * key signs everyone out, which is what rotating a leaked key should do anyway.
 */
export function deriveSessionSecret(privateKeyMaterial: string): string {
  return createHash('sha256').update('carcar-gateway session cookie\0').update(privateKeyMaterial).digest('base64url');
}

/**
 * express-session with the gateway's store: HttpOnly, SameSite=Lax, Secure whenever the request is
 * https (`secure: 'auto'` follows Express's `trust proxy`: X-Forwarded-Proto counts only with
 * TRUST_PROXY) and always when the app's public address is https (`alwaysSecure`). Nothing is
 * stored before someone signs in.
 *
 * The cookie is a browser-session cookie (no Max-Age: it goes when the browser closes, as OWASP's
 * session management cheat sheet advises) and both expiries are the server's: the store pushes the
 * idle expiry forward as the session is used (`touch`) and refuses a session past either one. So
 * the cookie is set once, at sign-in, not re-signed and re-sent with every answer as a rolling
 * cookie would be (docs/performance.md measures what that cost).
 */
export function sessions(options: SessionOptions): {
  middleware: RequestHandler;
  /**
   * The same for the forwarded APIs, where a caller with `Authorization` is identified by it alone
   * (./identify.ts): an integration's request then skips the session (a new session object, its
   * id generated and hashed, the cookie checked), a tenth of the gateway's time per forwarded read.
   */
  unlessBearer: RequestHandler;
  store: DrizzleSessionStore;
} {
  const store = new DrizzleSessionStore(options.db, options.lifetimes, options.logger, options.cache);
  const middleware = session({
    name: SESSION_COOKIE,
    secret: options.secret,
    store,
    resave: false,
    saveUninitialized: false,
    rolling: false,
    unset: 'destroy',
    cookie: { httpOnly: true, sameSite: 'lax', secure: 'auto', path: '/' },
  });
  const withCookie: RequestHandler = options.alwaysSecure
    ? (req, res, next) => secureSessionCookie(req, res, () => middleware(req, res, next))
    : middleware;
  const unlessBearer: RequestHandler = (req, res, next) =>
    req.headers.authorization === undefined ? withCookie(req, res, next) : next();
  return { middleware: withCookie, unlessBearer, store };
}

/** A new session id for the signed-in user: what an attacker planted before sign-in is worthless. */
export function signIn(req: Request, userId: number): Promise<void> {
  return new Promise((resolve, reject) => {
    req.session.regenerate((error: unknown) => {
      if (error) {
        reject(error);
        return;
      }
      req.session.userId = userId;
      req.session.save((saveError: unknown) => (saveError ? reject(saveError) : resolve()));
    });
  });
}

/** Ends the session in the store at once; the cookie is cleared by the caller. */
export function signOut(req: Request): Promise<void> {
  return new Promise((resolve, reject) => {
    if (!req.session) {
      resolve();
      return;
    }
    req.session.destroy((error: unknown) => (error ? reject(error) : resolve()));
  });
}
