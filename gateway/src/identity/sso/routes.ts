import type { Db } from '@carcar/common/db/database';
import { requestIdOf } from '@carcar/common/http/request-context';
import type { Logger } from '@carcar/common/service/logger';
import { type Request, type Response, Router } from 'express';
import { callerActor, GATEWAY_ACTOR, recordEvent } from '../audit/trail.js';
import { signIn, signOut } from '../auth/session.js';
import type { UsersRepository } from '../users/repository.js';
import { FLOW_COOKIE, FLOW_COOKIE_PATH, FLOW_LIFETIME_SECONDS, flowKey, openFlow, sealFlow } from './flow.js';
import { randomNonce, randomPKCECodeVerifier, randomState, type SsoClient } from './provider.js';

/**
 * Why a single sign-on was refused, as the sign-in page's `?sso_error=` (the page says it in words;
 * ghi/src/features/auth/components/sign-in-page.tsx).
 */
export type SsoError =
  | 'no_account'
  | 'disabled'
  | 'email_not_verified'
  | 'expired'
  | 'failed'
  | 'cancelled'
  | 'unavailable';

/** The app's sign-in page. */
const SIGN_IN_PAGE = '/sign-in';

/** A path on this app only: `/x`, not `//evil.example` or `/\evil.example`, nothing with control characters. */
function safeNext(value: unknown): string {
  if (typeof value !== 'string' || value.length > 2000) return '/';
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what is refused
  if (!/^\/(?![/\\])/.test(value) || /[\u0000-\u001f\\]/.test(value)) return '/';
  return value;
}

/** One cookie's value from the Cookie header (Express parses none by itself). */
function cookieValue(req: Request, name: string): string | undefined {
  for (const part of (req.get('cookie') ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return rest.join('=');
  }
  return undefined;
}

function refuse(res: Response, why: SsoError): void {
  res.redirect(302, `${SIGN_IN_PAGE}?sso_error=${why}`);
}

export interface SsoRoutesDeps {
  db: Db;
  users: UsersRepository;
  logger: Logger;
  client: SsoClient;
  /** Signs the session cookie; the flow cookie's key is derived from it. */
  sessionSecret: string;
}

/**
 * GET /auth/sso/start and GET /auth/sso/callback: OpenID Connect's authorization code flow with
 * PKCE. The provider's verified email must be an enabled CarCar user's (case aside); that user's
 * CarCar role applies, and no account is ever created here. Success makes the same session as a
 * password sign-in; every outcome is on the identity trail.
 */
export function ssoRouter({ db, users, logger, client, sessionSecret }: SsoRoutesDeps): Router {
  const router = Router();
  const key = flowKey(sessionSecret);
  const cookieOptions = (req: Request) => ({
    httpOnly: true,
    // Lax: the provider's redirect back is a top-level GET from another site, which Lax lets through.
    sameSite: 'lax' as const,
    secure: req.secure,
    path: FLOW_COOKIE_PATH,
  });

  router.get('/start', async (req, res) => {
    const checks = { state: randomState(), nonce: randomNonce(), codeVerifier: randomPKCECodeVerifier() };
    let target: URL;
    try {
      target = await client.authorizationUrl(checks);
    } catch (error) {
      logger.warn({ err: error }, 'single sign-on: the identity provider could not be reached');
      refuse(res, 'unavailable');
      return;
    }
    const expiresAt = new Date(Date.now() + FLOW_LIFETIME_SECONDS * 1000);
    const sealed = await sealFlow(key, { ...checks, next: safeNext(req.query.next) }, expiresAt);
    res.cookie(FLOW_COOKIE, sealed, { ...cookieOptions(req), maxAge: FLOW_LIFETIME_SECONDS * 1000 });
    res.set('Cache-Control', 'no-store').redirect(302, target.href);
  });

  router.get('/callback', async (req, res) => {
    const requestId = requestIdOf(res);
    // One use only: whatever happens next, this browser's flow is over.
    res.clearCookie(FLOW_COOKIE, cookieOptions(req));
    res.set('Cache-Control', 'no-store');
    const failed = (entityId: string | number, reason: string) =>
      recordEvent(
        db,
        { actor: GATEWAY_ACTOR, request_id: requestId },
        { action: 'sign_in_failed', entity: 'user', entityId, reason: `Single sign-on: ${reason}` },
      );

    const opened = await openFlow(key, cookieValue(req, FLOW_COOKIE));
    if (!opened.flow) {
      await failed(
        '(single sign-on)',
        opened.problem === 'expired' ? 'the sign-in took too long' : 'no sign-in was started in this browser',
      );
      refuse(res, opened.problem === 'expired' ? 'expired' : 'failed');
      return;
    }
    const { flow } = opened;
    if (req.query.error === 'access_denied') {
      await failed('(single sign-on)', 'the provider said the sign-in was canceled or refused');
      refuse(res, 'cancelled');
      return;
    }

    let identity: Awaited<ReturnType<SsoClient['complete']>>;
    try {
      identity = await client.complete(new URL(req.originalUrl, 'http://callback.invalid').search, flow);
    } catch (error) {
      // openid-client's errors name the failed check (state, nonce, issuer, audience, expiry...).
      const message = error instanceof Error ? error.message : 'unknown error';
      logger.warn({ err: { message, code: (error as { code?: unknown }).code } }, 'single sign-on refused');
      await failed('(single sign-on)', `the provider's answer failed a check (${message.slice(0, 200)})`);
      refuse(res, 'failed');
      return;
    }

    if (!identity.email || !identity.emailVerified) {
      await failed(identity.email?.toLowerCase() ?? '(no email)', 'the provider has not verified this email');
      refuse(res, 'email_not_verified');
      return;
    }
    const found = await users.findForSignIn(identity.email.trim());
    if (!found) {
      await failed(identity.email.toLowerCase(), 'no account has this email');
      refuse(res, 'no_account');
      return;
    }
    const { user } = found;
    if (user.disabled) {
      await failed(user.id, 'the account is disabled');
      refuse(res, 'disabled');
      return;
    }

    await signIn(req, user.id);
    try {
      await recordEvent(
        db,
        { actor: callerActor({ kind: 'user', user }), request_id: requestId },
        { action: 'sign_in', entity: 'user', entityId: user.id, reason: 'Single sign-on' },
      );
    } catch (error) {
      await signOut(req).catch(() => undefined);
      throw error;
    }
    res.redirect(302, flow.next);
  });

  return router;
}
