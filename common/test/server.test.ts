import http from 'node:http';
import { asRole, testVerifier } from '@carcar/testing/credentials';
import { describe, expect, it } from 'vitest';
import { createHttpApp } from '../src/http/app.js';
import { createLogger } from '../src/service/logger.js';
import { startServer } from '../src/service/server.js';

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
