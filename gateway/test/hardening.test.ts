import { describe, expect, it } from 'vitest';
import { gatewayEnv } from '../src/config.js';
import { ADMIN, addUser, CSRF, gatewayForFile, sessionCookie, signedIn, startGateway, TEST_SETUP } from './helpers.js';

// The findings of the penetration test (issue 25) that concern the gateway, each reproduced as
// it was reported.

const gw = await gatewayForFile();

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

describe('#2: API tokens do not outlive their owner', () => {
  it('gives a token made with another token the same owner: disabling the admin stops both', async () => {
    const owner = await addUser(gw, 'admin');
    const theirs = await signedIn(gw, owner.email, owner.password);
    const first = (await theirs.post('/auth/tokens').set(CSRF).send({ name: 'first', role: 'admin' }).expect(201)).body
      .token as string;
    const made = await gw
      .api()
      .post('/auth/tokens')
      .auth(first, { type: 'bearer' })
      .send({ name: 'second', role: 'admin' })
      .expect(201);
    const second = made.body.token as string;
    const listed = (await theirs.get('/auth/tokens').expect(200)).body.tokens as Array<{
      id: number;
      created_by: number;
    }>;
    expect(listed.find((token) => token.id === made.body.id)?.created_by).toBe(owner.id);

    const admin = await signedIn(gw, ADMIN.email, ADMIN.password);
    await admin.put(`/auth/users/${owner.id}`).set(CSRF).send({ disabled: true }).expect(200);
    const before = await userCount();
    const refused = await gw
      .api()
      .post('/auth/users')
      .auth(second, { type: 'bearer' })
      .send({ ...newUser(), role: 'admin' });
    expect(refused.status).toBe(401);
    await gw.api().get('/auth/me').auth(second, { type: 'bearer' }).expect(401);
    expect(await userCount()).toBe(before);
  });

  it("stops an administrator's token once its owner is disabled: it can no longer create users", async () => {
    const owner = await addUser(gw, 'admin');
    const theirs = await signedIn(gw, owner.email, owner.password);
    const token = (await theirs.post('/auth/tokens').set(CSRF).send({ name: 'script', role: 'admin' }).expect(201)).body
      .token as string;
    await gw.api().post('/auth/users').auth(token, { type: 'bearer' }).send(newUser()).expect(201);

    const admin = await signedIn(gw, ADMIN.email, ADMIN.password);
    await admin.put(`/auth/users/${owner.id}`).set(CSRF).send({ disabled: true }).expect(200);
    const before = await userCount();
    await gw.api().post('/auth/users').auth(token, { type: 'bearer' }).send(newUser()).expect(401);
    await gw.api().get('/auth/me').auth(token, { type: 'bearer' }).expect(401);
    expect(await userCount()).toBe(before);
  });

  it("takes an administrator's token's rights away when the administrator is demoted", async () => {
    const owner = await addUser(gw, 'admin');
    const theirs = await signedIn(gw, owner.email, owner.password);
    const adminToken = (await theirs.post('/auth/tokens').set(CSRF).send({ name: 'admin', role: 'admin' }).expect(201))
      .body.token as string;
    const salesToken = (await theirs.post('/auth/tokens').set(CSRF).send({ name: 'sales', role: 'sales' }).expect(201))
      .body.token as string;
    await gw.api().get('/auth/users').auth(adminToken, { type: 'bearer' }).expect(200);

    const admin = await signedIn(gw, ADMIN.email, ADMIN.password);
    await admin.put(`/auth/users/${owner.id}`).set(CSRF).send({ role: 'sales' }).expect(200);
    const before = await userCount();
    await gw.api().post('/auth/users').auth(adminToken, { type: 'bearer' }).send(newUser()).expect(401);
    await gw.api().get('/auth/users').auth(adminToken, { type: 'bearer' }).expect(401);
    expect(await userCount()).toBe(before);
    // A token within the owner's new role goes on working.
    const me = await gw.api().get('/auth/me').auth(salesToken, { type: 'bearer' }).expect(200);
    expect(me.body.role).toBe('sales');
    // Promoted back, the administrator's token works again: the check is against the owner now.
    await admin.put(`/auth/users/${owner.id}`).set(CSRF).send({ role: 'admin' }).expect(200);
    await gw.api().get('/auth/users').auth(adminToken, { type: 'bearer' }).expect(200);
  });
});

describe('#6: deeply nested JSON is a 400 before sign-in', () => {
  it('refuses a sign-in body nested 45,000 deep with a plain 400 and logs no error', async () => {
    const deep = `${'['.repeat(45_000)}${']'.repeat(45_000)}`;
    const res = await gw
      .api()
      .post('/auth/login')
      .set(CSRF)
      .set('Content-Type', 'application/json')
      .send(`{"email": "a@b.c", "password": ${deep}}`)
      .expect(400);
    expect(res.body).toMatchObject({ code: 'validation_error', message: 'The JSON nests more than 32 levels deep' });
    expect(gw.log.text()).not.toContain('Maximum call stack');
    expect(gw.log.text()).not.toContain('unhandled error');
  });
});

