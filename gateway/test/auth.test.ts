import { permissionsOf } from '@carcar/common/contract/permissions';
import request from 'supertest';
import { describe, expect, it, vi } from 'vitest';
import { ADMIN, addUser, CSRF, gatewayForFile, sessionCookie, signedIn, TEST_SETUP } from './helpers.js';

const gw = await gatewayForFile();

describe('sign-in', () => {
  it('answers the user and a session cookie that is HttpOnly and SameSite=Lax', async () => {
    const res = await gw.api().post('/auth/login').set(CSRF).send({ email: ADMIN.email, password: ADMIN.password });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      user: {
        id: gw.admin.id,
        email: ADMIN.email,
        name: ADMIN.name,
        role: 'admin',
        disabled: false,
        permissions: expect.arrayContaining(['users.manage', 'inventory.write']),
        technician_id: null,
        salesperson_id: null,
      },
    });
    const cookie = (res.headers['set-cookie'] as unknown as string[]).find((c) => c.startsWith('carcar.sid='));
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).not.toMatch(/Secure/i);
  });

  it('ignores the case of the email', async () => {
    await gw
      .api()
      .post('/auth/login')
      .set(CSRF)
      .send({ email: ADMIN.email.toUpperCase(), password: ADMIN.password })
      .expect(200);
  });

  it('gives one answer for an unknown email, a wrong password and a disabled user', async () => {
    const disabled = await addUser(gw, 'sales');
    await gw.users.update(disabled.id, { disabled: true }, TEST_SETUP);
    const answers = await Promise.all([
      gw.api().post('/auth/login').set(CSRF).send({ email: 'nobody@dealer.test', password: 'whatever-it-is' }),
      gw.api().post('/auth/login').set(CSRF).send({ email: ADMIN.email, password: 'not the password' }),
      gw.api().post('/auth/login').set(CSRF).send({ email: disabled.email, password: disabled.password }),
    ]);
    for (const res of answers) {
      expect(res.status).toBe(401);
      expect(res.body).toEqual({ message: 'Wrong email or password', code: 'invalid_credentials' });
      expect(sessionCookie(res)).toBeUndefined();
    }
  });

  it('names missing fields in plain words', async () => {
    const res = await gw.api().post('/auth/login').set(CSRF).send({ email: ADMIN.email }).expect(400);
    expect(res.body).toMatchObject({
      code: 'validation_error',
      errors: [{ path: 'password', message: 'is required' }],
    });
  });

  it('gives a new session id at every sign-in; the old one is dead', async () => {
    const agent = request.agent(gw.app);
    const first = await agent.post('/auth/login').set(CSRF).send({ email: ADMIN.email, password: ADMIN.password });
    const second = await agent.post('/auth/login').set(CSRF).send({ email: ADMIN.email, password: ADMIN.password });
    const before = sessionCookie(first);
    const after = sessionCookie(second);
    expect(before).toBeDefined();
    expect(after).toBeDefined();
    expect(after).not.toBe(before);
    await gw
      .api()
      .get('/auth/me')
      .set('Cookie', before as string)
      .expect(401, { message: 'Sign in to continue', code: 'unauthenticated' });
    await gw
      .api()
      .get('/auth/me')
      .set('Cookie', after as string)
      .expect(200);
  });
});

