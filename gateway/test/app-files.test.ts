import { once } from 'node:events';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGateway, type TestGateway } from './helpers.js';

const dist = fileURLToPath(new URL('./fixtures/ghi-build', import.meta.url));

describe('the built app (production)', () => {
  let gw: TestGateway;
  beforeAll(async () => {
    gw = await startGateway(
      {
        TIMEZONE: 'America/Chicago',
        DEALERSHIP_NAME: "O'Hare Motors",
        // Both ways of writing a line break on one line, and a blank line that is dropped.
        DEALERSHIP_ADDRESS: ' 10 Lake Shore Dr | Suite 4\\n\\nChicago, IL 60611 ',
        DEALERSHIP_PHONE: ' (312) 555-0100 ',
        DEALERSHIP_LOCALE: 'es-ES',
        DEALERSHIP_CURRENCY: 'eur',
      },
      { ghiDist: dist },
    );
  });
  afterAll(() => gw.close());

  it("serves /config.js with the dealership's time zone, name, address, phone, locale and currency, to anyone (the sign-in page needs it too)", async () => {
    const res = await gw.api().get('/config.js').expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/javascript/);
    expect(res.text).toBe(
      'window.__CARCAR_CONFIG__ = {"timeZone":"America/Chicago","dealershipName":"O\'Hare Motors","dealershipAddress":["10 Lake Shore Dr","Suite 4","Chicago, IL 60611"],"dealershipPhone":"(312) 555-0100","locale":"es-ES","currency":"EUR","ssoName":null};\n',
    );
  });

  it('serves index.html uncached for pages, hashed assets cached for a year', async () => {
    const index = await gw.api().get('/').expect(200);
    expect(index.text).toContain('CarCar test build');
    expect(index.headers['cache-control']).toBe('no-cache');
    const page = await gw.api().get('/sales/new').set('Accept', 'text/html').expect(200);
    expect(page.text).toContain('CarCar test build');
    const asset = await gw.api().get('/assets/index-abc123.js').expect(200);
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    await gw.api().get('/assets/missing-123.js').expect(404);
  });

  it("gives a page under a service's prefix the app's policy, and an API answer written by the gateway a load-nothing one", async () => {
    // A deep link (a reload of /sales/new) is the app: its scripts and /config.js must load.
    const page = await gw.api().get('/sales/new').set('Accept', 'text/html').expect(200);
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect(page.headers['x-frame-options']).toBe('SAMEORIGIN');
    // Refused by the gateway before any service answered (no credential): nothing to load, never sniffed.
    const refused = await gw.api().get('/sales/api/sales/').expect(401);
    expect(refused.headers['content-security-policy']).toBe("default-src 'none'; frame-ancestors 'none'");
    expect(refused.headers['x-content-type-options']).toBe('nosniff');
  });

  it('keeps the API under the same prefixes as the pages', async () => {
    await gw.api().get('/inventory/api/automobiles/').set('Accept', 'text/html').expect(401);
    await gw.api().get('/inventory/automobiles').set('Accept', 'application/json').expect(401);
    await gw.api().get('/healthz').expect(200, { status: 'ok' });
  });
});

describe('the dev server (development)', () => {
  let gw: TestGateway;
  let vite: http.Server;
  beforeAll(async () => {
    // A stand-in for Vite: answers pages and accepts a WebSocket upgrade, echoing what it got.
    vite = http.createServer((req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end(`vite page ${req.url} cookie=${req.headers.cookie ?? 'none'}`);
    });
    vite.on('upgrade', (req, socket) => {
      socket.write('HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\r\n');
      socket.write(`hello ${req.url}`);
      socket.end();
    });
    vite.listen(0, '127.0.0.1');
    await once(vite, 'listening');
    gw = await startGateway({ GHI_DEV_URL: `http://127.0.0.1:${(vite.address() as AddressInfo).port}` });
  });
  afterAll(async () => {
    vite.close();
    await gw.close();
  });

  it('answers /config.js itself, not Vite, with the default name, clock, locale and currency, and no address or phone, when none is set', async () => {
    const res = await gw.api().get('/config.js').expect(200);
    expect(res.text).toBe(
      'window.__CARCAR_CONFIG__ = {"timeZone":"UTC","dealershipName":"CarCar Motors","dealershipAddress":[],"dealershipPhone":null,"locale":"en-US","currency":"USD","ssoName":null};\n',
    );
  });

  it('proxies pages and assets to Vite, without the session cookie', async () => {
    const res = await gw.api().get('/src/main.tsx').set('Cookie', 'carcar.sid=secret').expect(200);
    expect(res.text).toBe('vite page /src/main.tsx cookie=none');
    const page = await gw.api().get('/service/appointments').set('Accept', 'text/html').expect(200);
    expect(page.text).toContain('vite page /service/appointments');
  });

  it('passes the hot-reload WebSocket upgrade through', async () => {
    const server = gw.app.listen(0, '127.0.0.1');
    await once(server, 'listening');
    if (gw.upgrade) server.on('upgrade', gw.upgrade);
    try {
      const req = http.request({
        host: '127.0.0.1',
        port: (server.address() as AddressInfo).port,
        path: '/?token=hmr',
        headers: { Connection: 'Upgrade', Upgrade: 'websocket' },
      });
      req.end();
      const [res, socket, head] = (await once(req, 'upgrade')) as [http.IncomingMessage, NodeJS.ReadableStream, Buffer];
      expect(res.statusCode).toBe(101);
      // Bytes that came with the 101 arrive as `head`, the rest on the socket.
      let received = head.toString();
      for await (const chunk of socket) received += String(chunk);
      expect(received).toBe('hello /?token=hmr');
    } finally {
      server.close();
    }
  });
});