describe('#9: passwords are checked for more than length', () => {
  it('refuses blank, one-key and common passwords for a new user and a changed password, naming the field', async () => {
    const admin = await signedIn(gw, ADMIN.email, ADMIN.password);
    const before = await userCount();
    for (const password of [
      'aaaaaaaaaaaa',
      ' '.repeat(12),
      'abababababab',
      'password1234',
      'Qwerty123456',
      '1q2w3e4r5t6y',
    ]) {
      const res = await admin
        .post('/auth/users')
        .set(CSRF)
        .send({ ...newUser(), password });
      expect({ password, status: res.status }).toEqual({ password, status: 400 });
      expect(res.body.errors.map((error: { path: string }) => error.path)).toEqual(['password']);
    }
    expect(await userCount()).toBe(before);
    const changed = await admin
      .put(`/auth/users/${gw.admin.id}`)
      .set(CSRF)
      .send({ password: 'password1234' })
      .expect(400);
    expect(changed.body.errors[0]).toEqual({
      path: 'password',
      message: 'must not be one of the most common passwords; choose another',
    });
    // The first administrator's password from the environment is held to the same rules.
    const configured = gatewayEnv.safeParse({
      CARCAR_ADMIN_EMAIL: 'a@dealer.test',
      CARCAR_ADMIN_PASSWORD: ' '.repeat(12),
    });
    expect(configured.success).toBe(false);
    // A long passphrase of ordinary words is fine.
    await admin
      .post('/auth/users')
      .set(CSRF)
      .send({ ...newUser(), password: 'tractor lemon harbour 42' })
      .expect(201);
  });
});

describe('#10: the last-admin check holds under two demotions at once', () => {
  it('refuses, inside the update itself, the one of two simultaneous demotions that would leave no administrator', async () => {
    const own = await startGateway();
    try {
      const second = await addUser(own, 'admin');
      // Straight at the repository, both at once: no check before the transaction can help.
      const outcomes = await Promise.allSettled([
        own.users.update(second.id, { role: 'manager' }, TEST_SETUP),
        own.users.update(own.admin.id, { disabled: true }, TEST_SETUP),
      ]);
      expect(outcomes.map((outcome) => outcome.status).sort()).toEqual(['fulfilled', 'rejected']);
      const refused = outcomes.find((outcome) => outcome.status === 'rejected');
      expect(refused?.reason).toMatchObject({ status: 409, code: 'conflict' });
      const admins = (await own.users.list()).filter((user) => user.role === 'admin' && !user.disabled);
      expect(admins).toHaveLength(1);

      // Through the API, the last one left answers 409 naming the field.
      const admin = await signedIn(
        own,
        admins[0]?.email ?? '',
        admins[0]?.id === own.admin.id ? ADMIN.password : second.password,
      );
      const last = await admin.put(`/auth/users/${admins[0]?.id}`).set(CSRF).send({ role: 'sales' }).expect(409);
      expect(last.body.errors).toEqual([{ path: 'role', message: 'would leave no active administrator' }]);
    } finally {
      await own.close();
    }
  });
});

describe('#10: the session cookie is Secure when the app is served over https', () => {
  function setCookie(res: { headers: Record<string, unknown> }): string {
    const cookies = res.headers['set-cookie'];
    return (Array.isArray(cookies) ? (cookies as string[]) : []).find((c) => c.startsWith('carcar.sid=')) ?? '';
  }

  it('sets Secure with an https PUBLIC_ORIGIN even on a plain-http hop, and honours X-Forwarded-Proto only with TRUST_PROXY', async () => {
    const https = await startGateway({ PUBLIC_ORIGIN: 'https://carcar.example' });
    try {
      const login = await https
        .api()
        .post('/auth/login')
        .set(CSRF)
        .send({ email: ADMIN.email, password: ADMIN.password });
      expect(login.status).toBe(200);
      expect(setCookie(login)).toMatch(/; Secure/i);
      const cookie = setCookie(login).split(';')[0] ?? '';
      await https.api().get('/auth/me').set('Cookie', cookie).expect(200);
      const logout = await https.api().post('/auth/logout').set('Cookie', cookie).set(CSRF).expect(204);
      expect(setCookie(logout)).toMatch(/; Secure/i);
    } finally {
      await https.close();
    }
    // An http address: no Secure on plain http, and a forged X-Forwarded-Proto is not believed…
    const plain = await gw
      .api()
      .post('/auth/login')
      .set(CSRF)
      .set('X-Forwarded-Proto', 'https')
      .send({ email: ADMIN.email, password: ADMIN.password });
    expect(setCookie(plain)).not.toMatch(/secure/i);
    // …unless the proxy is trusted.
    const proxied = await startGateway({ TRUST_PROXY: '1' });
    try {
      const login = await proxied
        .api()
        .post('/auth/login')
        .set(CSRF)
        .set('X-Forwarded-Proto', 'https')
        .send({ email: ADMIN.email, password: ADMIN.password });
      expect(setCookie(login)).toMatch(/; Secure/i);
    } finally {
      await proxied.close();
    }
  });
});
