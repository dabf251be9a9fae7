import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, CSRF, sessionCookie, signedIn, startGateway, type TestGateway } from './helpers.js';

// The findings of the penetration test (issue 25) that concern the gateway, each reproduced as
// it was reported.

let gw: TestGateway;
beforeAll(async () => {
  gw = await startGateway();
});
afterAll(() => gw.close());

async function userCount(): Promise<number> {
  return (await gw.users.list()).length;
}

async function adminCookie(): Promise<string> {
  const login = await gw.api().post('/auth/login').set(CSRF).send({ email: ADMIN.email, password: ADMIN.password });
  const cookie = sessionCookie(login);
  if (!cookie) throw new Error('no session cookie');
  return cookie;
}

let made = 0;
function newUser() {
  made += 1;
  return {
    email: `pentest${made}@dealer.test`,
    name: `Pen Test ${made}`,
    role: 'sales',
    password: 'a long enough passphrase 7',
  };
}

describe('#3: the sign-in CSRF check does not depend on the path', () => {
  it('refuses a sign-in without X-CarCar-CSRF at any spelling of /auth/login, and sets no cookie', async () => {
    for (const path of ['/auth/login', '/Auth/Login', '/auth/login/', '/AUTH/LOGIN/', '/auth/Login']) {
      const res = await gw.api().post(path).send({ email: ADMIN.email, password: ADMIN.password });
      expect({ path, status: res.status }).toEqual({ path, status: 403 });
      expect(sessionCookie(res)).toBeUndefined();
    }
    // With the header, the spellings the router accepts still sign in.
    await gw.api().post('/auth/login/').set(CSRF).send({ email: ADMIN.email, password: ADMIN.password }).expect(200);
  });

  it('refuses every other write without Authorization and without the header, whatever its path', async () => {
    const cookie = await adminCookie();
    const before = await userCount();
    for (const path of ['/auth/users', '/Auth/Users', '/auth/users/', '/AUTH/USERS/']) {
      await gw.api().post(path).set('Cookie', cookie).send(newUser()).expect(403);
    }
    expect(await userCount()).toBe(before);
    // A forwarded API without any credential still answers 401 (nothing there can sign it in).
    await gw.api().post('/inventory/api/manufacturers/').send({ name: 'X' }).expect(401);
  });
});

describe('#4: the CSRF check does not read the cookie by a pattern', () => {
  it('refuses a write whose session cookie is spelt "carcar.sid =…" without the header', async () => {
    const cookie = await adminCookie();
    const value = cookie.slice(cookie.indexOf('=') + 1);
    const before = await userCount();
    for (const spelt of [`carcar.sid =${value}`, ` carcar.sid=${value}`, `other=1;carcar.sid = ${value}`]) {
      const res = await gw.api().post('/auth/users').set('Cookie', spelt).send(newUser());
      expect({ spelt, status: res.status }).toEqual({ spelt, status: 403 });
    }
    expect(await userCount()).toBe(before);
    // The same cookie with the header is a signed-in administrator (the spelling does authenticate).
    await gw.api().post('/auth/users').set('Cookie', `carcar.sid =${value}`).set(CSRF).send(newUser()).expect(201);
  });
});