describe('the session', () => {
  it('GET /auth/me answers the user, or 401 when signed out', async () => {
    await gw.api().get('/auth/me').expect(401, { message: 'Sign in to continue', code: 'unauthenticated' });
    const agent = await signedIn(gw, ADMIN.email, ADMIN.password);
    const me = await agent.get('/auth/me').expect(200);
    expect(me.body).toMatchObject({ id: gw.admin.id, email: ADMIN.email, role: 'admin' });
  });

  it('ends at once on logout, also for a copy of the cookie', async () => {
    const login = await gw.api().post('/auth/login').set(CSRF).send({ email: ADMIN.email, password: ADMIN.password });
    const cookie = sessionCookie(login) as string;
    await gw.api().get('/auth/me').set('Cookie', cookie).expect(200);
    await gw.api().post('/auth/logout').set('Cookie', cookie).set(CSRF).expect(204);
    await gw.api().get('/auth/me').set('Cookie', cookie).expect(401);
  });

  it('ends at once for a user who is disabled, and their API tokens stop', async () => {
    const manager = await addUser(gw, 'admin');
    const theirs = await signedIn(gw, manager.email, manager.password);
    const token = (
      await theirs.post('/auth/tokens').set(CSRF).send({ name: 'their script', role: 'sales' }).expect(201)
    ).body.token as string;
    await gw.api().get('/auth/me').auth(token, { type: 'bearer' }).expect(200);

    const admin = await signedIn(gw, ADMIN.email, ADMIN.password);
    await admin.put(`/auth/users/${manager.id}`).set(CSRF).send({ disabled: true }).expect(200);
    await theirs.get('/auth/me').expect(401);
    await gw.api().get('/auth/me').auth(token, { type: 'bearer' }).expect(401);
    await gw.api().post('/auth/login').set(CSRF).send({ email: manager.email, password: manager.password }).expect(401);
  });

  it('ends a user’s other sessions when an administrator sets a new password', async () => {
    const person = await addUser(gw, 'service');
    const theirs = await signedIn(gw, person.email, person.password);
    const admin = await signedIn(gw, ADMIN.email, ADMIN.password);
    await admin.put(`/auth/users/${person.id}`).set(CSRF).send({ password: 'brand new password' }).expect(200);
    await theirs.get('/auth/me').expect(401);
    await admin.get('/auth/me').expect(200);
  });

  it('expires after SESSION_IDLE_MINUTES of no use, checked by the server', async () => {
    const agent = await signedIn(gw, ADMIN.email, ADMIN.password);
    const { sessions } = await import('../src/db/schema.js');
    const { eq } = await import('drizzle-orm');
    await gw.db
      .update(sessions)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(sessions.userId, gw.admin.id));
    await agent.get('/auth/me').expect(401);
  });

  it('sets a browser-session cookie once, at sign-in, and keeps the session alive on the server as it is used', async () => {
    const login = await gw
      .api()
      .post('/auth/login')
      .set(CSRF)
      .send({ email: ADMIN.email, password: ADMIN.password })
      .expect(200);
    const cookie = (login.headers['set-cookie'] as unknown as string[]).find((c) => c.startsWith('carcar.sid='));
    // No Max-Age or Expires: the browser drops it when it closes; the expiries are the server's.
    expect(cookie).not.toMatch(/max-age|expires/i);
    const sent = String(cookie).split(';')[0] as string;
    const { sessions } = await import('../src/db/schema.js');
    const { eq } = await import('drizzle-orm');
    // The session id inside express-session's signed value `s:<id>.<signature>`.
    const signed = decodeURIComponent(sent.slice('carcar.sid='.length));
    const sid = signed.slice(2, signed.lastIndexOf('.'));
    // A session last pushed forward long ago, close to its idle end…
    const nearlyIdle = new Date(Date.now() + 30_000);
    await gw.db.update(sessions).set({ expiresAt: nearlyIdle }).where(eq(sessions.sid, sid));
    const used = await gw.api().get('/auth/me').set('Cookie', sent).expect(200);
    // …is pushed forward by using it, without sending the cookie again.
    expect(used.headers['set-cookie']).toBeUndefined();
    const [row] = await gw.db.select().from(sessions).where(eq(sessions.sid, sid));
    expect(row?.expiresAt.getTime()).toBeGreaterThan(Date.now() + 30 * 60_000);
  });

  it('expires SESSION_MAX_HOURS after sign-in however busy it is', async () => {
    const agent = await signedIn(gw, ADMIN.email, ADMIN.password);
    const { sessions } = await import('../src/db/schema.js');
    const { eq } = await import('drizzle-orm');
    await gw.db
      .update(sessions)
      .set({ createdAt: new Date(Date.now() - 13 * 3_600_000) })
      .where(eq(sessions.userId, gw.admin.id));
    await agent.get('/auth/me').expect(401);
  });
});

