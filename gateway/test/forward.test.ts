import { once } from 'node:events';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { type Actor, permissionsOf, type ServiceName } from '@carcar/common/contract/permissions';
import { testVerifier } from '@carcar/testing/credentials';
import { eq } from 'drizzle-orm';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { apiTokens } from '../src/db/schema.js';
import { ADMIN, addUser, CSRF, signedIn, startGateway, type TestGateway } from './helpers.js';

interface Echo {
  method: string;
  url: string;
  headers: Record<string, string | string[] | undefined>;
  body: string;
  actor?: Actor;
  refused?: string;
}

/**
 * A stand-in for a service: verifies the internal credential as a real service would (its own
 * audience) and answers with what it received, plus a few headers a real answer carries.
 */
async function standIn(audience: ServiceName) {
  const verifier = await testVerifier(audience);
  const app = express();
  app.get('/gzip', (req, res) => {
    res.set({ ETag: '"abc"', 'Cache-Control': 'private, no-cache' });
    // A conditional read, as inventory's lists answer it: the client's copy is still current.
    if (req.get('if-none-match') === '"abc"') {
      res.status(304).end();
      return;
    }
    res.set({ 'Content-Encoding': 'gzip', 'Content-Type': 'application/json' });
    res.send(gzipSync(JSON.stringify({ zipped: true })));
  });
  app.use(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const echo: Echo = {
      method: req.method,
      url: req.url,
      headers: req.headers,
      body: Buffer.concat(chunks).toString(),
    };
    const token = /^Bearer (.+)$/.exec(req.get('authorization') ?? '')?.[1];
    try {
      echo.actor = await verifier.verify(token ?? '');
    } catch (error) {
      echo.refused = (error as Error).message;
    }
    res
      .status(req.get('x-want-status') ? Number(req.get('x-want-status')) : 200)
      .set({ 'X-Total-Count': '42', 'Access-Control-Allow-Origin': '*', 'Set-Cookie': 'svc=1' })
      .json(echo);
  });
  const server = app.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

let gw: TestGateway;
let services: Array<{ server: Server }>;
let deadUrl: string;
beforeAll(async () => {
  const [inventory, service, sales] = await Promise.all([
    standIn('inventory-api'),
    standIn('service-api'),
    standIn('sales-api'),
  ]);
  services = [inventory, service, sales];
  // An address where nothing listens: a service that is down.
  const dead = express().listen(0, '127.0.0.1');
  await once(dead, 'listening');
  deadUrl = `http://127.0.0.1:${(dead.address() as AddressInfo).port}`;
  dead.close();
  gw = await startGateway({ INVENTORY_API_URL: inventory.url, SERVICE_API_URL: service.url, SALES_API_URL: sales.url });
});
afterAll(async () => {
  for (const { server } of services) server.close();
  await gw.close();
});

