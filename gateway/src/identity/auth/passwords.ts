import { randomBytes } from 'node:crypto';
import { hash, type Options, verify } from '@node-rs/argon2';

/**
 * OWASP's argon2id settings (19 MiB, 2 passes, 1 lane): tens of milliseconds a hash, costly enough per
 * guess for a stolen table. `algorithm: 2` is Argon2id; the package's `Algorithm` is a const enum,
 * which `isolatedModules` cannot read.
 */
const ARGON2ID: Options = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 };

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2ID);
}

/** A malformed stored hash counts as a wrong password, never as an error the caller could see. */
export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

let dummyHash: Promise<string> | undefined;

/**
 * Spends the time of a real verify for an email that has no account, so the answer's timing does
 * not tell a prober which emails exist. The hash is of a random password nobody knows.
 */
export async function verifyDummy(password: string): Promise<false> {
  dummyHash ??= hashPassword(randomBytes(16).toString('base64url'));
  await verifyPassword(await dummyHash, password);
  return false;
}

/** A readable random password for the generated first administrator: 20 characters, ~119 bits. */
export function generatePassword(): string {
  return randomBytes(15).toString('base64url');
}
