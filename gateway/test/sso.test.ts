import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Role } from '@carcar/common/contract/permissions';
import { desc } from 'drizzle-orm';
import Provider from 'oidc-provider';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../src/db/schema.js';
import { FLOW_COOKIE, flowKey, openFlow, sealFlow } from '../src/identity/sso/flow.js';
import { ADMIN, addUser, CSRF, startGateway, type TestGateway } from './helpers.js';

// A real OpenID provider (oidc-provider, in memory, its development login and consent pages) on
// a loopback port, and the gateway signing people in through it over HTTP: every redirect is
// followed with the cookies each side set, as a browser would.

const CLIENT = { id: 'carcar-gateway', secret: 'a client secret for the test provider' };
const APP = 'http://localhost:3000';
const SESSION_SECRET = 'a test secret that is long enough to sign cookies';

/** The provider's people: the login typed on its page → what it says about them. */
const accounts = new Map<string, { email: string; email_verified: boolean }>();

let idp: Server;
let issuer: string;

/** A real OpenID provider on a loopback port (0: any free one), with the gateway as its client. */
async function startProvider(port = 0): Promise<{ server: Server; issuer: string }> {
  const server = createServer();
  server.listen(port, '127.0.0.1');
  await once(server, 'listening');
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const provider = new Provider(url, {
    clients: [
      {
        client_id: CLIENT.id,
        client_secret: CLIENT.secret,
        redirect_uris: [`${APP}/auth/sso/callback`],
        grant_types: ['authorization_code'],
        response_types: ['code'],
      },
    ],
    claims: { openid: ['sub'], email: ['email', 'email_verified'] },
    cookies: { keys: ['a cookie key for the test provider'] },
    ttl: { Interaction: 600, Session: 600, Grant: 600, AccessToken: 600, IdToken: 600, AuthorizationCode: 60 },
    findAccount: (_ctx, id) => {
      const account = accounts.get(id);
      if (!account) return undefined;
      return { accountId: id, claims: () => ({ sub: id, ...account }) };
    },
  });
  server.on('request', provider.callback());
  return { server, issuer: url };
}

/** The gateway's settings for signing in through the provider at `at`, its button named 'Dealer Login'. */
const providerEnv = (at: string) => ({
  OIDC_ISSUER: at,
  OIDC_CLIENT_ID: CLIENT.id,
  OIDC_CLIENT_SECRET: CLIENT.secret,
  OIDC_NAME: 'Dealer Login',
});

async function stopProvider(server: Server): Promise<void> {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
}

beforeAll(async () => {
  ({ server: idp, issuer } = await startProvider());
});

afterAll(() => stopProvider(idp));