describe('forwarding', () => {
  it('401 without a session or token, before reaching the service', async () => {
    await gw
      .api()
      .get('/inventory/api/automobiles/')
      .expect(401, { message: 'Sign in to continue', code: 'unauthenticated' });
    await gw.api().get('/sales/api/sales/').auth('carcar_nonsense', { type: 'bearer' }).expect(401);
  });

  it('keeps path, query, status, body and X-Total-Count, and adds a credential the service verifies', async () => {
    const tech = await addUser(gw, 'technician', { technicianId: 5 });
    const agent = await signedIn(gw, tech.email, tech.password);
    const res = await agent
      .get('/inventory/api/automobiles/?q=x&limit=2')
      .set('Accept', 'application/json')
      .expect(200);
    expect(res.headers['x-total-count']).toBe('42');
    const echo = res.body as Echo;
    expect(echo.method).toBe('GET');
    expect(echo.url).toBe('/api/automobiles/?q=x&limit=2');
    expect(echo.refused).toBeUndefined();
    expect(echo.actor).toEqual({
      kind: 'person',
      id: String(tech.id),
      name: tech.name,
      role: 'technician',
      permissions: [...permissionsOf('technician')],
      technician_id: 5,
    });
    expect(echo.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(res.headers['x-request-id']).toBe(echo.headers['x-request-id']);
    expect(echo.headers.cookie).toBeUndefined();
    // The line is written when the response closes, which may be just after the client has it.
    await vi.waitFor(() => expect(gw.log.text()).toContain(`"requestId":"${echo.headers['x-request-id']}"`));
  });

  it('sends each service a credential for itself only', async () => {
    const agent = await signedIn(gw, ADMIN.email, ADMIN.password);
    for (const [prefix, audience] of [
      ['/service', 'service-api'],
      ['/sales', 'sales-api'],
    ] as const) {
      const echo = (await agent.get(`${prefix}/api/things/`).expect(200)).body as Echo;
      expect(echo.refused).toBeUndefined();
      expect(echo.actor).toMatchObject({ kind: 'person', role: 'admin', id: String(gw.admin.id) });
      const credential = String(echo.headers.authorization).slice('Bearer '.length);
      const payload = JSON.parse(Buffer.from(credential.split('.')[1] as string, 'base64url').toString());
      expect(payload).toMatchObject({ iss: 'carcar-gateway', aud: audience, sub: `user:${gw.admin.id}` });
    }
  });

  it('streams a write body unchanged and passes the service’s status', async () => {
    const agent = await signedIn(gw, ADMIN.email, ADMIN.password);
    const body = JSON.stringify({ color: 'red', year: 2012 });
    const res = await agent
      .put('/inventory/api/automobiles/1HGCM82633A004352/')
      .set(CSRF)
      .set('Content-Type', 'application/json')
      .set('X-Want-Status', '409')
      .send(body)
      .expect(409);
    const echo = res.body as Echo;
    expect(echo).toMatchObject({ method: 'PUT', url: '/api/automobiles/1HGCM82633A004352/', body });
    expect(echo.headers['content-type']).toBe('application/json');
    expect(echo.headers['x-carcar-csrf']).toBeUndefined();
  });

  it('never forwards the caller’s Authorization; a token acts as itself', async () => {
    const admin = await signedIn(gw, ADMIN.email, ADMIN.password);
    const created = await admin
      .post('/auth/tokens')
      .set(CSRF)
      .send({ name: 'Nightly import', role: 'manager' })
      .expect(201);
    const token = created.body.token as string;
    const res = await gw
      .api()
      .post('/inventory/api/automobiles/import/')
      .auth(token, { type: 'bearer' })
      .send('vin\n')
      .expect(200);
    const echo = res.body as Echo;
    expect(String(echo.headers.authorization)).not.toContain(token);
    expect(echo.actor).toMatchObject({
      kind: 'token',
      id: String(created.body.id),
      name: 'Nightly import',
      role: 'manager',
    });
  });

  it('passes compressed bodies and ETags through, and hands out no CORS or service cookies', async () => {
    const agent = await signedIn(gw, ADMIN.email, ADMIN.password);
    const res = await agent.get('/inventory/gzip').set('Origin', 'http://localhost:3000').expect(200);
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(res.headers.etag).toBe('"abc"');
    expect(res.body).toEqual({ zipped: true });
    // If-None-Match reaches the service and its 304 comes back as it was: the browser revalidates.
    const unchanged = await agent.get('/inventory/gzip').set('If-None-Match', '"abc"').expect(304);
    expect(unchanged.headers.etag).toBe('"abc"');
    expect(unchanged.headers['cache-control']).toBe('private, no-cache');
    expect(unchanged.text).toBe('');
    const echoed = await agent.get('/inventory/api/x/').expect(200);
    expect(echoed.headers['access-control-allow-origin']).toBeUndefined();
    // Only the gateway's own (rolling) session cookie, never the service's.
    expect(String(echoed.headers['set-cookie'] ?? '')).not.toContain('svc=');
  });

  it('refuses a forwarded cookie write without the CSRF header; the service never sees it', async () => {
    const agent = await signedIn(gw, ADMIN.email, ADMIN.password);
    await agent.delete('/sales/api/sales/1/').expect(403);
  });

  it('answers 502 JSON when the service is down', async () => {
    const down = await startGateway({ INVENTORY_API_URL: deadUrl, SALES_API_URL: deadUrl });
    try {
      const agent = await signedIn(down, ADMIN.email, ADMIN.password);
      await agent.get('/inventory/api/automobiles/').expect(502, {
        message: 'The inventory service is not answering; try again shortly',
        code: 'unavailable',
      });
      await agent.get('/sales/api/sales/').expect(502, {
        message: 'The sales service is not answering; try again shortly',
        code: 'unavailable',
      });
    } finally {
      await down.close();
    }
  });

  it('stops a revoked token at once', async () => {
    const admin = await signedIn(gw, ADMIN.email, ADMIN.password);
    const created = await admin.post('/auth/tokens').set(CSRF).send({ name: 'Soon gone', role: 'sales' }).expect(201);
    const token = created.body.token as string;
    await gw.api().get('/sales/api/sales/').auth(token, { type: 'bearer' }).expect(200);
    await admin.delete(`/auth/tokens/${created.body.id}`).set(CSRF).expect(204);
    await gw.api().get('/sales/api/sales/').auth(token, { type: 'bearer' }).expect(401);
    await admin.delete('/auth/tokens/99999').set(CSRF).expect(404);
  });

  it("sees another replica's revocation within the identity cache's second", async () => {
    const admin = await signedIn(gw, ADMIN.email, ADMIN.password);
    const created = await admin.post('/auth/tokens').set(CSRF).send({ name: 'Elsewhere', role: 'sales' }).expect(201);
    const token = created.body.token as string;
    await gw.api().get('/sales/api/sales/').auth(token, { type: 'bearer' }).expect(200);
    // Another gateway on the same database revokes it: this one has no word of it but the table.
    await gw.db.update(apiTokens).set({ revokedAt: new Date() }).where(eq(apiTokens.id, created.body.id));
    const revokedAt = Date.now();
    await vi.waitFor(
      async () => {
        await gw.api().get('/sales/api/sales/').auth(token, { type: 'bearer' }).expect(401);
      },
      { timeout: 3_000, interval: 100 },
    );
    expect(Date.now() - revokedAt).toBeLessThan(2_000);
  });
});
