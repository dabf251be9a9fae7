import { randomUUID } from 'node:crypto';
import type { RequestHandler, Response } from 'express';
import { type CryptoKey, errors, importJWK, type JWTPayload, jwtVerify, SignJWT } from 'jose';
import { z } from 'zod';
import {
  type Actor,
  GATEWAY_ISSUER,
  type Issuer,
  issuers,
  type PersonActor,
  permissionsOf,
  type Role,
  roles,
  type ServiceName,
} from '../contract/permissions.js';
import type { SigningJwk, TrustedJwk, TrustedKeySet } from '../service/keys.js';
import { issuerOfKeyId } from '../service/keys.js';
import type { Logger } from '../service/logger.js';
import { unauthenticated } from './errors.js';

// Internal credentials (docs/identity.md): short-lived Ed25519-signed JWTs the gateway adds to every
// request it forwards, and services sign for their own calls. Verification is jose's; this module
// adds what jose cannot know: which issuer a key belongs to and what that issuer may claim.

export type { Actor, PersonActor, ServiceActor } from '../contract/permissions.js';

/** A credential may live at most this long (`exp - iat`), so a leaked one is soon useless. */
export const MAX_LIFETIME_SECONDS = 120;
export const DEFAULT_LIFETIME_SECONDS = 60;
/** Tolerated clock skew between the signer's and the verifier's clocks. */
export const DEFAULT_CLOCK_TOLERANCE_SECONDS = 5;
const DEFAULT_CACHE_SIZE = 10_000;
/** Far above a real credential (~500 bytes); refusing early keeps junk out of jose and the logs. */
const MAX_TOKEN_LENGTH = 8_192;

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
function asCredentialError(error: unknown): CredentialError {
  if (error instanceof CredentialError) return error;
  if (error instanceof errors.JOSEError) return new CredentialError(`${error.code}: ${error.message}`);
  return new CredentialError(error instanceof Error ? error.message : 'unreadable credential');
}

// --- The Express side -------------------------------------------------------------------------

/** A request id we pass on to logs and audit entries: short and free of control characters. */
const requestIdPattern = /^[A-Za-z0-9._:-]{1,128}$/;

/**
 * Lets a request through only with a valid `Authorization: Bearer` credential; puts the actor on
 * `res.locals.actor` and the request id on `res.locals.requestId`. Every refusal is the same 401,
 * so a prober learns nothing; the debug log says why (never the token).
 */
export function authenticate(verifier: CredentialVerifier, logger?: Logger): RequestHandler {
  return async (req, res, next) => {
    const token = bearerToken(req.get('authorization'));
    try {
      if (token === undefined) throw new CredentialError('no bearer credential');
      res.locals.actor = await verifier.verify(token);
    } catch (error) {
      res.locals.requestId = randomUUID();
      logger?.debug(
        { reason: asCredentialError(error).message, requestId: res.locals.requestId, method: req.method },
        'credential refused',
      );
      const refusal = unauthenticated();
      res.status(refusal.status).set('WWW-Authenticate', 'Bearer').json(refusal.toJSON());
      return;
    }
    // Only a verified caller (the gateway or a service) may name the request id.
    const offered = req.get('x-request-id');
    res.locals.requestId = offered !== undefined && requestIdPattern.test(offered) ? offered : randomUUID();
    next();
  };
}

function bearerToken(header: string | undefined): string | undefined {
  const match = header === undefined ? null : /^Bearer +(\S+)$/i.exec(header);
  const token = match?.[1];
  return token !== undefined && token.length <= MAX_TOKEN_LENGTH ? token : undefined;
}

/** The verified actor of this request; throws when `authenticate` did not run (a wiring bug). */
export function actorOf(res: Response): Actor {
  const actor: unknown = res.locals.actor;
  if (typeof actor !== 'object' || actor === null || !('kind' in actor)) {
    throw new Error('No actor on this request: mount authenticate() before this route');
  }
  return actor as Actor;
}

/** This request's id, for log lines and audit entries. */
export function requestIdOf(res: Response): string {
  const requestId: unknown = res.locals.requestId;
  if (typeof requestId !== 'string') throw new Error('No request id: mount authenticate() before this route');
  return requestId;
}

// --- Signing ----------------------------------------------------------------------------------

/** What the gateway says about a person or token; a service credential carries none of it. */
export interface PersonClaims {
  name: string;
  role: Role;
  technician_id?: number;
  salesperson_id?: number;
}

