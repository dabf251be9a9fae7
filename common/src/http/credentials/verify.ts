import { type CryptoKey, errors, importJWK, type JWTPayload, jwtVerify } from 'jose';
import { z } from 'zod';
import {
  type Actor,
  GATEWAY_ISSUER,
  type Issuer,
  issuers,
  type PersonActor,
  permissionsOf,
  roles,
  type ServiceName,
} from '../../contract/permissions.js';
import type { TrustedJwk, TrustedKeySet } from '../../service/keys.js';
import { issuerOfKeyId } from '../../service/keys.js';
import { DEFAULT_CACHE_SIZE, MAX_LIFETIME_SECONDS } from './limits.js';

// Verifying internal credentials (docs/identity.md): short-lived Ed25519-signed JWTs the gateway
// adds to every request it forwards, and services sign for their own calls. Verification is jose's;
// this module adds what jose cannot know: which issuer a key belongs to and what that issuer may
// claim. The Express middleware around it is ../authenticate.ts.

/** Tolerated clock skew between the signer's and the verifier's clocks. */
export const DEFAULT_CLOCK_TOLERANCE_SECONDS = 5;

/** Why a credential was refused: for the debug log only, never for the client. */
export class CredentialError extends Error {
  override readonly name = 'CredentialError';
}

export type VerificationEvent =
  | { outcome: 'verified' }
  | { outcome: 'cached' }
  | { outcome: 'refused'; reason: string };

export interface CredentialVerifierOptions {
  /** This service: a credential for another one is refused. */
  audience: ServiceName;
  trustedKeys: TrustedKeySet;
  clockToleranceSeconds?: number;
  /** How many verified credentials to remember; the oldest is forgotten beyond it. */
  cacheSize?: number;
  /** Called once per verify with how it went (metrics, tests). */
  observe?: (event: VerificationEvent) => void;
}

export interface CredentialVerifier {
  /** The actor a credential speaks for; rejects with a `CredentialError` when it is not valid. */
  verify(token: string): Promise<Actor>;
}

interface CachedActor {
  actor: Actor;
  /** Epoch ms after which jose itself would refuse the credential. */
  validUntil: number;
}

export function createCredentialVerifier(options: CredentialVerifierOptions): CredentialVerifier {
  const tolerance = options.clockToleranceSeconds ?? DEFAULT_CLOCK_TOLERANCE_SECONDS;
  const cacheSize = options.cacheSize ?? DEFAULT_CACHE_SIZE;
  const resolveKey = keyResolver(options.trustedKeys);
  // Keyed by the whole token string: a tampered copy is a different key and is verified afresh.
  const verified = new Map<string, CachedActor>();
  const inFlight = new Map<string, Promise<Actor>>();

  async function verifyFresh(token: string): Promise<Actor> {
    const { payload, protectedHeader } = await jwtVerify(token, resolveKey, {
      algorithms: ['EdDSA'],
      audience: options.audience,
      clockTolerance: tolerance,
      // Also refuses an `iat` in the future (beyond the tolerance).
      maxTokenAge: MAX_LIFETIME_SECONDS,
      requiredClaims: ['iss', 'sub', 'aud', 'iat', 'exp'],
    });
    const claims = checkedClaims(payload, options.audience);
    // The resolver only hands out keys for a known kid, so it is set here.
    const actor = actorFrom(issuerOfKeyId(protectedHeader.kid ?? ''), claims);
    remember(token, { actor, validUntil: (claims.exp + tolerance) * 1000 });
    return actor;
  }

  function remember(token: string, entry: CachedActor): void {
    verified.set(token, entry);
    if (verified.size > cacheSize) {
      const oldest = verified.keys().next();
      if (!oldest.done) verified.delete(oldest.value);
    }
  }

  function cached(token: string): Actor | undefined {
    const entry = verified.get(token);
    if (!entry) return undefined;
    if (entry.validUntil > Date.now()) return entry.actor;
    verified.delete(token);
    return undefined;
  }

  return {
    async verify(token) {
      const hit = cached(token);
      if (hit) {
        options.observe?.({ outcome: 'cached' });
        return hit;
      }
      // Concurrent requests with one new credential share a single verification.
      let pending = inFlight.get(token);
      if (!pending) {
        pending = verifyFresh(token).finally(() => inFlight.delete(token));
        inFlight.set(token, pending);
      }
      try {
        const actor = await pending;
        options.observe?.({ outcome: 'verified' });
        return actor;
      } catch (error) {
        const refusal = asCredentialError(error);
        options.observe?.({ outcome: 'refused', reason: refusal.message });
        throw refusal;
      }
    },
  };
}

