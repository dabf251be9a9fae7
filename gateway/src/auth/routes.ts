import { permissionsOf } from '@carcar/common/contract/permissions';
import { parseInput } from '@carcar/common/http/validation';
import { type RequestHandler, Router } from 'express';
import { z } from 'zod';
import type { UsersRepository } from '../users/repository.js';
import { userJson } from '../users/schemas.js';
import { callerOf } from './caller.js';
import { requireCaller } from './identify.js';
import { MAX_PASSWORD_LENGTH } from './passwords.js';
import { SESSION_COOKIE, signIn, signOut } from './session.js';
import { checkCredentials } from './sign-in.js';

// No format check on the email: a malformed one is simply not an account (401, like any other).
const loginBody = z.object({
  email: z.string({ error: 'is required' }).trim().min(1, 'is required').max(254, 'must be at most 254 characters'),
  password: z
    .string({ error: 'is required' })
    .min(1, 'is required')
    .max(MAX_PASSWORD_LENGTH, `must be at most ${MAX_PASSWORD_LENGTH} characters`),
});

export interface AuthRoutesDeps {
  users: UsersRepository;
  /** Sign-in throttles, run before the password is checked. */
  throttles: RequestHandler[];
}

/** POST /auth/login, POST /auth/logout, GET /auth/me. */
export function authRouter({ users, throttles }: AuthRoutesDeps): Router {
  const router = Router();

  router.post('/login', ...throttles, async (req, res) => {
    const { email, password } = parseInput(loginBody, req.body);
    const user = await checkCredentials(users, email, password);
    if (!user) {
      res.status(401).json({ message: 'Wrong email or password', code: 'invalid_credentials' });
      return;
    }
    await signIn(req, user.id);
    res.json({ user: userJson(user) });
  });

  router.post('/logout', async (req, res) => {
    await signOut(req);
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
      res.json({
        id,
        email: null,
        name,
        role,
        disabled: false,
        permissions: permissionsOf(role),
        technician_id: null,
        salesperson_id: null,
        api_token: true,
      });
    }
  });

  return router;
}
