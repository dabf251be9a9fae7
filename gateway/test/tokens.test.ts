import { describe, expect, it } from 'vitest';
import { hashToken } from '../src/identity/tokens/secrets.js';
import { ADMIN, CSRF, gatewayForFile, signedIn } from './helpers.js';

const gw = await gatewayForFile();

describe('API tokens', () => {
  it('shows a new token once, lists it without it, keeps only its SHA-256', async () => {
    const admin = await signedIn(gw, ADMIN.email, ADMIN.password);
    const created = await admin
      .post('/auth/tokens')
      .set(CSRF)
      .send({ name: 'Accounting export', role: 'manager' })
      .expect(201);
    expect(created.body).toEqual({
      id: created.body.id,
      name: 'Accounting export',
      role: 'manager',
      token: expect.any(String),
    });
    const token = created.body.token as string;
    expect(Buffer.from(token.replace(/^carcar_/, ''), 'base64url').length).toBeGreaterThanOrEqual(32);

    const list = await admin.get('/auth/tokens').expect(200);
    expect(list.body.tokens).toContainEqual({
      id: created.body.id,
      name: 'Accounting export',
      role: 'manager',
      created_by: gw.admin.id,
      created_at: expect.any(String),
      last_used_at: null,
      revoked_at: null,
    });
    expect(JSON.stringify(list.body)).not.toContain(token);
    expect(JSON.stringify(list.body)).not.toContain(hashToken(token));

    const me = await gw.api().get('/auth/me').auth(token, { type: 'bearer' }).expect(200);
    expect(me.body).toMatchObject({ id: created.body.id, name: 'Accounting export', role: 'manager', api_token: true });
  });

  it('needs no CSRF header with a Bearer token, and admin tokens may manage tokens', async () => {
    const admin = await signedIn(gw, ADMIN.email, ADMIN.password);
    const token = (await admin.post('/auth/tokens').set(CSRF).send({ name: 'Provisioning', role: 'admin' })).body
      .token as string;
    await gw
      .api()
      .post('/auth/tokens')
      .auth(token, { type: 'bearer' })
      .send({ name: 'child', role: 'sales' })
      .expect(201);
    const sales = (await admin.post('/auth/tokens').set(CSRF).send({ name: 'Sales bot', role: 'sales' })).body
      .token as string;
    await gw.api().get('/auth/tokens').auth(sales, { type: 'bearer' }).expect(403);
  });

  it('validates the body', async () => {
    const admin = await signedIn(gw, ADMIN.email, ADMIN.password);
    const res = await admin.post('/auth/tokens').set(CSRF).send({ role: 'owner' }).expect(400);
    expect(res.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['name', 'role']);
  });
});