export interface SignRequest {
  audience: ServiceName;
  /** `user:<id>`, `token:<id>` (gateway) or `service:<own name>` (a service). */
  subject: string;
  claims?: PersonClaims;
}

export interface CredentialSignerOptions {
  issuer: Issuer;
  privateJwk: SigningJwk;
  /** Seconds a credential lives; at most 120. */
  lifetimeSeconds?: number;
  /** How many reusable credentials `credentialFor` keeps. */
  cacheSize?: number;
}

export interface CredentialSigner {
  readonly issuer: Issuer;
  /** A fresh credential. */
  sign(request: SignRequest): Promise<string>;
  /**
   * A credential for this actor, audience and claims, reused until less than half its lifetime is
   * left, so a service sees few distinct tokens and verifies each once. Changed claims (a new
   * role, say) make a new credential at once.
   */
  credentialFor(subject: string, audience: ServiceName, claims?: PersonClaims): Promise<string>;
  /** A service's credential for its own calls: `credentialFor('service:<issuer>', audience)`. */
  serviceCredential(audience: ServiceName): Promise<string>;
}

interface ReusableCredential {
  token: Promise<string>;
  renewAt: number;
}

export function createCredentialSigner(options: CredentialSignerOptions): CredentialSigner {
  const { issuer, privateJwk } = options;
  const lifetime = options.lifetimeSeconds ?? DEFAULT_LIFETIME_SECONDS;
  const cacheSize = options.cacheSize ?? DEFAULT_CACHE_SIZE;
  if (issuerOfKeyId(privateJwk.kid) !== issuer) {
    throw new Error(`The signing key ${privateJwk.kid} does not belong to ${issuer}`);
  }
  if (!(lifetime > 0 && lifetime <= MAX_LIFETIME_SECONDS)) {
    throw new Error(`A credential lives between 1 and ${MAX_LIFETIME_SECONDS} s, not ${lifetime}`);
  }
  const key = importJWK(privateJwk, 'EdDSA') as Promise<CryptoKey>;
  // Without a handler a bad key would be an unhandled rejection before the first sign.
  key.catch(() => undefined);
  const reusable = new Map<string, ReusableCredential>();

  async function sign({ audience, subject, claims }: SignRequest): Promise<string> {
    assertMayClaim(issuer, subject, claims);
    const now = Math.floor(Date.now() / 1000);
    return new SignJWT({ ...claims })
      .setProtectedHeader({ alg: 'EdDSA', kid: privateJwk.kid })
      .setIssuer(issuer)
      .setAudience(audience)
      .setSubject(subject)
      .setIssuedAt(now)
      .setExpirationTime(now + lifetime)
      .sign(await key);
  }

  function credentialFor(subject: string, audience: ServiceName, claims?: PersonClaims): Promise<string> {
    const cacheKey = JSON.stringify([subject, audience, claims ?? null]);
    const existing = reusable.get(cacheKey);
    if (existing && existing.renewAt > Date.now()) return existing.token;
    reusable.delete(cacheKey);
    const token = sign({ audience, subject, ...(claims ? { claims } : {}) });
    token.catch(() => {
      if (reusable.get(cacheKey)?.token === token) reusable.delete(cacheKey);
    });
    reusable.set(cacheKey, { token, renewAt: Date.now() + (lifetime * 1000) / 2 });
    if (reusable.size > cacheSize) {
      const oldest = reusable.keys().next();
      if (!oldest.done) reusable.delete(oldest.value);
    }
    return token;
  }

  return {
    issuer,
    sign,
    credentialFor,
    serviceCredential: (audience) => credentialFor(`service:${issuer}`, audience),
  };
}

/** The signer refuses what the verifier would refuse, so a wiring bug shows where it is made. */
function assertMayClaim(issuer: Issuer, subject: string, claims: PersonClaims | undefined): void {
  if (issuer === GATEWAY_ISSUER) {
    if (subject === `service:${GATEWAY_ISSUER}` && !claims) return;
    if (!/^(user|token):.+$/.test(subject) || !claims) {
      throw new Error('The gateway signs only for a person or token with their claims, or for itself without');
    }
    return;
  }
  if (subject !== `service:${issuer}` || claims) {
    throw new Error(`${issuer} signs only for itself (service:${issuer}), without person claims`);
  }
}
