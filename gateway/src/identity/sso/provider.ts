import * as oidc from 'openid-client';

export interface SsoSettings {
  issuer: string;
  clientId: string;
  clientSecret?: string | undefined;
  /** Where the provider sends the browser back: `<PUBLIC_ORIGIN>/auth/sso/callback`, registered at the provider. */
  redirectUri: string;
}

/** Who the provider says signed in: the claims the gateway matches on. */
export interface SsoIdentity {
  subject: string;
  email: string | undefined;
  emailVerified: boolean;
}

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * Plain http is allowed only for a provider on this machine (development, tests): anywhere else the
 * discovery document, keys and tokens would cross the network unprotected.
 */
function allowsHttp(issuer: URL): boolean {
  return issuer.protocol === 'http:' && LOOPBACK_HOSTS.has(issuer.hostname);
}

/** Some providers send `email_verified` as the string "true"; anything else is unverified. */
function verified(value: unknown): boolean {
  return value === true || value === 'true';
}

/**
 * The OpenID Connect client (openid-client, certified): discovery, the authorization request and
 * the code exchange, whose ID token it checks (signature, issuer, audience, expiry, nonce).
 * Discovery happens at the first sign-in and is retried at the next one if the provider was down,
 * so a provider that is unreachable at start does not stop the gateway.
 */
export function ssoClient(settings: SsoSettings) {
  let configuration: Promise<oidc.Configuration> | undefined;
  const issuer = new URL(settings.issuer);

  function discover(): Promise<oidc.Configuration> {
    configuration ??= oidc
      .discovery(
        issuer,
        settings.clientId,
        settings.clientSecret,
        settings.clientSecret === undefined ? oidc.None() : undefined,
        allowsHttp(issuer) ? { execute: [oidc.allowInsecureRequests] } : undefined,
      )
      .catch((error: unknown) => {
        configuration = undefined;
        throw error;
      });
    return configuration;
  }

  return {
    /** The provider's authorization URL for this flow (code flow, PKCE S256, state, nonce). */
    async authorizationUrl(checks: { state: string; nonce: string; codeVerifier: string }): Promise<URL> {
      const config = await discover();
      return oidc.buildAuthorizationUrl(config, {
        redirect_uri: settings.redirectUri,
        scope: 'openid email',
        response_type: 'code',
        state: checks.state,
        nonce: checks.nonce,
        code_challenge: await oidc.calculatePKCECodeChallenge(checks.codeVerifier),
        code_challenge_method: 'S256',
      });
    },

    /**
     * Exchanges the callback's code (`query`: the callback's query string) and returns who signed in. Throws when the answer is an error,
     * the state does not match, or the ID token fails any check. The email comes from the ID token,
     * else from the UserInfo endpoint (many providers put it only there for the code flow).
     */
    async complete(
      query: string,
      checks: { state: string; nonce: string; codeVerifier: string },
    ): Promise<SsoIdentity> {
      const config = await discover();
      // The callback as registered (openid-client sends it, stripped of the query, as redirect_uri),
      // not as this request's Host header says: behind a proxy they differ.
      const currentUrl = new URL(settings.redirectUri);
      currentUrl.search = query;
      const tokens = await oidc.authorizationCodeGrant(config, currentUrl, {
        pkceCodeVerifier: checks.codeVerifier,
        expectedState: checks.state,
        expectedNonce: checks.nonce,
        idTokenExpected: true,
      });
      const claims = tokens.claims();
      if (!claims) throw new Error('The provider returned no ID token');
      if (typeof claims.email === 'string') {
        return { subject: claims.sub, email: claims.email, emailVerified: verified(claims.email_verified) };
      }
      const info = await oidc.fetchUserInfo(config, tokens.access_token, claims.sub);
      return {
        subject: claims.sub,
        email: typeof info.email === 'string' ? info.email : undefined,
        emailVerified: verified(info.email_verified),
      };
    },
  };
}

export type SsoClient = ReturnType<typeof ssoClient>;

export const { randomState, randomNonce, randomPKCECodeVerifier } = oidc;