describe('CSRF', () => {
  it('refuses a cookie write without X-CarCar-CSRF, and writes nothing', async () => {
    const agent = await signedIn(gw, ADMIN.email, ADMIN.password);
    const before = (await agent.get('/auth/users').expect(200)).body.users.length;
    const res = await agent
      .post('/auth/users')
      .send({ email: 'forged@dealer.test', name: 'Forged', role: 'admin', password: 'forged password 1' })
      .expect(403);
    expect(res.body).toMatchObject({ code: 'forbidden' });
    expect((await agent.get('/auth/users').expect(200)).body.users.length).toBe(before);
  });

  it('refuses a cookie write from a foreign Origin, and accepts the app’s own', async () => {
    const agent = await signedIn(gw, ADMIN.email, ADMIN.password);
    const body = { email: 'origin@dealer.test', name: 'Origin', role: 'sales', password: 'origin password 1' };
    await agent.post('/auth/users').set(CSRF).set('Origin', 'https://evil.example').send(body).expect(403, {
      message: 'This request comes from another site',
      code: 'forbidden',
    });
    await agent.post('/auth/users').set(CSRF).set('Origin', 'http://localhost:3000').send(body).expect(201);
  });

  it('refuses a sign-in without the header (login CSRF) or from a foreign Origin', async () => {
    await gw.api().post('/auth/login').send({ email: ADMIN.email, password: ADMIN.password }).expect(403);
    await gw
      .api()
      .post('/auth/login')
      .set(CSRF)
      .set('Origin', 'https://evil.example')
      .send({ email: ADMIN.email, password: ADMIN.password })
      .expect(403);
  });

  it('refuses a logout without the header: the session lives on', async () => {
    const agent = await signedIn(gw, ADMIN.email, ADMIN.password);
    await agent.post('/auth/logout').expect(403);
    await agent.get('/auth/me').expect(200);
  });

  it('never grants CORS', async () => {
    const res = await gw
      .api()
      .options('/auth/users')
      .set('Origin', 'https://evil.example')
      .set('Access-Control-Request-Method', 'POST')
      .set('Access-Control-Request-Headers', 'x-carcar-csrf');
    expect(Object.keys(res.headers).filter((name) => name.startsWith('access-control-'))).toEqual([]);
  });
});

