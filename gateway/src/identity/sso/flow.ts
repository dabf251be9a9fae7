import { hkdfSync } from 'node:crypto';
import { EncryptJWT, errors, jwtDecrypt } from 'jose';

/** The cookie that carries one sign-in's checks from /auth/sso/start to /auth/sso/callback. */
export const FLOW_COOKIE = 'carcar.sso';
/** Only the two SSO routes ever receive it. */
export const FLOW_COOKIE_PATH = '/auth/sso';
/** Time enough to sign in at the identity provider; a callback after it is refused. */
export const FLOW_LIFETIME_SECONDS = 10 * 60;

/**
 * What the callback must check against: the `state` and `nonce` sent to the provider and the PKCE
 * verifier whose challenge was sent, plus where the person was going.
 */
export interface SsoFlow {
  state: string;
  nonce: string;
  codeVerifier: string;
  next: string;
}

/**
 * The flow's key, derived from the session cookie's secret (HKDF, its own label): no extra secret
 * to hand out, and every replica agrees on it.
 */
export function flowKey(sessionSecret: string): Uint8Array {
  return new Uint8Array(hkdfSync('sha256', sessionSecret, new Uint8Array(0), 'carcar-gateway sso flow', 32));
}

/**
 * The flow as the cookie's value: an encrypted JWT (jose, `dir` + A256GCM), so the browser can
 * neither read the PKCE verifier nor change a thing, and it expires on its own. Kept in an HttpOnly
 * cookie, it binds the flow to the browser that started it: a callback URL opened in another
 * browser (a login CSRF) has no such cookie and is refused.
 */
export async function sealFlow(key: Uint8Array, flow: SsoFlow, expiresAt: Date): Promise<string> {
  return new EncryptJWT({ ...flow })
    .setProtectedHeader({ alg: 'dir', enc: 'A256GCM' })
    .setIssuedAt()
    .setExpirationTime(Math.floor(expiresAt.getTime() / 1000))
    .encrypt(key);
}

export type OpenedFlow = { flow: SsoFlow; problem?: undefined } | { flow?: undefined; problem: 'expired' | 'invalid' };

/** The flow back from the cookie, or why there is none usable (tampered, forged, expired). */
export async function openFlow(key: Uint8Array, sealed: string | undefined): Promise<OpenedFlow> {
  if (!sealed) return { problem: 'invalid' };
  try {
    const { payload } = await jwtDecrypt(sealed, key, {
      keyManagementAlgorithms: ['dir'],
      contentEncryptionAlgorithms: ['A256GCM'],
    });
    const { state, nonce, codeVerifier, next } = payload;
    if (typeof state !== 'string' || typeof nonce !== 'string' || typeof codeVerifier !== 'string') {
      return { problem: 'invalid' };
    }
    return { flow: { state, nonce, codeVerifier, next: typeof next === 'string' ? next : '/' } };
  } catch (error) {
    if (error instanceof errors.JWTExpired) return { problem: 'expired' };
    return { problem: 'invalid' };
  }
}
