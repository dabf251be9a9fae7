import { get, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { asRole, testVerifier } from '@carcar/testing/credentials';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RouteRule } from '../src/contract/routes.js';
import { createHttpApp, type HttpPolicy } from '../src/http/app.js';
import type { CredentialVerifier } from '../src/http/credentials/verify.js';
import { createLogger } from '../src/service/logger.js';

// The front door every service shares, on a tiny app: headers, CORS, limits, errors, compression.
const cars = Array.from({ length: 300 }, (_, i) => ({ id: i + 1, vin: `1HGCV1F3${i}`, color: 'silver', sold: false }));

const rules: RouteRule[] = [
  { method: 'POST', path: '/api/things/', permission: 'inventory.write' },
  { method: 'GET', path: '/api/cars/', permission: 'inventory.read' },
  { method: 'GET', path: '/api/broken/', permission: 'signed-in' },
];

let verifier: CredentialVerifier;
let admin: { Authorization: string };
beforeAll(async () => {
  verifier = await testVerifier('inventory-api');
  admin = await asRole('admin', 'inventory-api');
});

function app(policy: HttpPolicy = {}) {
  return createHttpApp({
    logger: createLogger('http-test', 'silent'),
    health: async () => ({}),
    access: { verifier, rules },
    ...policy,
    routes: (express) => {
      express.post('/api/things', (_req, res) => {
        res.status(201).json({ ok: true });
      });
      express.get('/api/cars', (_req, res) => {
        res.json({ autos: cars });
      });
      express.get('/api/broken', () => {
        throw new Error('select * from customers where password = $1');
      });
    },
  });
}

describe('the shared HTTP app', () => {
  it('sends security headers', async () => {
    const res = await request(app()).get('/healthz').expect(200);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['x-powered-by']).toBeUndefined();
  });

  it('allows CORS only from the configured origins', async () => {
    const allowed = await request(app()).get('/healthz').set('Origin', 'http://localhost:3000');
    expect(allowed.headers['access-control-allow-origin']).toBe('http://localhost:3000');
    expect(allowed.headers['access-control-expose-headers']).toContain('X-Total-Count');
    const other = await request(app()).get('/healthz').set('Origin', 'http://evil.example');
    expect(other.headers['access-control-allow-origin']).toBeUndefined();
    const custom = await request(app({ corsOrigins: ['https://carcar.example.com'] }))
      .options('/api/things')
      .set('Origin', 'https://carcar.example.com')
      .set('Access-Control-Request-Method', 'POST');
    expect(custom.headers['access-control-allow-origin']).toBe('https://carcar.example.com');
  });

  it('keeps /healthz open and answers 401 anywhere else without a credential, 404 for a route not in the table', async () => {
    const open = app();
    await request(open).get('/healthz').expect(200);
    await request(open).get('/api/cars').expect(401, { message: 'Sign in to continue', code: 'unauthenticated' });
    await request(open).post('/api/things').send({}).expect(401);
    await request(open).get('/api/cars').set(admin).expect(200);
    await request(open).delete('/api/cars/1').set(admin).expect(404);
    const manager = await asRole('technician', 'inventory-api');
    const refused = await request(open).post('/api/things').set(manager).send({}).expect(403);
    expect(refused.body).toEqual({
      message: 'You do not have permission to create, change or delete manufacturers, models and automobiles',
      code: 'forbidden',
    });
  });

  it('limits writes per caller (the credential, not the address) with a JSON 429, and never limits reads', async () => {
    const limited = app({ writesPerMinute: 3 });
    for (let i = 0; i < 3; i++) await request(limited).post('/api/things').set(admin).send({}).expect(201);
    const res = await request(limited).post('/api/things').set(admin).send({}).expect(429);
    expect(res.body).toEqual({ message: expect.any(String), code: 'rate_limited' });
    for (let i = 0; i < 10; i++) await request(limited).get('/api/cars').set(admin).expect(200);
    // Another person behind the same gateway address has a budget of their own.
    const manager = await asRole('manager', 'inventory-api');
    await request(limited).post('/api/things').set(manager).send({}).expect(201);
    const unlimited = app({ writesPerMinute: 0 });
    for (let i = 0; i < 10; i++) await request(unlimited).post('/api/things').set(admin).send({}).expect(201);
  });

  it('answers an unexpected failure with a bare 500: no stack trace, no SQL', async () => {
    const res = await request(app()).get('/api/broken').set(admin).expect(500);
    expect(res.body).toEqual({ message: 'Internal server error', code: 'internal_error' });
    expect(res.text).not.toMatch(/select|password|at .*\.ts/i);
  });
});

/** A GET with plain node:http, which (unlike fetch and supertest) hands back the bytes as sent. */
function rawGet(server: Server, path: string, headers: Record<string, string> = {}) {
  const { port } = server.address() as AddressInfo;
  return new Promise<{ headers: IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
    get({ host: '127.0.0.1', port, path, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    }).on('error', reject);
  });
}

describe('compression', () => {
  let server: Server;
  beforeAll(async () => {
    server = app().listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
  });
  const expected = JSON.stringify({ autos: cars });

  it('gzips a large list for a client that accepts gzip', async () => {
    const res = await rawGet(server, '/api/cars', { ...admin, 'accept-encoding': 'gzip' });
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(res.headers.vary).toMatch(/accept-encoding/i);
    expect(res.body.length).toBeLessThan(expected.length / 4);
    expect(gunzipSync(res.body).toString()).toBe(expected);
  });

  it('uses brotli when the client prefers it', async () => {
    const res = await rawGet(server, '/api/cars', { ...admin, 'accept-encoding': 'br, gzip' });
    expect(res.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(res.body).toString()).toBe(expected);
  });

  it('answers plain JSON to a client that asks for no encoding', async () => {
    const res = await rawGet(server, '/api/cars', admin);
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(res.body.toString()).toBe(expected);
  });

  it('leaves a small answer uncompressed even when gzip is accepted', async () => {
    const res = await rawGet(server, '/healthz', { 'accept-encoding': 'gzip, br' });
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(JSON.parse(res.body.toString())).toEqual({ status: 'ok' });
  });
});
