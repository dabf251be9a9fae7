import { type ApiTokenIdentity, type SignedIn, signInBody } from '@carcar/common/contract/identity';
import { permissionsOf } from '@carcar/common/contract/permissions';
import type { Db } from '@carcar/common/db/database';
import { requestIdOf } from '@carcar/common/http/request-context';
import { parseInput } from '@carcar/common/http/validation';
import { type RequestHandler, Router } from 'express';
import { callerActor, GATEWAY_ACTOR, type IdentityEvent, recordEvent } from '../audit/trail.js';
import type { UsersRepository } from '../users/repository.js';
import { userJson } from '../users/schemas.js';
import { callerOf } from './caller.js';
import { requireCaller } from './identify.js';
import { SESSION_COOKIE, signIn, signOut } from './session.js';
import { checkCredentials, type SignInFailure } from './sign-in.js';

export interface AuthRoutesDeps {
  db: Db;
  users: UsersRepository;
  /** Sign-in throttles, run before the password is checked. */
  throttles: RequestHandler[];
}

/**
 * The trail's entry for a failed sign-in. Only administrators read the trail (and they can list
 * every account anyway), so naming the account, or the email typed when there is none, tells no
 * outsider which emails exist; the answer to the person signing in stays the same for all three.
 * Text without an `@` is not kept: people type their password into the email field.
 */
function failedSignIn(email: string, failure: SignInFailure): IdentityEvent {
  const event = { action: 'sign_in_failed', entity: 'user' };
  switch (failure.why) {
    case 'unknown_email':
      return {
        ...event,
        entityId: email.includes('@') ? email.toLowerCase() : '(not an email address)',
        reason: 'No account has this email',
      };
    case 'wrong_password':
      return { ...event, entityId: failure.user.id, reason: 'Wrong password' };
    case 'disabled':
      return { ...event, entityId: failure.user.id, reason: 'The account is disabled' };
  }
}

/** POST /auth/login, POST /auth/logout, GET /auth/me. */
export function authRouter({ db, users, throttles }: AuthRoutesDeps): Router {
  const router = Router();

  // A sign-in writes the session (express-session's store) and then its entry: the store keeps no
  // transaction to join, so a sign-in whose entry cannot be written is undone rather than left unrecorded.
  router.post('/login', ...throttles, async (req, res) => {
    const { email, password } = parseInput(signInBody, req.body);
    const check = await checkCredentials(users, email, password);
    const requestId = requestIdOf(res);
    if (check.failure) {
      await recordEvent(db, { actor: GATEWAY_ACTOR, request_id: requestId }, failedSignIn(email, check.failure));
      res.status(401).json({ message: 'Wrong email or password', code: 'invalid_credentials' });
      return;
    }
    const { user } = check;
    await signIn(req, user.id);
    try {
      await recordEvent(
        db,
        { actor: callerActor({ kind: 'user', user }), request_id: requestId },
        { action: 'sign_in', entity: 'user', entityId: user.id },
      );
    } catch (error) {
      await signOut(req).catch(() => undefined);
      throw error;
    }
    const answer: SignedIn = { user: userJson(user) };
    res.json(answer);
  });

  router.post('/logout', async (req, res) => {
    const caller = callerOf(res);
    await signOut(req);
    // Only a signed-in person has a session to end; a token or a stale cookie signs nobody out.
    if (caller?.kind === 'user') {
      await recordEvent(
        db,
        { actor: callerActor(caller), request_id: requestIdOf(res) },
        { action: 'sign_out', entity: 'user', entityId: caller.user.id },
      );
    }
    res.clearCookie(SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'lax' });
    res.status(204).end();
  });

  router.get('/me', requireCaller, (_req, res) => {
    const caller = callerOf(res);
    if (caller?.kind === 'user') {
      res.json(userJson(caller.user));
      return;
    }
    // An integration asking who it is: its token, in the User shape (it has no email or links).
    if (caller?.kind === 'token') {
      const { id, name, role } = caller.token;
      const answer: ApiTokenIdentity = {
        id,
        email: null,
        name,
        role,
        disabled: false,
        permissions: permissionsOf(role),
        technician_id: null,
        salesperson_id: null,
        api_token: true,
      };
      res.json(answer);
    }
  });

  return router;
}
