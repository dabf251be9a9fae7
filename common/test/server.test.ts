import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { asRole, testVerifier } from '@carcar/testing/credentials';
import express from 'express';
import { describe, expect, it } from 'vitest';
import { createHttpApp } from '../src/http/app.js';
import { createLogger } from '../src/service/logger.js';
import { appServer, startServer } from '../src/service/server.js';

describe('server shutdown', () => {
  it('closes a keep-alive connection that a client keeps busy, instead of waiting out the drain', async () => {
    // A long poll, as inventory's feed: held until the server stops, then answered empty.
    let release: () => void = () => undefined;
    const stopped = new Promise<void>((resolve) => {
      release = resolve;
    });
    const logger = createLogger('server-test', 'silent');
    const headers = await asRole('admin', 'inventory-api');
    const app = createHttpApp({
      logger,
      health: async () => ({}),
      access: {
        verifier: await testVerifier('inventory-api'),
        rules: [{ method: 'GET', path: '/api/poll/', permission: 'signed-in' }],
      },
      routes: (express) => {
        express.get('/api/poll', async (_req, res) => {
          await stopped;
          res.json({ changes: [] });
        });
      },
    });
    // A drain of a minute: shutdown waiting for it is the failure this test is about.
    const running = await startServer({
      app,
      port: 0,
      host: '127.0.0.1',
      logger,
      stopping: [release],
      drainMs: 60_000,
    });

    // A poller: asks again on the same connection as soon as it has an answer, until refused.
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    const connectionHeaders: string[] = [];
    const poll = (): Promise<void> =>
      new Promise((resolve) => {
        const req = http.get({ host: '127.0.0.1', port: running.port, path: '/api/poll', agent, headers }, (res) => {
          connectionHeaders.push(String(res.headers.connection));
          res.resume();
          res.on('end', () => resolve(poll()));
        });
        req.on('error', () => resolve());
      });
    const polling = poll();
    await new Promise((resolve) => setTimeout(resolve, 100));

    await running.shutdown();
    await polling;
    agent.destroy();
    // The long poll answered at shutdown keeps its connection; the poller's next request closes it.
    expect(connectionHeaders).toEqual(['keep-alive', 'close']);
  });
});

describe('the app server', () => {
  it("makes each request and response with the app's prototypes before Express sees them, and answers as Express does", async () => {
    const app = express();
    app.get('/hello/:name', (req, res) => {
      res.status(201).set('X-Greeting', 'yes').json({ hello: req.params.name, ip: req.ip, path: req.path });
    });
    const server = appServer(app);
    const seen: boolean[] = [];
    // Runs before Express's own handler: the objects already carry the app's request and response.
    server.prependListener('request', (req, res) => {
      seen.push(Object.getPrototypeOf(req) === app.request, Object.getPrototypeOf(res) === app.response);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const answer = await fetch(`http://127.0.0.1:${port}/hello/ada?x=1`);
      expect(answer.status).toBe(201);
      expect(answer.headers.get('x-greeting')).toBe('yes');
      expect(await answer.json()).toEqual({ hello: 'ada', ip: '127.0.0.1', path: '/hello/ada' });
      const missing = await fetch(`http://127.0.0.1:${port}/nowhere`);
      expect(missing.status).toBe(404);
      expect(seen).toEqual([true, true, true, true]);
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
