import { randomBytes, randomUUID } from 'node:crypto';
import { link, mkdir, readFile, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { exportJWK, generateKeyPair } from 'jose';
import { z } from 'zod';
import { type Issuer, issuers } from '../contract/permissions.js';
import { isProduction, missingInProduction } from './config.js';

// The Ed25519 keys internal credentials are signed with (docs/identity.md, "Keys"): a signer holds
// one private JWK (`CARCAR_SIGNING_KEY`), every verifier a JWK Set of public keys
// (`CARCAR_TRUSTED_KEYS`). A key id is `<issuer>:<anything>`, so the key names who may sign with it.

// An Ed25519 coordinate or private scalar is 32 bytes: 43 base64url characters.
const ed25519Bytes = z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'must be 32 base64url-encoded bytes');
const keyId = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]*:[\x21-\x7e]+$/, 'must be "<issuer>:<id>", e.g. "carcar-gateway:2025-01"');

const publicFields = {
  kty: z.literal('OKP'),
  crv: z.literal('Ed25519'),
  x: ed25519Bytes,
  kid: keyId,
  alg: z.literal('EdDSA').optional(),
  use: z.literal('sig').optional(),
};

/** A public key a verifier trusts. A private part here is a leaked secret: refuse it, don't drop it. */
export const trustedJwkSchema = z
  .object({ ...publicFields, d: z.never({ error: 'a trusted key must be public (remove "d")' }).optional() })
  .transform(({ d: _private, ...jwk }) => jwk);
export type TrustedJwk = z.output<typeof trustedJwkSchema>;

export const signingJwkSchema = z.object({ ...publicFields, d: ed25519Bytes });
export type SigningJwk = z.output<typeof signingJwkSchema>;

export const trustedKeySetSchema = z.object({
  keys: z
    .array(trustedJwkSchema)
    .min(1, 'must hold at least one key')
    .refine((keys) => new Set(keys.map((key) => key.kid)).size === keys.length, 'key ids must be unique'),
});
export type TrustedKeySet = z.output<typeof trustedKeySetSchema>;

/** A JSON text, parsed; a parse failure is a validation issue, not an exception. */
const jsonText = z.string().transform((text, ctx) => {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    ctx.addIssue({ code: 'custom', message: 'must be JSON' });
    return z.NEVER;
  }
});

/** `CARCAR_SIGNING_KEY` as a config field: a private Ed25519 JWK with `kid`. */
export const signingKeyVariable = jsonText.pipe(signingJwkSchema);
/** `CARCAR_TRUSTED_KEYS` as a config field: a JWK Set of public Ed25519 keys. */
export const trustedKeysVariable = jsonText.pipe(trustedKeySetSchema);

function parseVariable<S extends z.ZodType>(name: string, schema: S, value: string | undefined): z.output<S> {
  if (value === undefined || value === '') throw new Error(`${name} is not set`);
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) =>
    issue.path.length > 0 ? `${issue.path.join('.')}: ${issue.message}` : issue.message,
  );
  throw new Error(`${name} is invalid: ${problems.join('; ')}`);
}

export function parseSigningKey(json: string | undefined): SigningJwk {
  return parseVariable('CARCAR_SIGNING_KEY', signingKeyVariable, json);
}

export function parseTrustedKeys(json: string | undefined): TrustedKeySet {
  return parseVariable('CARCAR_TRUSTED_KEYS', trustedKeysVariable, json);
}

/** The issuer a key id names: the part before the first `:`. */
export function issuerOfKeyId(kid: string): string {
  const colon = kid.indexOf(':');
  return colon > 0 ? kid.slice(0, colon) : '';
}

export function publicJwkOf(privateJwk: SigningJwk): TrustedJwk {
  const { d: _private, ...publicJwk } = privateJwk;
  return publicJwk;
}

export interface SigningKeyPair {
  privateJwk: SigningJwk;
  publicJwk: TrustedJwk;
}

