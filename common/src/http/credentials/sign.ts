import { type CryptoKey, importJWK, SignJWT } from 'jose';
import { GATEWAY_ISSUER, type Issuer, type Role, type ServiceName } from '../../contract/permissions.js';
import type { SigningJwk } from '../../service/keys.js';
import { issuerOfKeyId } from '../../service/keys.js';
import { DEFAULT_CACHE_SIZE, MAX_LIFETIME_SECONDS } from './limits.js';

// Signing internal credentials (docs/identity.md): the gateway signs for the person or token behind
// each request it forwards, a service for its own calls. What a signer may claim mirrors what
// ./verify.ts accepts.

export const DEFAULT_LIFETIME_SECONDS = 60;

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
