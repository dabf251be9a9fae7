import { createHash, randomBytes } from 'node:crypto';

/** The prefix lets secret scanners (and people) recognise a leaked CarCar token. */
const TOKEN_PREFIX = 'carcar_';

/** A new API token: 32 random bytes, base64url, behind the prefix. */
export function generateToken(): string {
  return `${TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;
}

/**
 * What is stored and looked up. A plain SHA-256 suffices (no salt, no slow hash): the token is
 * 256 random bits, so there is nothing to guess, and lookup by hash stays one index read.
 */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}
