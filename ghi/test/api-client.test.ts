// @vitest-environment jsdom
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';

// The app's own HTTP client (lib/api-client, on fetch) against a real server on a free port: what
// goes out on the wire, and what comes back as data, headers or an ApiError.

type ClientModule = typeof import('../src/lib/api-client');

interface Seen {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

let server: Server;
let origin: string;
let lib: ClientModule;
const seen: Seen[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const path = new URL(req.url ?? '/', 'http://stub').pathname.replace(/^\/(svc|auth)/, '');
      seen.push({
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks).toString(),
      });
      const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
        res.writeHead(status, { 'Content-Type': 'application/json', ...headers }).end(JSON.stringify(body));
      if (path === '/slow') return; // never answers: the client's timeout ends it
      if (path === '/refused') {
        json(422, {
          message: 'The car could not be saved.',
          errors: [{ path: 'vin', message: 'Must be 17 characters.' }],
          code: 'invalid_vin',
        });
      } else if (path === '/broken') {
        res.writeHead(500, { 'Content-Type': 'text/html' }).end('<h1>Bad gateway</h1>');
      } else if (path === '/login' || path === '/me' || path === '/users') {
        json(401, {});
      } else if (path === '/conflict') {
        json(409, { message: 'Taken', next_free: '10:30' });
      } else if (path === '/csv') {
        res.writeHead(200, { 'Content-Type': 'text/csv' }).end('a,b\r\n1,2\r\n');
      } else if (path === '/empty') {
        res.writeHead(204).end();
      } else {
        json(200, { ok: true }, { 'X-Total-Count': '42' });
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  // The four clients read their addresses once, as the module loads (as /config.js in a deployment).
  window.__CARCAR_CONFIG__ = {
    ...window.__CARCAR_CONFIG__,
    inventoryApiUrl: `${origin}/svc`,
    serviceApiUrl: `${origin}/svc`,
    salesApiUrl: `${origin}/svc`,
    authApiUrl: `${origin}/auth`,
  };
  lib = await import('../src/lib/api-client');
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
afterEach(() => {
  seen.length = 0;
});

async function failureOf(request: Promise<unknown>): Promise<InstanceType<ClientModule['ApiError']>> {
  const error = await request.then(
    () => null,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(lib.ApiError);
  return error as InstanceType<ClientModule['ApiError']>;
}

describe('the API client', () => {
  it('encodes params as axios did: undefined and null left out, arrays as key[]', async () => {
    await lib.serviceApi.get('/api/list/', {
      params: { q: 'Zoë Smith', limit: 20, sold: false, vin: undefined, tech: null, status: ['created', 'done'] },
    });
    expect(seen[0]?.url).toBe('/svc/api/list/?q=Zo%C3%AB+Smith&limit=20&sold=false&status[]=created&status[]=done');
    await lib.serviceApi.get('/api/list/', { params: { from: '2026-01-01T10:00:00Z' } });
    expect(seen[1]?.url).toBe('/svc/api/list/?from=2026-01-01T10:00:00Z');
    await lib.serviceApi.get('/api/list/');
    expect(seen[2]?.url).toBe('/svc/api/list/');
  });

  it('sends the CSRF header on every write and never on a read', async () => {
    await lib.salesApi.get('/x');
    await lib.salesApi.post('/x', { a: 1 });
    await lib.salesApi.put('/x', { a: 1 });
    await lib.salesApi.patch('/x', { a: 1 });
    await lib.salesApi.delete('/x', { data: { reason: 'typo' } });
    expect(seen.map((request) => [request.method, request.headers['x-carcar-csrf']])).toEqual([
      ['GET', undefined],
      ['POST', '1'],
      ['PUT', '1'],
      ['PATCH', '1'],
      ['DELETE', '1'],
    ]);
    expect(seen[1]?.headers['content-type']).toBe('application/json');
    expect(seen[1]?.body).toBe('{"a":1}');
    expect(seen[4]?.body).toBe('{"reason":"typo"}');
    // No body, no type: a GET, or a POST with nothing to send.
    expect(seen[0]?.headers['content-type']).toBeUndefined();
  });

  it('answers data, status and headers, x-total-count read either way', async () => {
    const response = await lib.inventoryApi.get<{ ok: boolean }>('/api/automobiles/');
    expect(response.data).toEqual({ ok: true });
    expect(response.status).toBe(200);
    expect(response.headers['x-total-count']).toBe('42');
    expect(response.headers.get('X-Total-Count')).toBe('42');
    expect((await lib.inventoryApi.post('/empty')).data).toBe('');
  });

  it('turns a JSON refusal into an ApiError with its field errors and code', async () => {
    const error = await failureOf(lib.inventoryApi.post('/refused', { vin: 'x' }));
    expect(error.status).toBe(422);
    expect(error.message).toBe('The car could not be saved.');
    expect(error.fieldErrors).toEqual([{ path: 'vin', message: 'Must be 17 characters.' }]);
    expect(error.code).toBe('invalid_vin');
    const bare = await failureOf(lib.inventoryApi.get('/broken'));
    expect(bare.message).toBe('The inventory service answered 500.');
    expect(bare.code).toBeNull();
    expect(bare.fieldErrors).toEqual([]);
  });

  it('tells the listeners about a 401, but not for signing in or /me on the auth client', async () => {
    let heard = 0;
    const stop = lib.onUnauthenticated(() => {
      heard += 1;
    });
    try {
      await failureOf(lib.authApi.post('/login', { email: 'a', password: 'b' }));
      const me = await failureOf(lib.authApi.get('/me'));
      expect(me.status).toBe(401);
      expect(heard).toBe(0);
      const ended = await failureOf(lib.authApi.get('/users'));
      expect(ended.message).toBe('Your session has ended. Sign in again to continue.');
      expect(heard).toBe(1);
      // quiet401 is the auth client's alone: /me elsewhere ends the session like any 401.
      await failureOf(lib.serviceApi.get('/me'));
      expect(heard).toBe(2);
    } finally {
      stop();
    }
  });

  it('says the service is not reachable when nothing answers, with no status', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const error = await failureOf(lib.createApiClient(`http://127.0.0.1:${port}`, 'sales').get('/api/sales/'));
    expect(error.status).toBeNull();
    expect(error.message).toBe('The sales service is not reachable. Check that it is running, then try again.');
  });

  it('gives up after the timeout, and when the caller aborts', async () => {
    const started = Date.now();
    const error = await failureOf(lib.serviceApi.get('/slow', { timeout: 300 }));
    expect(error.status).toBeNull();
    expect(error.message).toMatch(/^The service service is not reachable/);
    expect(Date.now() - started).toBeLessThan(5_000);
    const controller = new AbortController();
    const pending = lib.serviceApi.get('/slow', { signal: controller.signal });
    controller.abort();
    expect((await failureOf(pending)).status).toBeNull();
  });

  it('sends FormData as multipart, without the JSON type', async () => {
    const form = new FormData();
    form.append('note', 'front left tyre');
    await lib.serviceApi.post('/upload', form);
    const upload = seen.find((request) => request.url === '/svc/upload');
    expect(upload?.headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
    expect(upload?.body).toContain('front left tyre');
    expect(upload?.headers['x-carcar-csrf']).toBe('1');
  });

  it('sends a CSV body as text with the caller’s type, and reads text when asked', async () => {
    await lib.inventoryApi.post('/import', 'vin,color\r\n', {
      params: { dry_run: true },
      headers: { 'Content-Type': 'text/csv' },
      timeout: 120_000,
    });
    const sent = seen.find((request) => request.url.startsWith('/svc/import'));
    expect(sent?.url).toBe('/svc/import?dry_run=true');
    expect(sent?.headers['content-type']).toBe('text/csv');
    expect(sent?.body).toBe('vin,color\r\n');
    const csv = await lib.inventoryApi.get<string>('/csv', { headers: { Accept: 'text/csv' }, responseType: 'text' });
    expect(seen.find((request) => request.url === '/svc/csv')?.headers.accept).toBe('text/csv');
    expect(csv.data).toBe('a,b\r\n1,2\r\n');
  });

  it('answers a status the caller accepts through validateStatus instead of throwing', async () => {
    const response = await lib.serviceApi.post<{ next_free?: string }>(
      '/conflict',
      {},
      { validateStatus: (status) => (status >= 200 && status < 300) || status === 409 },
    );
    expect(response.status).toBe(409);
    expect(response.data.next_free).toBe('10:30');
  });
});
