import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { asRole, asService, testCredential, testKeys, testVerifier } from '@carcar/testing/credentials';
import express, { type ErrorRequestHandler, type Express } from 'express';
import { type CryptoKey, importJWK, type JWTPayload, SignJWT } from 'jose';
import { pino } from 'pino';
import request from 'supertest';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  type Issuer,
  ownScope,
  type Permission,
  permissions,
  permissionsOf,
  roles,
  type ServiceName,
  type ServicePermission,
  serviceNames,
  servicePermissionDescriptions,
  servicePermissions,
} from '../src/contract/permissions.js';
import { AppError } from '../src/errors.js';
import { authenticate } from '../src/http/authenticate.js';
import { assertOwn, requirePermission } from '../src/http/authorize.js';
import { createCredentialSigner } from '../src/http/credentials/sign.js';
import {
  type CredentialVerifier,
  createCredentialVerifier,
  type VerificationEvent,
} from '../src/http/credentials/verify.js';
import { actorOf, requestIdOf } from '../src/http/request-context.js';
import {
  ensureDevelopmentKeys,
  generateSigningKey,
  parseSigningKey,
  parseTrustedKeys,
  type SigningJwk,
  type TrustedKeySet,
} from '../src/service/keys.js';
import type { Logger } from '../src/service/logger.js';

// Internal credentials end to end: real Ed25519 signatures by jose, checked by the middleware on a
// tiny Express app through supertest.

const AUDIENCE: ServiceName = 'sales-api';
const UNAUTHENTICATED = { message: 'Sign in to continue', code: 'unauthenticated' };
const servicePermissionList = Object.keys(servicePermissionDescriptions) as ServicePermission[];

let keys: Awaited<ReturnType<typeof testKeys>>;
let verifier: CredentialVerifier;

beforeAll(async () => {
  keys = await testKeys();
  verifier = await testVerifier(AUDIENCE);
});

afterEach(() => {
  vi.useRealTimers();
});

/** A logger whose lines the test can read, to prove what is (and isn't) logged. */
function capturingLogger(): { logger: Logger; lines: string[] } {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return { logger: pino({ level: 'debug' }, sink), lines };
}

// The shared app's error handler in miniature: an AppError a use case throws becomes its JSON.
const appErrors: ErrorRequestHandler = (error: unknown, _req, res, _next) => {
  if (error instanceof AppError) res.status(error.status).json(error.toJSON());
  else res.status(500).json({ message: 'Internal server error', code: 'internal_error' });
};

function appWith(credentials: CredentialVerifier, logger?: Logger): Express {
  const app = express();
  app.use(authenticate(credentials, logger));
  app.get('/whoami', (_req, res) => {
    res.json({ actor: actorOf(res), requestId: requestIdOf(res) });
  });
  for (const permission of [...permissions, ...servicePermissionList]) {
    app.get(`/can/${permission}`, requirePermission(permission), (_req, res) => {
      res.json({ ok: true });
    });
  }
  app.get('/sales', requirePermission('sales.read', { orOwn: true }), (_req, res) => {
    res.json({ scope: ownScope(actorOf(res), 'sales.read') });
  });
  app.post(
    '/appointments/:technician/finish',
    requirePermission('appointments.finish', { orOwn: true }),
    (req, res) => {
      assertOwn(actorOf(res), 'appointments.finish', Number(req.params.technician));
      res.json({ finished: true });
    },
  );
  app.use(appErrors);
  return app;
}

const base64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

/** Signs arbitrary claims with a key, bypassing the signer's own checks, as an attacker (or bug) might. */
async function rawToken(
  jwk: SigningJwk,
  payload: JWTPayload,
  { iat = 0, lifetime = 60, aud = AUDIENCE as string | string[] } = {},
): Promise<string> {
  const now = Math.floor(Date.now() / 1000) + iat;
  return new SignJWT(payload)
    .setProtectedHeader({ alg: 'EdDSA', kid: jwk.kid })
    .setAudience(aud)
    .setIssuedAt(now)
    .setExpirationTime(now + lifetime)
    .sign((await importJWK(jwk, 'EdDSA')) as CryptoKey);
}

const personClaims = (iss: string) => ({ iss, sub: 'user:1', name: 'Mallory', role: 'admin' });

