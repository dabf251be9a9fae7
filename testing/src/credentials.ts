import { GATEWAY_ISSUER, type Issuer, issuers, type Role, type ServiceName } from '@carcar/common/contract/permissions';
import {
  type CredentialSigner,
  type CredentialVerifier,
  type CredentialVerifierOptions,
  createCredentialSigner,
  createCredentialVerifier,
} from '@carcar/common/http/credentials';
import { generateSigningKey, type SigningJwk, type TrustedKeySet } from '@carcar/common/service/keys';

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
