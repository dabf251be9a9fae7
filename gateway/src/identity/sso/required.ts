import type { Db } from '@carcar/common/db/database';
import { forbidden } from '@carcar/common/errors';
import { requestIdOf } from '@carcar/common/http/request-context';
import type { RequestHandler } from 'express';
import { GATEWAY_ACTOR, recordEvent } from '../audit/trail.js';

export interface SsoRequiredOptions {
  db: Db;
  /** The first administrator's email (CARCAR_ADMIN_EMAIL, else the generated one): the one password sign-in left. */
  firstAdminEmail: string;
  /** OIDC_NAME, for the message. */
  providerName: string;
}

/**
 * With SSO_REQUIRED=true, POST /auth/login is refused (403) for every email but the first
 * administrator's, who keeps a password to get in when the identity provider is down or
 * misconfigured. It runs before the password is checked, so the answer says nothing about the
 * password or whether the account exists.
 */
export function passwordSignInGuard({ db, firstAdminEmail, providerName }: SsoRequiredOptions): RequestHandler {
  const allowed = firstAdminEmail.trim().toLowerCase();
  return async (req, res, next) => {
    const body: unknown = req.body;
    const typed = body && typeof body === 'object' && 'email' in body ? body.email : undefined;
    const email = typeof typed === 'string' ? typed.trim().toLowerCase() : '';
    if (email === allowed) {
      next();
      return;
    }
    await recordEvent(
      db,
      { actor: GATEWAY_ACTOR, request_id: requestIdOf(res) },
      {
        action: 'sign_in_failed',
        entity: 'user',
        entityId: email.includes('@') ? email : '(not an email address)',
        reason: 'Password sign-in is off: single sign-on is required',
      },
    );
    throw forbidden(`This dealership signs in with ${providerName}: use the "Sign in with ${providerName}" button`);
  };
}
