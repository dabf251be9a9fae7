import type { UsersRepository } from '../users/repository.js';
import type { UserRecord } from '../users/schemas.js';
import { verifyDummy, verifyPassword } from './passwords.js';

/**
 * The user these credentials belong to, or undefined. An unknown email, a wrong password and a
 * disabled account all take one password verification and give the same answer, so neither the
 * reply nor its timing tells a prober which emails exist or which accounts are disabled.
 */
export async function checkCredentials(
  users: UsersRepository,
  email: string,
  password: string,
): Promise<UserRecord | undefined> {
  const found = await users.findForSignIn(email);
  if (!found) return verifyDummy(password).then(() => undefined);
  const matches = await verifyPassword(found.passwordHash, password);
  return matches && !found.user.disabled ? found.user : undefined;
}