/** A new Ed25519 key pair for `issuer`; the date in the key id tells operators which key is older. */
export async function generateSigningKey(issuer: Issuer): Promise<SigningKeyPair> {
  const { privateKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519', extractable: true });
  const kid = `${issuer}:${new Date().toISOString().slice(0, 10)}.${randomBytes(6).toString('base64url')}`;
  const privateJwk = signingJwkSchema.parse({ ...(await exportJWK(privateKey)), kid, alg: 'EdDSA', use: 'sig' });
  return { privateJwk, publicJwk: publicJwkOf(privateJwk) };
}

/** The variables `npm start` hands each process. */
export interface DevelopmentKeys<I extends Issuer> {
  /** One JWK Set with every issuer's public key. */
  CARCAR_TRUSTED_KEYS: string;
  /** Each issuer's private JWK. */
  CARCAR_SIGNING_KEY: Record<I, string>;
}

/**
 * Makes a key pair per issuer under `dir` on first use (private key files mode 0600) and reuses
 * them afterwards, so restarting keeps the keys and credentials in flight stay valid.
 */
export async function ensureDevelopmentKeys<I extends Issuer>(
  dir: string,
  issuerList: readonly I[],
): Promise<DevelopmentKeys<I>> {
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const signing = {} as Record<I, string>;
  const publicKeys: TrustedJwk[] = [];
  for (const issuer of issuerList) {
    const privateJwk = await ensureKeyFile(path.join(dir, `${issuer}.private.jwk.json`), issuer);
    signing[issuer] = JSON.stringify(privateJwk);
    publicKeys.push(publicJwkOf(privateJwk));
  }
  return { CARCAR_TRUSTED_KEYS: JSON.stringify({ keys: publicKeys }), CARCAR_SIGNING_KEY: signing };
}

async function ensureKeyFile(file: string, issuer: Issuer): Promise<SigningJwk> {
  const existing = await readKeyFile(file, issuer);
  if (existing) return existing;
  const { privateJwk } = await generateSigningKey(issuer);
  // Written whole under a name of its own (threads of one process share a pid), then linked into
  // place: a link is made whole or not at all, and fails if the name exists, so only the first of
  // the services starting at once places its key and the others read a complete file. (Creating
  // the file itself with `wx` let a second process read it empty while the first was still
  // writing: "does not hold a signing key", one of the four processes stopped.)
  const own = `${file}.${randomUUID()}.tmp`;
  await writeFile(own, `${JSON.stringify(privateJwk, null, 2)}\n`, { mode: 0o600 });
  try {
    await link(own, file);
    return privateJwk;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  } finally {
    await unlink(own).catch(() => undefined);
  }
  const written = await readKeyFile(file, issuer);
  if (!written) throw new Error(`${file} vanished while being read`);
  return written;
}

async function readKeyFile(file: string, issuer: Issuer): Promise<SigningJwk | undefined> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  const stored = signingKeyVariable.safeParse(text);
  if (!stored.success || issuerOfKeyId(stored.data.kid) !== issuer) {
    throw new Error(`${file} does not hold a signing key for ${issuer}; delete it to make a new one`);
  }
  return stored.data;
}

/** What a service verifies with, and (for one that calls others) signs with. */
export interface ServiceKeys {
  trustedKeys: TrustedKeySet;
  signingKey?: SigningJwk;
}

export interface ServiceKeySettings {
  CARCAR_TRUSTED_KEYS?: string | undefined;
  CARCAR_SIGNING_KEY?: string | undefined;
  CARCAR_KEYS_DIR?: string | undefined;
  DATA_DIR: string;
}

/**
 * A service's keys from `CARCAR_TRUSTED_KEYS` (and `CARCAR_SIGNING_KEY` for a service that signs),
 * or on a developer's machine, with neither set, the development keys `npm start`'s processes
 * share under the data folder, made by whichever process starts first.
 */
export async function loadServiceKeys(
  settings: ServiceKeySettings,
  signsAs: Issuer | undefined,
  warn: (message: string, dir: string) => void,
  env: NodeJS.ProcessEnv = process.env,
): Promise<ServiceKeys> {
  if (isProduction(env)) {
    const missing = [
      ...(settings.CARCAR_TRUSTED_KEYS === undefined ? ['CARCAR_TRUSTED_KEYS'] : []),
      ...(signsAs && settings.CARCAR_SIGNING_KEY === undefined ? ['CARCAR_SIGNING_KEY'] : []),
    ];
    if (missing.length > 0) throw new Error(missingInProduction(missing));
  }
  const configured = settings.CARCAR_TRUSTED_KEYS !== undefined || settings.CARCAR_SIGNING_KEY !== undefined;
  if (configured) {
    const trustedKeys = parseTrustedKeys(settings.CARCAR_TRUSTED_KEYS);
    if (!signsAs) return { trustedKeys };
    return { trustedKeys, signingKey: parseSigningKey(settings.CARCAR_SIGNING_KEY) };
  }
  const dir = settings.CARCAR_KEYS_DIR ?? path.join(settings.DATA_DIR, 'keys');
  warn('CARCAR_TRUSTED_KEYS is not set; using the development keys under the data folder', dir);
  const keys = await ensureDevelopmentKeys(dir, issuers);
  return {
    trustedKeys: parseTrustedKeys(keys.CARCAR_TRUSTED_KEYS),
    ...(signsAs ? { signingKey: parseSigningKey(keys.CARCAR_SIGNING_KEY[signsAs]) } : {}),
  };
}