/** Finds the public key by `kid`; a missing or unknown kid is refused before any signature check. */
function keyResolver(trustedKeys: TrustedKeySet): (header: { kid?: string }) => Promise<CryptoKey> {
  const jwks = new Map<string, TrustedJwk>(trustedKeys.keys.map((jwk) => [jwk.kid, jwk]));
  const imported = new Map<string, Promise<CryptoKey>>();
  return async (header) => {
    const jwk = header.kid === undefined ? undefined : jwks.get(header.kid);
    if (!jwk) throw new CredentialError('unknown key id');
    let key = imported.get(jwk.kid);
    if (!key) {
      key = importJWK(jwk, 'EdDSA') as Promise<CryptoKey>;
      imported.set(jwk.kid, key);
    }
    return key;
  };
}

interface CheckedClaims {
  iss: string;
  sub: string;
  iat: number;
  exp: number;
  payload: JWTPayload;
}

function checkedClaims(payload: JWTPayload, audience: ServiceName): CheckedClaims {
  const { iss, sub, iat, exp, aud } = payload;
  if (iss === undefined || sub === undefined || iat === undefined || exp === undefined) {
    throw new CredentialError('missing claims');
  }
  // One audience only: a credential naming several services could be replayed at each of them.
  if (aud !== audience) throw new CredentialError('audience must be exactly this service');
  if (exp - iat > MAX_LIFETIME_SECONDS) throw new CredentialError(`lifetime over ${MAX_LIFETIME_SECONDS} s`);
  return { iss, sub, iat, exp, payload };
}

const personClaims = z.object({
  sub: z.string().regex(/^(user|token):.+$/),
  name: z.string().min(1),
  role: z.enum(roles),
  technician_id: z.number().int().positive().nullish(),
  salesperson_id: z.number().int().positive().nullish(),
});

/** Checks the issuer's right to make these claims and turns them into an actor. */
function actorFrom(keyIssuer: string, claims: CheckedClaims): Actor {
  // A key signs only for the issuer its id names.
  if (keyIssuer !== claims.iss) throw new CredentialError('issuer does not own the key');
  if (claims.iss === GATEWAY_ISSUER) {
    // The gateway's own calls (the customer's approval link): a service actor with no role.
    if (claims.sub === `service:${GATEWAY_ISSUER}`) {
      if (claims.payload.role !== undefined) throw new CredentialError('a service may not claim a role');
      return { kind: 'service', service: GATEWAY_ISSUER };
    }
    return personFrom(claims.payload);
  }
  if (!isServiceIssuer(claims.iss)) throw new CredentialError('unknown issuer');
  if (claims.sub !== `service:${claims.iss}`) throw new CredentialError('a service may speak only for itself');
  if (claims.payload.role !== undefined) throw new CredentialError('a service may not claim a role');
  return { kind: 'service', service: claims.iss };
}

function personFrom(payload: JWTPayload): PersonActor {
  const parsed = personClaims.safeParse(payload);
  if (!parsed.success) throw new CredentialError('the gateway may speak only for a person or token with a role');
  const { sub, name, role, technician_id, salesperson_id } = parsed.data;
  const colon = sub.indexOf(':');
  return {
    kind: sub.startsWith('user:') ? 'person' : 'token',
    id: sub.slice(colon + 1),
    name,
    role,
    permissions: permissionsOf(role),
    ...(technician_id == null ? {} : { technician_id }),
    ...(salesperson_id == null ? {} : { salesperson_id }),
  };
}

type ServiceIssuer = Exclude<Issuer, typeof GATEWAY_ISSUER>;

function isServiceIssuer(issuer: string): issuer is ServiceIssuer {
  return issuer !== GATEWAY_ISSUER && (issuers as readonly string[]).includes(issuer);
}

/** jose's errors say which check failed and never quote the token, so they are safe to log. */
export function asCredentialError(error: unknown): CredentialError {
  if (error instanceof CredentialError) return error;
  if (error instanceof errors.JOSEError) return new CredentialError(`${error.code}: ${error.message}`);
  return new CredentialError(error instanceof Error ? error.message : 'unreadable credential');
}
