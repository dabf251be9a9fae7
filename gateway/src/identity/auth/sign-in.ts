import type { UsersRepository } from '../users/repository.js';
import type { UserRecord } from '../users/schemas.js';
import { verifyDummy, verifyPassword } from './passwords.js';

/**
 * Why a sign-in failed, for the audit trail only (administrators read it; they can list the
 * accounts anyway). The person signing in is told none of it.
 */
export type SignInFailure =
  | { why: 'unknown_email' }
  | { why: 'wrong_password'; user: UserRecord }
  | { why: 'disabled'; user: UserRecord };

export type SignInCheck = { user: UserRecord; failure?: undefined } | { user?: undefined; failure: SignInFailure };

/**
 * Whose these credentials are, or why they are no one's. An unknown email, a wrong password and a
 * disabled account all take one password verification and give the caller the same answer, so
 * neither the reply nor its timing tells a prober which emails exist or which accounts are disabled.
 */
export async function checkCredentials(users: UsersRepository, email: string, password: string): Promise<SignInCheck> {
  const found = await users.findForSignIn(email);
  if (!found) return verifyDummy(password).then(() => ({ failure: { why: 'unknown_email' } }));
  if (!(await verifyPassword(found.passwordHash, password))) {
    return { failure: { why: 'wrong_password', user: found.user } };
  }
  return found.user.disabled ? { failure: { why: 'disabled', user: found.user } } : { user: found.user };
}