/** Cookies by name for one site (the provider's paths are all distinct names). */
class Jar {
  private readonly cookies = new Map<string, string>();
  take(setCookies: string[]): void {
    for (const line of setCookies) {
      const [pair = ''] = line.split(';');
      const at = pair.indexOf('=');
      const name = pair.slice(0, at).trim();
      const value = pair.slice(at + 1);
      if (value === '' || /expires=Thu, 01 Jan 1970/i.test(line)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }
  get(name: string): string | undefined {
    return this.cookies.get(name);
  }
  set(name: string, value: string): void {
    this.cookies.set(name, value);
  }
  header(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }
}

const setCookiesOf = (res: { headers: Record<string, unknown> }): string[] => {
  const value = res.headers['set-cookie'];
  return Array.isArray(value) ? (value as string[]) : [];
};

/**
 * The browser's part: GET /auth/sso/start at the gateway, then the provider's pages (login as
 * `login`, then consent) until the provider sends the browser back to the app. Returns the
 * callback (path and query) and the gateway's cookie jar; the callback is not yet opened.
 */
async function throughProvider(gw: TestGateway, login: string, expectedIssuer = issuer) {
  const app = new Jar();
  const start = await request(gw.app).get('/auth/sso/start').expect(302);
  app.take(setCookiesOf(start));
  const providerJar = new Jar();
  let url = new URL(String(start.headers.location));
  expect(url.origin).toBe(expectedIssuer);
  expect(url.searchParams.get('code_challenge_method')).toBe('S256');
  expect(url.searchParams.get('state')).toBeTruthy();
  expect(url.searchParams.get('nonce')).toBeTruthy();
  for (let step = 0; step < 20; step += 1) {
    if (url.origin === APP) return { callback: `${url.pathname}${url.search}`, app };
    let res = await fetch(url, { redirect: 'manual', headers: { cookie: providerJar.header() } });
    providerJar.take(res.headers.getSetCookie());
    if (res.status === 200) {
      const page = await res.text();
      const prompt = /name="prompt" value="(\w+)"/.exec(page)?.[1];
      if (!prompt) throw new Error(`unexpected provider page: ${page.slice(0, 300)}`);
      const form = new URLSearchParams({ prompt, login, password: 'anything' });
      res = await fetch(url, {
        method: 'POST',
        redirect: 'manual',
        headers: { cookie: providerJar.header(), 'content-type': 'application/x-www-form-urlencoded' },
        body: form.toString(),
      });
      providerJar.take(res.headers.getSetCookie());
    }
    const location = res.headers.get('location');
    if (res.status < 300 || res.status >= 400 || !location) {
      throw new Error(`provider answered ${res.status}: ${(await res.text()).slice(0, 300)}`);
    }
    url = new URL(location, url);
  }
  throw new Error('too many redirects');
}

/** Opens the callback with the gateway's cookies; returns where it sends the browser and the session cookie. */
async function callback(gw: TestGateway, path: string, app: Jar) {
  const res = await request(gw.app).get(path).set('Cookie', app.header()).expect(302);
  app.take(setCookiesOf(res));
  return { location: String(res.headers.location), session: app.get('carcar.sid'), res };
}

async function signInThroughProvider(gw: TestGateway, login: string, expectedIssuer = issuer) {
  const { callback: path, app } = await throughProvider(gw, login, expectedIssuer);
  return callback(gw, path, app);
}

const me = (gw: TestGateway, session: string | undefined) =>
  request(gw.app).get('/auth/me').set('Cookie', `carcar.sid=${session}`);

async function lastEntry(gw: TestGateway) {
  const [entry] = await gw.db.select().from(auditLog).orderBy(desc(auditLog.id)).limit(1);
  return entry;
}

/** A CarCar user of `role` whom the provider knows as `login`, by the same email. */
async function providerUser(gw: TestGateway, login: string, role: Role, email_verified = true) {
  const user = await addUser(gw, role);
  accounts.set(login, { email: user.email, email_verified });
  return user;
}

/** The callback sent the browser back to the sign-in page saying `error`, with no session. */
function expectRefused(result: { location: string; session: string | undefined }, error: string): void {
  expect(result.location).toBe(`/sign-in?sso_error=${error}`);
  expect(result.session).toBeUndefined();
}

describe('single sign-on', () => {
  let gw: TestGateway;
  beforeAll(async () => {
    gw = await startGateway(providerEnv(issuer));
  });
  afterAll(() => gw.close());

  it('signs the matching enabled user in, with their CarCar role, and says so in the trail', async () => {
    const tech = await addUser(gw, 'technician');
    // The provider's email differs in case: one person all the same.
    accounts.set('tess', { email: tech.email.toUpperCase(), email_verified: true });
    const { location, session } = await signInThroughProvider(gw, 'tess');
    expect(location).toBe('/');
    expect(session).toBeTruthy();
    const who = await me(gw, session).expect(200);
    expect(who.body).toMatchObject({ id: tech.id, email: tech.email, role: 'technician' });
    expect(who.body.permissions).toContain('appointments.finish.own');
    expect(await lastEntry(gw)).toMatchObject({
      action: 'sign_in',
      entity: 'user',
      entityId: String(tech.id),
      reason: 'Single sign-on',
      actor: { kind: 'person', id: String(tech.id), role: 'technician' },
    });
    // The session is an ordinary one: signing out ends it.
    await request(gw.app).post('/auth/logout').set(CSRF).set('Cookie', `carcar.sid=${session}`).expect(204);
    await me(gw, session).expect(401);
  });

  it('goes back where the person was going, but only to a path of this app', async () => {
    await providerUser(gw, 'mia', 'manager');
    const start = await request(gw.app).get('/auth/sso/start?next=//evil.example/x').expect(302);
    const flow = await openFlow(flowKey(SESSION_SECRET), /carcar\.sso=([^;]+)/.exec(setCookiesOf(start)[0] ?? '')?.[1]);
    expect(flow.flow?.next).toBe('/');
  });

  it('creates no account for an email no CarCar user has', async () => {
    accounts.set('stranger', { email: 'stranger@elsewhere.test', email_verified: true });
    const before = await gw.users.list();
    expectRefused(await signInThroughProvider(gw, 'stranger'), 'no_account');
    expect(await gw.users.list()).toHaveLength(before.length);
    expect(await lastEntry(gw)).toMatchObject({
      action: 'sign_in_failed',
      entityId: 'stranger@elsewhere.test',
      reason: 'Single sign-on: no account has this email',
    });
  });

  it('refuses a disabled user', async () => {
    const sales = await providerUser(gw, 'sam', 'sales');
    await gw.users.update(sales.id, { disabled: true }, { actor: { service: 'test-setup' }, request_id: 't' });
    expectRefused(await signInThroughProvider(gw, 'sam'), 'disabled');
  });

  it('refuses an email the provider has not verified', async () => {
    await providerUser(gw, 'val', 'service', false);
    expectRefused(await signInThroughProvider(gw, 'val'), 'email_not_verified');
  });

  it('refuses a callback whose state is not the one this browser sent', async () => {
    await providerUser(gw, 'sid', 'service');
    const { callback: path, app } = await throughProvider(gw, 'sid');
    const forged = new URL(path, APP);
    forged.searchParams.set('state', 'not-the-state-that-was-sent');
    expectRefused(await callback(gw, `${forged.pathname}${forged.search}`, app), 'failed');
  });

  it('refuses a callback in a browser that did not start the sign-in (no flow cookie)', async () => {
    await providerUser(gw, 'lou', 'service');
    const { callback: path } = await throughProvider(gw, 'lou');
    expectRefused(await callback(gw, path, new Jar()), 'failed');
  });

  it('refuses a tampered flow cookie', async () => {
    await providerUser(gw, 'tam', 'service');
    const { callback: path, app } = await throughProvider(gw, 'tam');
    const sealed = app.get(FLOW_COOKIE) ?? '';
    const last = sealed.at(-2) === 'A' ? 'B' : 'A';
    app.set(FLOW_COOKIE, `${sealed.slice(0, -2)}${last}${sealed.at(-1)}`);
    expectRefused(await callback(gw, path, app), 'failed');
  });

  it('refuses an expired flow, even with everything else right', async () => {
    await providerUser(gw, 'exp', 'service');
    const { callback: path, app } = await throughProvider(gw, 'exp');
    const key = flowKey(SESSION_SECRET);
    const opened = await openFlow(key, app.get(FLOW_COOKIE));
    if (!opened.flow) throw new Error('the flow cookie did not open');
    app.set(FLOW_COOKIE, await sealFlow(key, opened.flow, new Date(Date.now() - 60_000)));
    expectRefused(await callback(gw, path, app), 'expired');
  });

  it('refuses a code used twice', async () => {
    await providerUser(gw, 'twice', 'service');
    const { callback: path, app } = await throughProvider(gw, 'twice');
    const cookie = app.header();
    expect((await callback(gw, path, app)).session).toBeTruthy();
    const again = await request(gw.app).get(path).set('Cookie', cookie).expect(302);
    expect(again.headers.location).toBe('/sign-in?sso_error=failed');
  });

  it('names the button in /config.js', async () => {
    const res = await request(gw.app).get('/config.js').expect(200);
    expect(res.text).toContain('"ssoName":"Dealer Login"');
  });

  it('keeps password sign-in working', async () => {
    await request(gw.app).post('/auth/login').set(CSRF).send(ADMIN).expect(200);
  });
});

describe('single sign-on off', () => {
  let gw: TestGateway;
  beforeAll(async () => {
    gw = await startGateway();
  });
  afterAll(() => gw.close());

  it('has no SSO routes and no button', async () => {
    await request(gw.app).get('/auth/sso/start').expect(404);
    const res = await request(gw.app).get('/config.js').expect(200);
    expect(res.text).toContain('"ssoName":null');
  });

  it('refuses SSO_REQUIRED without a provider, and half a provider', async () => {
    const { gatewayEnv } = await import('../src/config.js');
    expect(gatewayEnv.safeParse({ SSO_REQUIRED: 'true' }).success).toBe(false);
    expect(gatewayEnv.safeParse({ OIDC_ISSUER: 'https://idp.example' }).success).toBe(false);
  });
});

describe('single sign-on with the provider down', () => {
  it('sends the browser back to the sign-in page saying so, and discovers the provider once it is up', async () => {
    // A loopback port nothing listens on yet.
    const probe = createServer();
    probe.listen(0, '127.0.0.1');
    await once(probe, 'listening');
    const port = (probe.address() as AddressInfo).port;
    await new Promise((resolve) => probe.close(resolve));
    const gw = await startGateway(providerEnv(`http://127.0.0.1:${port}`));
    try {
      const down = await request(gw.app).get('/auth/sso/start').expect(302);
      expect(down.headers.location).toBe('/sign-in?sso_error=unavailable');
      expect(setCookiesOf(down)).toEqual([]);

      const late = await startProvider(port);
      try {
        await providerUser(gw, 'late', 'manager');
        const { session } = await signInThroughProvider(gw, 'late', late.issuer);
        expect((await me(gw, session).expect(200)).body.role).toBe('manager');
      } finally {
        await stopProvider(late.server);
      }
    } finally {
      await gw.close();
    }
  });
});

describe('SSO_REQUIRED', () => {
  let gw: TestGateway;
  beforeAll(async () => {
    gw = await startGateway({
      ...providerEnv(issuer),
      SSO_REQUIRED: 'true',
      CARCAR_ADMIN_EMAIL: ADMIN.email,
      CARCAR_ADMIN_PASSWORD: ADMIN.password,
    });
  });
  afterAll(() => gw.close());

  it('refuses password sign-in for everyone but the first administrator', async () => {
    const otherAdmin = await addUser(gw, 'admin');
    const refused = await request(gw.app)
      .post('/auth/login')
      .set(CSRF)
      .send({ email: otherAdmin.email, password: otherAdmin.password })
      .expect(403);
    expect(refused.body).toMatchObject({ code: 'forbidden' });
    expect(refused.body.message).toContain('Dealer Login');
    expect(refused.headers['set-cookie']).toBeUndefined();
    expect(await lastEntry(gw)).toMatchObject({ action: 'sign_in_failed', entityId: otherAdmin.email });
    // Even a wrong password gets the same answer: nothing is learned about it.
    await request(gw.app)
      .post('/auth/login')
      .set(CSRF)
      .send({ email: otherAdmin.email, password: 'wrong' })
      .expect(403);
    // The first administrator, in any case, keeps a password.
    await request(gw.app)
      .post('/auth/login')
      .set(CSRF)
      .send({ email: ADMIN.email.toUpperCase(), password: ADMIN.password })
      .expect(200);
  });

  it('still signs people in through the provider', async () => {
    await providerUser(gw, 'req-manager', 'manager');
    const { session } = await signInThroughProvider(gw, 'req-manager');
    expect((await me(gw, session).expect(200)).body.role).toBe('manager');
  });
});
