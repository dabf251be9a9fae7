import {
  GATEWAY_ISSUER,
  type Issuer,
  issuers,
  type Role,
  roles,
  type ServiceName,
  serviceNames,
} from '@carcar/common/contract/permissions';
import { serviceRoutes } from '@carcar/common/contract/routes';
import type { AccessPolicy } from '@carcar/common/http/app';
import { type CredentialSigner, createCredentialSigner } from '@carcar/common/http/credentials/sign';
import {
  type CredentialVerifier,
  type CredentialVerifierOptions,
  createCredentialVerifier,
} from '@carcar/common/http/credentials/verify';
import { generateSigningKey, type SigningJwk, type TrustedKeySet } from '@carcar/common/service/keys';
import { type CryptoKey, importJWK, SignJWT } from 'jose';

// Real keys and real signatures for tests: one key pair per issuer, made once per test process, so
// a test sends the same `Authorization` header the gateway (or a calling service) would.

export interface TestKeys {
  signing: Record<Issuer, SigningJwk>;
  /** Every issuer's public key: what a service under test trusts. */
  trustedKeys: TrustedKeySet;
  /** The variables a spawned process needs to verify (and, as `issuer`, sign) credentials. */
  env(issuer?: Issuer): { CARCAR_TRUSTED_KEYS: string; CARCAR_SIGNING_KEY?: string };
}

let keys: Promise<TestKeys> | undefined;
const signers = new Map<Issuer, CredentialSigner>();

export function testKeys(): Promise<TestKeys> {
  keys ??= makeTestKeys();
  return keys;
}

async function makeTestKeys(): Promise<TestKeys> {
  const pairs = await Promise.all(issuers.map((issuer) => generateSigningKey(issuer)));
  const signing = Object.fromEntries(issuers.map((issuer, index) => [issuer, pairs[index]?.privateJwk])) as Record<
    Issuer,
    SigningJwk
  >;
  const trustedKeys: TrustedKeySet = { keys: pairs.map((pair) => pair.publicJwk) };
  return {
    signing,
    trustedKeys,
    env: (issuer) => ({
      CARCAR_TRUSTED_KEYS: JSON.stringify(trustedKeys),
      ...(issuer ? { CARCAR_SIGNING_KEY: JSON.stringify(signing[issuer]) } : {}),
    }),
  };
}

/** The signer of `issuer` with the test keys (60 s credentials). */
export async function testSigner(issuer: Issuer): Promise<CredentialSigner> {
  const existing = signers.get(issuer);
  if (existing) return existing;
  const signer = createCredentialSigner({ issuer, privateJwk: (await testKeys()).signing[issuer] });
  signers.set(issuer, signer);
  return signer;
}

/** A verifier for `audience` trusting every test key, as a service under test would build it. */
export async function testVerifier(
  audience: ServiceName,
  options: Omit<CredentialVerifierOptions, 'audience' | 'trustedKeys'> = {},
): Promise<CredentialVerifier> {
  return createCredentialVerifier({ audience, trustedKeys: (await testKeys()).trustedKeys, ...options });
}

export interface TestCredentialOptions {
  role: Role;
  audience: ServiceName;
  /** An API token instead of a signed-in person. */
  kind?: 'person' | 'token';
  /** Defaults to one id per role, so two credentials of one role are the same actor. */
  id?: string;
  name?: string;
  technician_id?: number;
  salesperson_id?: number;
}

const roleNames: Record<Role, string> = {
  admin: 'Ada Admin',
  manager: 'Max Manager',
  sales: 'Sam Sales',
  service: 'Sid Service',
  technician: 'Tess Technician',
};

/** A gateway credential for a person (or API token) with `role`, for `audience`. */
export async function testCredential(options: TestCredentialOptions): Promise<string> {
  const subject = `${options.kind === 'token' ? 'token' : 'user'}:${options.id ?? `test-${options.role}`}`;
  const signer = await testSigner(GATEWAY_ISSUER);
  return signer.credentialFor(subject, options.audience, {
    name: options.name ?? roleNames[options.role],
    role: options.role,
    ...(options.technician_id === undefined ? {} : { technician_id: options.technician_id }),
    ...(options.salesperson_id === undefined ? {} : { salesperson_id: options.salesperson_id }),
  });
}