/** The log lines of the app `refusingApp` made last. */
let logLines: string[] = [];

function refusingApp(): Express {
  const { logger, lines } = capturingLogger();
  logLines = lines;
  return appWith(verifier, logger);
}

function lastRefusal(): string {
  const line = logLines.at(-1);
  return line === undefined ? '(none logged)' : (JSON.parse(line) as { reason: string }).reason;
}

/** A 401 with the one public answer; the log says it was refused for `reason`, not by accident. */
async function expect401(app: Express, authorization: string | undefined, reason: RegExp) {
  const call = request(app).get('/whoami');
  const res = await (authorization === undefined ? call : call.set('Authorization', authorization));
  expect(res.status).toBe(401);
  expect(res.body).toEqual(UNAUTHENTICATED);
  expect(res.headers['www-authenticate']).toBe('Bearer');
  expect(lastRefusal()).toMatch(reason);
}

describe('authenticate', () => {
  it('accepts a valid credential and puts the actor and request id on the request', async () => {
    const headers = await asRole('technician', AUDIENCE, { technician_id: 7, id: '42', name: 'Tess' });
    const res = await request(appWith(verifier)).get('/whoami').set(headers).set('X-Request-Id', 'req-1').expect(200);
    expect(res.body).toEqual({
      actor: {
        kind: 'person',
        id: '42',
        name: 'Tess',
        role: 'technician',
        permissions: [...permissionsOf('technician')],
        technician_id: 7,
      },
      requestId: 'req-1',
    });
  });

  it('tells an API token from a person, and a service from both', async () => {
    const token = await request(appWith(verifier))
      .get('/whoami')
      .set(await asRole('manager', AUDIENCE, { kind: 'token', id: '9' }))
      .expect(200);
    expect(token.body.actor).toMatchObject({ kind: 'token', id: '9', role: 'manager' });
    const service = await request(appWith(await testVerifier('inventory-api')))
      .get('/whoami')
      .set(await asService('sales-api', 'inventory-api'))
      .expect(200);
    expect(service.body.actor).toEqual({ kind: 'service', service: 'sales-api' });
  });

  it('makes a request id when none (or an unusable one) is sent', async () => {
    const headers = await asRole('sales', AUDIENCE);
    const none = await request(appWith(verifier)).get('/whoami').set(headers).expect(200);
    expect(none.body.requestId).toMatch(/^[0-9a-f-]{36}$/);
    const odd = await request(appWith(verifier)).get('/whoami').set(headers).set('X-Request-Id', 'a b\tc').expect(200);
    expect(odd.body.requestId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('refuses a missing or malformed header', async () => {
    const app = refusingApp();
    await expect401(app, undefined, /no bearer/);
    await expect401(app, 'Bearer', /no bearer/);
    await expect401(app, 'Bearer not-a-jwt', /Invalid Compact JWS/);
    await expect401(app, 'Bearer a.b.c', /Header is invalid/);
    await expect401(app, `Basic ${Buffer.from('admin:admin').toString('base64')}`, /no bearer/);
    await expect401(app, `Bearer ${'a'.repeat(10_000)}`, /no bearer/);
  });

  it('refuses an expired credential, one from the future, and one living over 120 s', async () => {
    const gateway = keys.signing['carcar-gateway'];
    const app = refusingApp();
    await expect401(
      app,
      `Bearer ${await rawToken(gateway, personClaims('carcar-gateway'), { iat: -70 })}`,
      /ERR_JWT_EXPIRED/,
    );
    await expect401(
      app,
      `Bearer ${await rawToken(gateway, personClaims('carcar-gateway'), { iat: 60 })}`,
      /"iat".*in the past/,
    );
    await expect401(
      app,
      `Bearer ${await rawToken(gateway, personClaims('carcar-gateway'), { lifetime: 121 })}`,
      /lifetime over 120 s/,
    );
    // The same claims within the rules pass, so the refusals above are about time alone.
    const fine = await rawToken(gateway, personClaims('carcar-gateway'), { lifetime: 120 });
    await request(app).get('/whoami').set('Authorization', `Bearer ${fine}`).expect(200);
  });

  it('refuses a credential for another service, or for several', async () => {
    const app = refusingApp();
    await expect401(
      app,
      `Bearer ${await testCredential({ role: 'admin', audience: 'inventory-api' })}`,
      /unexpected "aud"/,
    );
    const both = await rawToken(keys.signing['carcar-gateway'], personClaims('carcar-gateway'), {
      aud: [AUDIENCE, 'inventory-api'],
    });
    await expect401(app, `Bearer ${both}`, /exactly this service/);
  });

  it('refuses a tampered signature or payload', async () => {
    const token = await testCredential({ role: 'sales', audience: AUDIENCE, id: 'tamper' });
    const [header, payload, signature] = token.split('.') as [string, string, string];
    const flip = (text: string, at: number) => text.slice(0, at) + (text[at] === 'A' ? 'B' : 'A') + text.slice(at + 1);
    const app = refusingApp();
    // The original is verified (and cached) first: a tampered copy must not ride on that.
    await request(app).get('/whoami').set('Authorization', `Bearer ${token}`).expect(200);
    await expect401(app, `Bearer ${header}.${payload}.${flip(signature, 10)}`, /signature verification failed/);
    await expect401(app, `Bearer ${header}.${flip(payload, 20)}.${signature}`, /signature verification failed/);
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString()) as JWTPayload;
    await expect401(
      app,
      `Bearer ${header}.${base64url({ ...claims, role: 'admin' })}.${signature}`,
      /signature verification failed/,
    );
  });

  it('refuses alg none and HMAC tokens', async () => {
    const gateway = keys.signing['carcar-gateway'];
    const now = Math.floor(Date.now() / 1000);
    const claims = { ...personClaims('carcar-gateway'), aud: AUDIENCE, iat: now, exp: now + 60 };
    const app = refusingApp();
    await expect401(app, `Bearer ${base64url({ alg: 'none' })}.${base64url(claims)}.`, /ALG_NOT_ALLOWED/);
    await expect401(
      app,
      `Bearer ${base64url({ alg: 'none', kid: gateway.kid })}.${base64url(claims)}.`,
      /ALG_NOT_ALLOWED/,
    );
    // The classic confusion: HS256 "signed" with the public key's bytes as the shared secret.
    const hmac = await new SignJWT(claims)
      .setProtectedHeader({ alg: 'HS256', kid: gateway.kid })
      .sign(Buffer.from(gateway.x, 'base64url'));
    await expect401(app, `Bearer ${hmac}`, /ALG_NOT_ALLOWED/);
    const hmacOnJwk = await new SignJWT(claims)
      .setProtectedHeader({ alg: 'HS256', kid: gateway.kid })
      .sign(Buffer.from(JSON.stringify(keys.trustedKeys.keys[0])));
    await expect401(app, `Bearer ${hmacOnJwk}`, /ALG_NOT_ALLOWED/);
  });

  it('refuses an unknown or missing key id', async () => {
    const stranger = await generateSigningKey('carcar-gateway');
    const app = refusingApp();
    await expect401(
      app,
      `Bearer ${await rawToken(stranger.privateJwk, personClaims('carcar-gateway'))}`,
      /unknown key id/,
    );
    // A trusted key's id on a stranger's signature.
    const borrowed = { ...stranger.privateJwk, kid: keys.signing['carcar-gateway'].kid };
    await expect401(
      app,
      `Bearer ${await rawToken(borrowed, personClaims('carcar-gateway'))}`,
      /signature verification failed/,
    );
    const now = Math.floor(Date.now() / 1000);
    const noKid = await new SignJWT({ ...personClaims('carcar-gateway'), aud: AUDIENCE })
      .setProtectedHeader({ alg: 'EdDSA' })
      .setIssuedAt(now)
      .setExpirationTime(now + 60)
      .sign((await importJWK(keys.signing['carcar-gateway'], 'EdDSA')) as CryptoKey);
    await expect401(app, `Bearer ${noKid}`, /unknown key id/);
  });

  it("refuses claims beyond the issuer's right", async () => {
    const app = refusingApp();
    const salesKey = keys.signing['sales-api'];
    const gatewayKey = keys.signing['carcar-gateway'];
    // A service key speaking for a person, under its own name or the gateway's.
    await expect401(app, `Bearer ${await rawToken(salesKey, personClaims('sales-api'))}`, /only for itself/);
    await expect401(app, `Bearer ${await rawToken(salesKey, personClaims('carcar-gateway'))}`, /does not own the key/);
    // A service speaking for another service.
    await expect401(
      app,
      `Bearer ${await rawToken(salesKey, { iss: 'sales-api', sub: 'service:service-api' })}`,
      /only for itself/,
    );
    await expect401(
      app,
      `Bearer ${await rawToken(salesKey, { iss: 'service-api', sub: 'service:service-api' })}`,
      /does not own the key/,
    );
    // A service adding a role to its own credential.
    await expect401(
      app,
      `Bearer ${await rawToken(salesKey, { iss: 'sales-api', sub: 'service:sales-api', role: 'admin' })}`,
      /may not claim a role/,
    );
    // The gateway speaking for a service, or for a person without a valid role.
    await expect401(
      app,
      `Bearer ${await rawToken(gatewayKey, { iss: 'carcar-gateway', sub: 'service:sales-api' })}`,
      /only for a person or token/,
    );
    await expect401(
      app,
      `Bearer ${await rawToken(gatewayKey, { ...personClaims('carcar-gateway'), role: 'root' })}`,
      /only for a person or token/,
    );
    // Its own credential is fine.
    const own = await rawToken(salesKey, { iss: 'sales-api', sub: 'service:sales-api' });
    await request(app).get('/whoami').set('Authorization', `Bearer ${own}`).expect(200);
  });

  it("accepts the gateway's own credential as a service with no role, and nobody else's under its name", async () => {
    const app = refusingApp();
    const gatewayKey = keys.signing['carcar-gateway'];
    const salesKey = keys.signing['sales-api'];
    const signer = createCredentialSigner({ issuer: 'carcar-gateway', privateJwk: gatewayKey });
    const res = await request(app)
      .get('/whoami')
      .set('Authorization', `Bearer ${await signer.serviceCredential(AUDIENCE)}`)
      .expect(200);
    expect(res.body.actor).toEqual({ kind: 'service', service: 'carcar-gateway' });
    await expect401(
      app,
      `Bearer ${await rawToken(gatewayKey, { iss: 'carcar-gateway', sub: 'service:carcar-gateway', role: 'admin' })}`,
      /may not claim a role/,
    );
    await expect401(
      app,
      `Bearer ${await rawToken(salesKey, { iss: 'sales-api', sub: 'service:carcar-gateway' })}`,
      /only for itself/,
    );
    // Held by the gateway alone, the public estimate permission opens nothing a person may do.
    const gatewayHeaders = { Authorization: `Bearer ${await signer.serviceCredential(AUDIENCE)}` };
    await request(app).get('/can/estimates.public').set(gatewayHeaders).expect(200);
    await request(app).get('/can/sales.read').set(gatewayHeaders).expect(403);
    await expect(
      signer.sign({ audience: AUDIENCE, subject: 'service:carcar-gateway', claims: { name: 'Ada', role: 'admin' } }),
    ).rejects.toThrow();
  });

  it('logs why at debug level, never the token', async () => {
    const token = await testCredential({ role: 'admin', audience: 'inventory-api' });
    await expect401(refusingApp(), `Bearer ${token}`, /aud/);
    const log = logLines.join('');
    expect(log).toContain('credential refused');
    expect(log).not.toContain(token);
    expect(log).not.toContain(token.split('.')[2]);
  });
});

describe('key rotation', () => {
  it('accepts both keys while both are trusted, and refuses the dropped one', async () => {
    const old = await generateSigningKey('carcar-gateway');
    const next = await generateSigningKey('carcar-gateway');
    const claims = { name: 'Ada', role: 'admin' } as const;
    const oldToken = await createCredentialSigner({ issuer: 'carcar-gateway', privateJwk: old.privateJwk }).sign({
      audience: AUDIENCE,
      subject: 'user:1',
      claims,
    });
    const newToken = await createCredentialSigner({ issuer: 'carcar-gateway', privateJwk: next.privateJwk }).sign({
      audience: AUDIENCE,
      subject: 'user:1',
      claims,
    });
    const both = createCredentialVerifier({
      audience: AUDIENCE,
      trustedKeys: { keys: [old.publicJwk, next.publicJwk] },
    });
    await expect(both.verify(oldToken)).resolves.toMatchObject({ role: 'admin' });
    await expect(both.verify(newToken)).resolves.toMatchObject({ role: 'admin' });
    const onlyNew = createCredentialVerifier({ audience: AUDIENCE, trustedKeys: { keys: [next.publicJwk] } });
    await expect(onlyNew.verify(newToken)).resolves.toMatchObject({ role: 'admin' });
    await expect(onlyNew.verify(oldToken)).rejects.toThrow('unknown key id');
  });
});

describe('requirePermission', () => {
  // Every role against every permission, expected straight from the one table.
  it.each(roles)('lets %s through exactly where permissionsOf says', async (role) => {
    const app = appWith(verifier);
    const headers = await asRole(role, AUDIENCE);
    const held = new Set<string>(permissionsOf(role));
    for (const permission of [...permissions, ...servicePermissionList]) {
      const res = await request(app).get(`/can/${permission}`).set(headers);
      expect({ permission, status: res.status }).toEqual({ permission, status: held.has(permission) ? 200 : 403 });
      if (res.status === 403) {
        expect(res.body).toEqual({
          message: expect.stringMatching(/^You do not have permission to \w/),
          code: 'forbidden',
        });
      }
    }
  });

  it('says what is missing in a plain sentence', async () => {
    const res = await request(appWith(verifier))
      .get('/can/sales.void')
      .set(await asRole('sales', AUDIENCE))
      .expect(403);
    expect(res.body).toEqual({ message: 'You do not have permission to void sales', code: 'forbidden' });
  });

  it.each(['service-api', 'sales-api'] as const)('lets %s do only its own calls', async (service) => {
    const app = appWith(verifier);
    const headers = await asService(service, AUDIENCE);
    const held = new Set<Permission | ServicePermission>(servicePermissions[service]);
    for (const permission of [...permissions, ...servicePermissionList]) {
      const res = await request(app).get(`/can/${permission}`).set(headers);
      expect({ permission, status: res.status }).toEqual({ permission, status: held.has(permission) ? 200 : 403 });
    }
  });

  it('lets an own-only holder reach the route, narrowed to their records', async () => {
    const app = appWith(verifier);
    const mine = await request(app)
      .get('/sales')
      .set(await asRole('sales', AUDIENCE, { salesperson_id: 4 }))
      .expect(200);
    expect(mine.body).toEqual({ scope: { ownerId: 4 } });
    const all = await request(app)
      .get('/sales')
      .set(await asRole('manager', AUDIENCE))
      .expect(200);
    expect(all.body).toEqual({ scope: 'all' });
    await request(app)
      .get('/sales')
      .set(await asRole('technician', AUDIENCE))
      .expect(403);
  });

  it("answers 403 when a technician finishes another's appointment", async () => {
    const app = appWith(verifier);
    const technician = await asRole('technician', AUDIENCE, { technician_id: 7, id: 'tech-7' });
    await request(app).post('/appointments/7/finish').set(technician).expect(200);
    const other = await request(app).post('/appointments/8/finish').set(technician).expect(403);
    expect(other.body).toEqual({ message: 'You do not have permission to finish appointments', code: 'forbidden' });
    await request(app)
      .post('/appointments/8/finish')
      .set(await asRole('service', AUDIENCE))
      .expect(200);
    await request(app)
      .post('/appointments/7/finish')
      .set(await asRole('sales', AUDIENCE, { technician_id: 7, id: 'odd' }))
      .expect(403);
  });
});

describe('the verified-credential cache', () => {
  function observed(options: { clockToleranceSeconds?: number; cacheSize?: number } = {}) {
    const events: VerificationEvent['outcome'][] = [];
    const counted = createCredentialVerifier({
      audience: AUDIENCE,
      trustedKeys: keys.trustedKeys,
      observe: (event) => events.push(event.outcome),
      ...options,
    });
    return { counted, events };
  }

  it('verifies each distinct credential once, also when asked concurrently', async () => {
    const { counted, events } = observed();
    const token = await testCredential({ role: 'manager', audience: AUDIENCE, id: 'cache' });
    const actors = await Promise.all([counted.verify(token), counted.verify(token), counted.verify(token)]);
    expect(actors[1]).toBe(actors[0]);
    await counted.verify(token);
    // Three concurrent calls shared one verification; the fourth was a cache hit.
    expect(events).toEqual(['verified', 'verified', 'verified', 'cached']);
  });

  it('refuses a cached credential once it expires', async () => {
    const { counted, events } = observed({ clockToleranceSeconds: 0 });
    const shortLived = createCredentialSigner({
      issuer: 'carcar-gateway',
      privateJwk: keys.signing['carcar-gateway'],
      lifetimeSeconds: 2,
    });
    const token = await shortLived.sign({
      audience: AUDIENCE,
      subject: 'user:1',
      claims: { name: 'A', role: 'admin' },
    });
    await counted.verify(token);
    await counted.verify(token);
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.now() + 3_000);
    await expect(counted.verify(token)).rejects.toThrow(/exp/);
    expect(events).toEqual(['verified', 'cached', 'refused']);
  });

  it('forgets the oldest beyond its size', async () => {
    const { counted, events } = observed({ cacheSize: 2 });
    const tokens = await Promise.all(
      ['a', 'b', 'c'].map((id) => testCredential({ role: 'sales', audience: AUDIENCE, id: `size-${id}` })),
    );
    for (const token of tokens) await counted.verify(token);
    await counted.verify(tokens[2] as string);
    await counted.verify(tokens[0] as string);
    expect(events).toEqual(['verified', 'verified', 'verified', 'cached', 'verified']);
  });
});

describe('signing', () => {
  const claims = { name: 'Ada', role: 'admin' } as const;

  it('signs 60 s credentials the verifier accepts', async () => {
    const signer = createCredentialSigner({ issuer: 'carcar-gateway', privateJwk: keys.signing['carcar-gateway'] });
    const token = await signer.sign({
      audience: AUDIENCE,
      subject: 'user:5',
      claims: { ...claims, salesperson_id: 3 },
    });
    const payload = JSON.parse(Buffer.from(token.split('.')[1] as string, 'base64url').toString()) as JWTPayload;
    expect(payload).toMatchObject({ iss: 'carcar-gateway', aud: AUDIENCE, sub: 'user:5', salesperson_id: 3 });
    expect((payload.exp ?? 0) - (payload.iat ?? 0)).toBe(60);
    await expect(verifier.verify(token)).resolves.toMatchObject({ kind: 'person', id: '5', salesperson_id: 3 });
  });

  it('reuses a credential until half its lifetime is left', async () => {
    const signer = createCredentialSigner({ issuer: 'carcar-gateway', privateJwk: keys.signing['carcar-gateway'] });
    vi.useFakeTimers({ toFake: ['Date'] });
    const first = await signer.credentialFor('user:1', AUDIENCE, claims);
    expect(await signer.credentialFor('user:1', AUDIENCE, claims)).toBe(first);
    // Another audience, actor or role is another credential.
    expect(await signer.credentialFor('user:1', 'inventory-api', claims)).not.toBe(first);
    expect(await signer.credentialFor('user:2', AUDIENCE, claims)).not.toBe(first);
    expect(await signer.credentialFor('user:1', AUDIENCE, { ...claims, role: 'sales' })).not.toBe(first);
    vi.setSystemTime(Date.now() + 29_000);
    expect(await signer.credentialFor('user:1', AUDIENCE, claims)).toBe(first);
    vi.setSystemTime(Date.now() + 2_000);
    expect(await signer.credentialFor('user:1', AUDIENCE, claims)).not.toBe(first);
  });

  it('refuses to sign what the verifier would refuse', async () => {
    const gateway = createCredentialSigner({ issuer: 'carcar-gateway', privateJwk: keys.signing['carcar-gateway'] });
    await expect(gateway.sign({ audience: AUDIENCE, subject: 'service:sales-api' })).rejects.toThrow();
    await expect(gateway.sign({ audience: AUDIENCE, subject: 'user:1' })).rejects.toThrow();
    const sales = createCredentialSigner({ issuer: 'sales-api', privateJwk: keys.signing['sales-api'] });
    await expect(sales.sign({ audience: 'inventory-api', subject: 'service:service-api' })).rejects.toThrow();
    await expect(sales.sign({ audience: 'inventory-api', subject: 'user:1', claims })).rejects.toThrow();
    expect(() => createCredentialSigner({ issuer: 'sales-api', privateJwk: keys.signing['service-api'] })).toThrow(
      /does not belong/,
    );
    expect(() =>
      createCredentialSigner({ issuer: 'sales-api', privateJwk: keys.signing['sales-api'], lifetimeSeconds: 121 }),
    ).toThrow(/120/);
  });
});

describe('keys', () => {
  it('parses the variables and names the one that is wrong', async () => {
    const { privateJwk, publicJwk } = await generateSigningKey('service-api');
    expect(parseSigningKey(JSON.stringify(privateJwk))).toEqual(privateJwk);
    expect(parseTrustedKeys(JSON.stringify({ keys: [publicJwk] }))).toEqual({ keys: [publicJwk] });
    expect(() => parseSigningKey(undefined)).toThrow('CARCAR_SIGNING_KEY is not set');
    expect(() => parseSigningKey('{oops')).toThrow(/^CARCAR_SIGNING_KEY is invalid: must be JSON/);
    expect(() => parseSigningKey(JSON.stringify(publicJwk))).toThrow(/^CARCAR_SIGNING_KEY is invalid: d:/);
    expect(() => parseSigningKey(JSON.stringify({ ...privateJwk, kid: 'no-issuer' }))).toThrow(/kid/);
    expect(() => parseTrustedKeys('{"keys": []}')).toThrow(/^CARCAR_TRUSTED_KEYS is invalid/);
    // A private key in the trusted set is a leaked secret: refused, not silently trimmed.
    expect(() => parseTrustedKeys(JSON.stringify({ keys: [privateJwk] }))).toThrow(/must be public/);
    expect(() => parseTrustedKeys(JSON.stringify({ keys: [publicJwk, publicJwk] }))).toThrow(/unique/);
    expect(() => parseTrustedKeys(JSON.stringify({ keys: [{ ...publicJwk, crv: 'P-256' }] }))).toThrow(/crv/);
  });

  it('makes development keys once, private ones readable by the owner only', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'carcar-keys-'));
    try {
      const issuerList: Issuer[] = ['carcar-gateway', 'service-api', 'sales-api'];
      const first = await ensureDevelopmentKeys(path.join(dir, 'keys'), issuerList);
      const again = await ensureDevelopmentKeys(path.join(dir, 'keys'), issuerList);
      expect(again).toEqual(first);
      for (const file of await readdir(path.join(dir, 'keys'))) {
        expect((await stat(path.join(dir, 'keys', file))).mode & 0o777).toBe(0o600);
      }
      const trustedKeys: TrustedKeySet = parseTrustedKeys(first.CARCAR_TRUSTED_KEYS);
      expect(trustedKeys.keys.map((key) => key.kid.split(':')[0])).toEqual(issuerList);
      // What one process signs with its variable, another verifies with the shared set.
      const sales = createCredentialSigner({
        issuer: 'sales-api',
        privateJwk: parseSigningKey(first.CARCAR_SIGNING_KEY['sales-api']),
      });
      for (const audience of serviceNames) {
        const inventory = createCredentialVerifier({ audience, trustedKeys });
        await expect(inventory.verify(await sales.serviceCredential(audience))).resolves.toEqual({
          kind: 'service',
          service: 'sales-api',
        });
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('makes the same keys for four services starting at once in one process (npm start runs them as threads)', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'carcar-keys-'));
    try {
      const issuerList: Issuer[] = ['carcar-gateway', 'service-api', 'sales-api'];
      // One pid for all four: each key must still be written under a name no other caller uses.
      const callers = ['inventory', 'service', 'sales', 'gateway'];
      const made = await Promise.all(callers.map(() => ensureDevelopmentKeys(path.join(dir, 'keys'), issuerList)));
      for (const keys of made) expect(keys).toEqual(made[0]);
      expect((await readdir(path.join(dir, 'keys'))).filter((file) => file.endsWith('.tmp'))).toEqual([]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
