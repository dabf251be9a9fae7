import { once } from 'node:events';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { AuditEntry } from '@carcar/common/contract/audit';
import { auditTrail } from '@carcar/common/db/audit';
import { auditReader, rewriteAttempts } from '@carcar/testing/audit';
import { openTestDatabase } from '@carcar/testing/database';
import express from 'express';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { apiTokens, auditLog, users } from '../src/db/schema.js';
import { hashToken } from '../src/identity/tokens/secrets.js';
import { ensureFirstAdmin } from '../src/identity/users/first-admin.js';
import { usersRepository } from '../src/identity/users/repository.js';
import { createGatewayLogger } from '../src/logger.js';
import {
  ADMIN,
  addUser,
  CSRF,
  LogCapture,
  migrationsFolder,
  signedIn,
  startGateway,
  type TestGateway,
} from './helpers.js';

/** A stand-in service that refuses `/api/secret…` as a service refuses a missing permission. */
async function refusingService() {
  const app = express();
  app.use('/api/secret', (_req, res) => {
    res.status(403).json({ message: 'You do not have permission to void sales', code: 'forbidden' });
  });
  app.use((_req, res) => {
    res.json({ ok: true });
  });
  const server = app.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

let gw: TestGateway;
let service: Server;
/** An administrator's API token: reading the trail with it writes nothing (no session, no sign-in). */
let reader: string;
let readerId: number;
/** Every secret the tests handle: none may appear in any entry. */
const secrets: string[] = [];

beforeAll(async () => {
  const stand = await refusingService();
  service = stand.server;
  gw = await startGateway({ INVENTORY_API_URL: stand.url, SERVICE_API_URL: stand.url, SALES_API_URL: stand.url });
  const admin = await signedIn(gw, ADMIN.email, ADMIN.password);
  const made = await admin.post('/auth/tokens').set(CSRF).send({ name: 'Trail reader', role: 'admin' }).expect(201);
  reader = made.body.token as string;
  readerId = made.body.id as number;
  secrets.push(ADMIN.password, reader, hashToken(reader));
});
afterAll(async () => {
  service.close();
  await gw.close();
});

const trail = () =>
  auditReader((path) => gw.api().get(path.replace('/api/audit/', '/auth/audit/')).auth(reader, { type: 'bearer' }));

/** What `step` wrote, oldest first; waits a moment for entries written after the answer (refusals). */
async function writtenBy(step: () => Promise<unknown>, expected = 1): Promise<AuditEntry[]> {
  const before = await trail().lastId();
  await step();
  return vi.waitFor(
    async () => {
      const entries = await trail().since(before);
      expect(entries.length).toBeGreaterThanOrEqual(expected);
      return entries;
    },
    { timeout: 2000, interval: 25 },
  );
}

/** Like `writtenBy`, for a step that must write nothing: gives a late entry time to show up. */
async function nothingWrittenBy(step: () => Promise<unknown>): Promise<void> {
  const before = await trail().lastId();
  await step();
  await new Promise((resolve) => setTimeout(resolve, 150));
  expect(await trail().since(before)).toEqual([]);
}

function personActor(user: { id: number; name: string; role: string }) {
  return { kind: 'person', id: String(user.id), name: user.name, role: user.role };
}

describe('the identity trail', () => {
  it('records each account and token change once, with who, what changed and the request id', async () => {
    const admin = await signedIn(gw, ADMIN.email, ADMIN.password);
    const ada = personActor({ ...gw.admin, name: ADMIN.name });
    const password = 'a brand new password';
    secrets.push(password);

    let userId = 0;
    let requestId = '';
    const [created] = await writtenBy(async () => {
      const res = await admin
        .post('/auth/users')
        .set(CSRF)
        .send({ email: 'Carla@Dealer.test', name: 'Carla', role: 'sales', password, salesperson_id: 4 })
        .expect(201);
      userId = res.body.id;
      requestId = res.headers['x-request-id'] as string;
    });
    expect(created).toMatchObject({
      actor: ada,
      action: 'create',
      entity: 'user',
      entity_id: String(userId),
      changes: {
        email: [null, 'carla@dealer.test'],
        name: [null, 'Carla'],
        role: [null, 'sales'],
        disabled: [null, false],
        salesperson_id: [null, 4],
      },
      request_id: requestId,
    });
    expect(created?.changes).not.toHaveProperty('technician_id');
    expect(created?.changes).not.toHaveProperty('password');

    const steps: Array<{ body: Record<string, unknown>; changes: AuditEntry['changes'] }> = [
      { body: { name: 'Carla Diaz' }, changes: { name: ['Carla', 'Carla Diaz'] } },
      { body: { role: 'manager', name: 'Carla Diaz' }, changes: { role: ['sales', 'manager'] } },
      {
        body: { technician_id: 9, salesperson_id: null },
        changes: { technician_id: [null, 9], salesperson_id: [4, null] },
      },
      { body: { password: 'another new password' }, changes: { password: ['(hidden)', '(changed)'] } },
      { body: { disabled: true }, changes: { disabled: [false, true] } },
      { body: { disabled: false }, changes: { disabled: [true, false] } },
    ];
    secrets.push('another new password');
    for (const step of steps) {
      const written = await writtenBy(() => admin.put(`/auth/users/${userId}`).set(CSRF).send(step.body).expect(200));
      expect(written, JSON.stringify(step.body)).toHaveLength(1);
      expect(written[0]).toEqual({
        id: expect.any(Number),
        at: expect.any(String),
        actor: ada,
        action: 'update',
        entity: 'user',
        entity_id: String(userId),
        changes: step.changes,
        request_id: expect.stringMatching(/\S/),
      });
    }
    // A change to what it already is changes nothing, and says so by writing nothing.
    await nothingWrittenBy(() => admin.put(`/auth/users/${userId}`).set(CSRF).send({ name: 'Carla Diaz' }).expect(200));

    let tokenId = 0;
    const [tokenCreated, ...more] = await writtenBy(async () => {
      const res = await admin.post('/auth/tokens').set(CSRF).send({ name: 'Nightly export', role: 'manager' });
      tokenId = res.body.id;
      secrets.push(res.body.token, hashToken(res.body.token));
    });
    expect(more).toEqual([]);
    expect(tokenCreated).toMatchObject({
      actor: ada,
      action: 'create',
      entity: 'token',
      entity_id: String(tokenId),
      changes: { name: [null, 'Nightly export'], role: [null, 'manager'] },
    });

    const revoked = await writtenBy(() => admin.delete(`/auth/tokens/${tokenId}`).set(CSRF).expect(204));
    expect(revoked).toHaveLength(1);
    expect(revoked[0]).toMatchObject({
      actor: ada,
      action: 'revoke',
      entity: 'token',
      entity_id: String(tokenId),
      changes: { revoked_at: [null, expect.any(String)] },
    });
    // Revoking again changes nothing.
    await nothingWrittenBy(() => admin.delete(`/auth/tokens/${tokenId}`).set(CSRF).expect(204));
  });

  it('names an API token as the actor when a token makes the change', async () => {
    const [entry] = await writtenBy(() =>
      gw
        .api()
        .post('/auth/tokens')
        .auth(reader, { type: 'bearer' })
        .send({ name: 'Made by a token', role: 'sales' })
        .expect(201)
        .then((res) => secrets.push(res.body.token)),
    );
    expect(entry?.actor).toEqual({ kind: 'token', id: String(readerId), name: 'Trail reader', role: 'admin' });
  });

  it('records the tokens a disabled user loses along with the change to the user', async () => {
    const boss = await addUser(gw, 'admin');
    secrets.push(boss.password);
    const theirs = await signedIn(gw, boss.email, boss.password);
    const ids: number[] = [];
    for (const name of ['Their script', 'Their other script']) {
      const res = await theirs.post('/auth/tokens').set(CSRF).send({ name, role: 'sales' }).expect(201);
      ids.push(res.body.id);
      secrets.push(res.body.token);
    }
    const admin = await signedIn(gw, ADMIN.email, ADMIN.password);
    const written = await writtenBy(() =>
      admin.put(`/auth/users/${boss.id}`).set(CSRF).send({ disabled: true }).expect(200),
    );
    expect(written.map((entry) => [entry.action, entry.entity, entry.entity_id])).toEqual([
      ['update', 'user', String(boss.id)],
      ...ids.map((id) => ['revoke', 'token', String(id)]),
    ]);
    expect(new Set(written.map((entry) => entry.request_id)).size).toBe(1);
    expect(written[1]?.reason).toBe('The user who made this token was disabled');
  });

  it('records sign-in, failed sign-ins and sign-out', async () => {
    const person = await addUser(gw, 'service');
    secrets.push(person.password, 'not my password at all');
    const them = personActor(person);

    const agent = request.agent(gw.app);
    let requestId = '';
    const [signIn, ...extra] = await writtenBy(async () => {
      const res = await agent
        .post('/auth/login')
        .set(CSRF)
        .send({ email: person.email, password: person.password })
        .expect(200);
      requestId = res.headers['x-request-id'] as string;
    });
    expect(extra).toEqual([]);
    expect(signIn).toMatchObject({
      actor: them,
      action: 'sign_in',
      entity: 'user',
      entity_id: String(person.id),
      changes: {},
      request_id: requestId,
    });

    const [signOut] = await writtenBy(() => agent.post('/auth/logout').set(CSRF).expect(204));
    expect(signOut).toMatchObject({ actor: them, action: 'sign_out', entity: 'user', entity_id: String(person.id) });
    // Signing out again (the session is gone) signs nobody out.
    await nothingWrittenBy(() => agent.post('/auth/logout').set(CSRF).expect(204));

    const failed = async (email: string, password: string) => {
      const entries = await writtenBy(() =>
        gw.api().post('/auth/login').set(CSRF).send({ email, password }).expect(401),
      );
      expect(entries).toHaveLength(1);
      return entries[0];
    };
    const gateway = { service: 'carcar-gateway' };
    expect(await failed(person.email, 'not my password at all')).toMatchObject({
      actor: gateway,
      action: 'sign_in_failed',
      entity: 'user',
      entity_id: String(person.id),
      changes: {},
      reason: 'Wrong password',
    });
    expect(await failed('  Nobody@Dealer.TEST ', 'not my password at all')).toMatchObject({
      actor: gateway,
      action: 'sign_in_failed',
      entity: 'user',
      entity_id: 'nobody@dealer.test',
      reason: 'No account has this email',
    });
    // A password typed into the email field is not kept.
    secrets.push('MySecretPassw0rd');
    expect(await failed('MySecretPassw0rd', 'not my password at all')).toMatchObject({
      entity_id: '(not an email address)',
      reason: 'No account has this email',
    });
    const admin = await signedIn(gw, ADMIN.email, ADMIN.password);
    await admin.put(`/auth/users/${person.id}`).set(CSRF).send({ disabled: true }).expect(200);
    expect(await failed(person.email, person.password)).toMatchObject({
      actor: gateway,
      action: 'sign_in_failed',
      entity_id: String(person.id),
      reason: 'The account is disabled',
    });
  });

  it('records the gateway’s own 403s and those of a service, without the query', async () => {
    const manager = await addUser(gw, 'manager');
    secrets.push(manager.password);
    const agent = await signedIn(gw, manager.email, manager.password);

    const [own, ...more] = await writtenBy(() => agent.get('/auth/users?email=ann%40dealer.test').expect(403));
    expect(more).toEqual([]);
    expect(own).toMatchObject({
      actor: personActor(manager),
      action: 'access_denied',
      entity: 'request',
      entity_id: 'GET /auth/users',
      changes: {},
      reason: 'You do not have permission to manage users',
    });

    const [forwarded] = await writtenBy(() =>
      agent.delete('/sales/api/secret/12/?reason=Jane%20Doe').set(CSRF).expect(403),
    );
    expect(forwarded).toMatchObject({
      actor: personActor(manager),
      action: 'access_denied',
      entity: 'request',
      entity_id: 'DELETE /sales/api/secret/12/',
      reason: 'Refused by the sales service',
    });
    expect(JSON.stringify(forwarded)).not.toContain('Jane');

    // Everything else a service answers is its own trail's business, not the gateway's.
    await nothingWrittenBy(() => agent.get('/inventory/api/automobiles/').expect(200));
  });

  it('writes nothing for a refused request: bad input, taken email, unknown, signed out, forged', async () => {
    const admin = await signedIn(gw, ADMIN.email, ADMIN.password);
    await nothingWrittenBy(async () => {
      await admin.post('/auth/users').set(CSRF).send({ email: 'not an email', name: '', role: 'boss' }).expect(400);
      await admin
        .post('/auth/users')
        .set(CSRF)
        .send({ email: ADMIN.email.toUpperCase(), name: 'Again', role: 'sales', password: 'a long enough one' })
        .expect(409);
      await admin.put(`/auth/users/${gw.admin.id}`).set(CSRF).send({ role: 'nobody' }).expect(400);
      await admin.put('/auth/users/999999').set(CSRF).send({ name: 'Ghost' }).expect(404);
      await admin.post('/auth/tokens').set(CSRF).send({ role: 'owner' }).expect(400);
      await admin.delete('/auth/tokens/999999').set(CSRF).expect(404);
      await gw.api().post('/auth/login').set(CSRF).send({ email: ADMIN.email }).expect(400);
      await gw.api().get('/auth/users').expect(401);
      await gw.api().get('/inventory/api/secret/').expect(401);
      // A cookie without the CSRF header: a forgery, refused before anyone is identified.
      await admin.post('/auth/tokens').send({ name: 'Forged', role: 'admin' }).expect(403);
    });
  });

  it('never holds a password, a hash or a token', async () => {
    const hashes = await gw.db.select({ hash: users.passwordHash }).from(users);
    const tokenHashes = await gw.db.select({ hash: apiTokens.tokenHash }).from(apiTokens);
    const all = (await gw.api().get('/auth/audit/?limit=500').auth(reader, { type: 'bearer' }).expect(200)).body
      .entries as AuditEntry[];
    expect(all.length).toBeGreaterThan(20);
    const text = JSON.stringify(all);
    const forbidden = [...secrets, ...hashes.map((row) => row.hash), ...tokenHashes.map((row) => row.hash)];
    expect(forbidden.length).toBeGreaterThan(10);
    for (const secret of forbidden) expect(text).not.toContain(secret);
    expect(text).not.toMatch(/\$argon2|carcar_[A-Za-z0-9_-]{20}/);
  });

  it('refuses to change or delete an entry, even in SQL', async () => {
    const count = async () => (await gw.db.select({ id: auditLog.id }).from(auditLog)).length;
    const before = await count();
    expect(before).toBeGreaterThan(0);
    const answers = await rewriteAttempts(gw.db, 'identity');
    for (const answer of answers) expect(answer).toMatch(/append-only/);
    expect(await count()).toBe(before);
  });
});

describe('GET /auth/audit', () => {
  it('is for administrators: 401 signed out, 403 for a manager (who reads the services’ trails)', async () => {
    await gw.api().get('/auth/audit').expect(401);
    const manager = await addUser(gw, 'manager');
    const agent = await signedIn(gw, manager.email, manager.password);
    const res = await agent.get('/auth/audit').expect(403);
    expect(res.body).toMatchObject({ code: 'forbidden' });
  });

  it('filters by entity, entity_id, actor and time, newest first, paged with X-Total-Count', async () => {
    const person = await addUser(gw, 'technician');
    const since = new Date().toISOString();
    for (let i = 0; i < 3; i += 1) await signedIn(gw, person.email, person.password);
    await gw.api().post('/auth/login').set(CSRF).send({ email: person.email, password: 'wrong password!' }).expect(401);
    const get = (query: string) => gw.api().get(`/auth/audit?${query}`).auth(reader, { type: 'bearer' }).expect(200);

    const theirs = await get(`entity=user&entity_id=${person.id}&since=${encodeURIComponent(since)}`);
    expect(theirs.headers['x-total-count']).toBe('4');
    expect(theirs.body.entries.map((entry: AuditEntry) => entry.action)).toEqual([
      'sign_in_failed',
      'sign_in',
      'sign_in',
      'sign_in',
    ]);

    // A person's and a token's ids may be the same number: entity and entity_id keep this to one person.
    const byActor = await get(`actor=${person.id}&entity=user&entity_id=${person.id}&limit=2`);
    expect(byActor.headers['x-total-count']).toBe('3');
    expect(byActor.body.entries).toHaveLength(2);
    for (const entry of byActor.body.entries as AuditEntry[])
      expect(entry.actor).toMatchObject({ id: String(person.id) });

    const byGateway = await get(`actor=carcar-gateway&entity_id=${person.id}`);
    expect(byGateway.body.entries.map((entry: AuditEntry) => entry.action)).toEqual(['sign_in_failed']);

    const past = await get(`entity=user&entity_id=${person.id}&until=${encodeURIComponent(since)}`);
    expect(past.body.entries.map((entry: AuditEntry) => entry.action)).toEqual(['create']);
    const ids = (theirs.body.entries as AuditEntry[]).map((entry) => entry.id);
    expect(ids).toEqual([...ids].sort((a, b) => b - a));

    const bad = await gw.api().get('/auth/audit?since=yesterday').auth(reader, { type: 'bearer' }).expect(400);
    expect(bad.body).toMatchObject({ code: 'validation_error', errors: [{ path: 'since' }] });
  });
});

describe('the first administrator', () => {
  it('is recorded as made by the gateway at start', async () => {
    const database = await openTestDatabase({ schemaName: 'identity', migrationsFolder });
    try {
      await ensureFirstAdmin({
        users: usersRepository(database.db),
        logger: createGatewayLogger('info', new LogCapture()),
        configured: { email: 'boss@dealer.test', password: 'the boss password' },
        publicOrigin: 'http://localhost:3000',
        print: () => undefined,
      });
      const { items } = await auditTrail(database.db, auditLog).list({ offset: 0 });
      expect(items).toEqual([
        expect.objectContaining({
          actor: { service: 'carcar-gateway' },
          action: 'create',
          entity: 'user',
          changes: expect.objectContaining({ email: [null, 'boss@dealer.test'], role: [null, 'admin'] }),
          reason: 'The first administrator, from CARCAR_ADMIN_EMAIL at start',
          request_id: 'startup',
        }),
      ]);
      expect(JSON.stringify(items)).not.toContain('the boss password');
    } finally {
      await database.close();
    }
  });
});