/** A service's own credential for its calls to `audience`. */
export async function testServiceCredential(
  service: Exclude<Issuer, typeof GATEWAY_ISSUER>,
  audience: ServiceName,
): Promise<string> {
  return (await testSigner(service)).serviceCredential(audience);
}

export type AuthHeaders = { Authorization: string };

/** Headers for supertest's `.set()` or fetch: `await asRole('manager', 'sales-api')`. */
export async function asRole(
  role: Role,
  audience: ServiceName,
  extra: Omit<TestCredentialOptions, 'role' | 'audience'> = {},
): Promise<AuthHeaders> {
  return { Authorization: `Bearer ${await testCredential({ role, audience, ...extra })}` };
}

/** Headers of a service calling `audience` with its own key. */
export async function asService(
  service: Exclude<Issuer, typeof GATEWAY_ISSUER>,
  audience: ServiceName,
): Promise<AuthHeaders> {
  return { Authorization: `Bearer ${await testServiceCredential(service, audience)}` };
}

/** Headers of the gateway calling `audience` for nobody signed in (the customer's approval link). */
export async function asGateway(audience: ServiceName): Promise<AuthHeaders> {
  return { Authorization: `Bearer ${await (await testSigner(GATEWAY_ISSUER)).serviceCredential(audience)}` };
}

/** What a service under test checks callers with: the test keys and its rows of the route table. */
export async function testAccess(audience: ServiceName): Promise<AccessPolicy> {
  return { verifier: await testVerifier(audience), rules: serviceRoutes[audience] };
}

/** Each role's default credential for one audience, readable at once (supertest's `.set()`). */
export type RoleHeaders = (role?: Role) => AuthHeaders;

const REFRESH_MS = 15_000;

/**
 * Every role's credential for `audience`, signed now and re-signed in the background every 15 s,
 * so a long test file never sends an expired one (they live 60 s). The timer does not keep the
 * process alive.
 */
export async function roleHeaders(audience: ServiceName): Promise<RoleHeaders> {
  const current = new Map<Role, AuthHeaders>();
  const refresh = async () => {
    for (const role of roles) current.set(role, await asRole(role, audience));
  };
  await refresh();
  setInterval(() => void refresh(), REFRESH_MS).unref();
  return (role = 'admin') => {
    const headers = current.get(role);
    if (!headers) throw new Error(`no test credential for ${role}`);
    return headers;
  };
}

const base64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

/**
 * Credentials a service must refuse, each otherwise a manager's: expired, for another service,
 * with a tampered signature, and unsigned (`alg: none`).
 */
export async function refusedCredentials(audience: ServiceName): Promise<Record<string, AuthHeaders>> {
  const gateway = (await testKeys()).signing[GATEWAY_ISSUER];
  const now = Math.floor(Date.now() / 1000);
  const claims = { iss: GATEWAY_ISSUER, sub: 'user:refused', name: 'Max Manager', role: 'manager', aud: audience };
  const expired = await new SignJWT(claims)
    .setProtectedHeader({ alg: 'EdDSA', kid: gateway.kid })
    .setIssuedAt(now - 120)
    .setExpirationTime(now - 60)
    .sign((await importJWK(gateway, 'EdDSA')) as CryptoKey);
  const other = serviceNames.find((name) => name !== audience) ?? audience;
  const good = await testCredential({ role: 'manager', audience, id: 'refused' });
  const [header, payload, signature = ''] = good.split('.');
  const flipped = `${signature.slice(0, 10)}${signature[10] === 'A' ? 'B' : 'A'}${signature.slice(11)}`;
  const unsigned = `${base64url({ alg: 'none' })}.${base64url({ ...claims, iat: now, exp: now + 60 })}.`;
  const bearer = (token: string): AuthHeaders => ({ Authorization: `Bearer ${token}` });
  return {
    expired: bearer(expired),
    'for another service': bearer(await testCredential({ role: 'manager', audience: other, id: 'refused' })),
    'tampered signature': bearer(`${header}.${payload}.${flipped}`),
    'alg none': bearer(unsigned),
  };
}