describe('users (admin only)', () => {
  it('401 signed out, 403 for a non-admin', async () => {
    await gw.api().get('/auth/users').expect(401);
    await gw.api().get(`/auth/users/${gw.admin.id}`).expect(401);
    const manager = await addUser(gw, 'manager');
    const agent = await signedIn(gw, manager.email, manager.password);
    await agent.get('/auth/users').expect(403);
    await agent.get(`/auth/users/${gw.admin.id}`).expect(403);
    await agent.put(`/auth/users/${manager.id}`).set(CSRF).send({ role: 'admin' }).expect(403);
    await agent.post('/auth/tokens').set(CSRF).send({ name: 'x', role: 'admin' }).expect(403);
    expect((await gw.users.get(manager.id))?.role).toBe('manager');
  });

  it('creates, reads, lists and changes users', async () => {
    const admin = await signedIn(gw, ADMIN.email, ADMIN.password);
    const created = await admin
      .post('/auth/users')
      .set(CSRF)
      .send({
        email: 'Tess@Dealer.test',
        name: 'Tess',
        role: 'technician',
        password: 'tess password 12',
        technician_id: 7,
      })
      .expect(201);
    expect(created.body).toEqual({
      id: created.body.id,
      email: 'tess@dealer.test',
      name: 'Tess',
      role: 'technician',
      disabled: false,
      permissions: [...permissionsOf('technician')],
      technician_id: 7,
      salesperson_id: null,
    });
    await admin.get(`/auth/users/${created.body.id}`).expect(200, created.body);
    const list = await admin.get('/auth/users').expect(200);
    expect(list.body.users).toContainEqual(created.body);

    const changed = await admin
      .put(`/auth/users/${created.body.id}`)
      .set(CSRF)
      .send({ name: 'Tess T.', role: 'service', technician_id: null, salesperson_id: 3, password: 'a new password 1' })
      .expect(200);
    expect(changed.body).toMatchObject({ name: 'Tess T.', role: 'service', technician_id: null, salesperson_id: 3 });
    await gw
      .api()
      .post('/auth/login')
      .set(CSRF)
      .send({ email: 'tess@dealer.test', password: 'a new password 1' })
      .expect(200);
  });

  it('answers 400 naming the fields, 404 for an unknown id, 409 naming email for a duplicate', async () => {
    const admin = await signedIn(gw, ADMIN.email, ADMIN.password);
    const bad = await admin
      .post('/auth/users')
      .set(CSRF)
      .send({ email: 'not-an-email', role: 'boss', password: 'short' })
      .expect(400);
    expect(bad.body.code).toBe('validation_error');
    expect(bad.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['email', 'name', 'password', 'role']);
    expect(bad.body.errors.find((e: { path: string }) => e.path === 'password').message).toBe(
      'must be at least 12 characters',
    );
    await admin.get('/auth/users/99999').expect(404);
    await admin.get('/auth/users/abc').expect(404);
    await admin.put('/auth/users/99999').set(CSRF).send({ name: 'x' }).expect(404);
    const dup = await admin
      .post('/auth/users')
      .set(CSRF)
      .send({ email: ADMIN.email.toUpperCase(), name: 'Again', role: 'sales', password: 'another password' })
      .expect(409);
    expect(dup.body).toMatchObject({ code: 'conflict', errors: [{ path: 'email' }] });
  });

  it('keeps at least one active administrator', async () => {
    const { users } = gw;
    const admins = (await users.list()).filter((u) => u.role === 'admin' && !u.disabled && u.id !== gw.admin.id);
    for (const other of admins) await users.update(other.id, { disabled: true }, TEST_SETUP);
    const admin = await signedIn(gw, ADMIN.email, ADMIN.password);
    await admin.put(`/auth/users/${gw.admin.id}`).set(CSRF).send({ role: 'manager' }).expect(409);
    await admin.put(`/auth/users/${gw.admin.id}`).set(CSRF).send({ disabled: true }).expect(409);
    expect(await users.get(gw.admin.id)).toMatchObject({ role: 'admin', disabled: false });
  });
});

describe('secrets', () => {
  it('never answers or logs a password, hash or token', async () => {
    const admin = await signedIn(gw, ADMIN.email, ADMIN.password);
    const password = 'a very secret password';
    const created = await admin
      .post('/auth/users')
      .set(CSRF)
      .send({ email: 'secret@dealer.test', name: 'Secret', role: 'sales', password });
    const token = (await admin.post('/auth/tokens').set(CSRF).send({ name: 'ci', role: 'manager' })).body
      .token as string;
    const hash = (await gw.users.findForSignIn('secret@dealer.test'))?.passwordHash as string;
    const answers = [
      created,
      await admin.get('/auth/users'),
      await admin.get(`/auth/users/${created.body.id}`),
      await admin.get('/auth/tokens'),
      await gw.api().post('/auth/login').set(CSRF).send({ email: 'secret@dealer.test', password }),
      await gw.api().post('/auth/login').set(CSRF).send({ email: 'secret@dealer.test', password: 'wrong one here' }),
      await gw.api().get('/auth/me').auth(token, { type: 'bearer' }),
    ].map((res) => JSON.stringify(res.body));
    // Each line is written when its response closes, which may be just after the client has it.
    await vi.waitFor(() => expect(gw.log.text()).toContain('/auth/me'));
    for (const text of [...answers, gw.log.text()]) {
      expect(text).not.toContain(password);
      expect(text).not.toContain(hash);
      expect(text).not.toContain('$argon2id$');
      expect(text).not.toContain(token);
      expect(text).not.toContain('carcar.sid=');
    }
    expect(gw.log.text()).toContain('"path":"/auth/login"');
  });
});
