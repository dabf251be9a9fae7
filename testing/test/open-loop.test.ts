import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { type HttpSender, httpSender, runOpenLoop } from '../src/open-loop.js';

// The generator's schedule, checked by counts and by what must hold whatever the machine's speed:
// a request cannot be answered before the ones it waits for were sent, so its latency (from when
// it was due) is at least that long. No assertion depends on how fast anything ran.

interface HeldServer {
  url: string;
  received: () => number;
  close: () => Promise<void>;
}

/** A server that answers nothing until `holdUntil` requests have arrived, then answers them all. */
async function holdingServer(holdUntil: number): Promise<HeldServer> {
  const waiting: http.ServerResponse[] = [];
  let received = 0;
  const server = http.createServer((req, res) => {
    received++;
    req.resume();
    const status = req.url === '/missing' ? 404 : 200;
    res.statusCode = status;
    if (received < holdUntil) {
      waiting.push(res);
      return;
    }
    for (const held of waiting.splice(0)) held.end('{}');
    res.end('{}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    received: () => received,
    close: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

describe('runOpenLoop', () => {
  let server: HeldServer | undefined;
  let sender: HttpSender | undefined;
  afterEach(async () => {
    sender?.close();
    await server?.close();
  });

  it('sends rate × duration requests, the warm-up apart, and counts every answer', async () => {
    server = await holdingServer(0);
    const client = httpSender();
    sender = client;
    const url = server.url;
    const seconds: number[] = [];
    const result = await runOpenLoop({
      rate: 200,
      warmUpSeconds: 0.25,
      seconds: 0.5,
      next: () => ({ kind: 'get', send: () => client.send('GET', `${url}/`, {}) }),
      everySecond: (second) => seconds.push(second),
    });
    expect(result.warmUp.sent).toBe(50);
    expect(result.measured.sent).toBe(100);
    expect(result.warmUp.latencies).toHaveLength(50);
    expect(result.measured.latencies).toHaveLength(100);
    expect(result.measured.byKind.get('get')).toHaveLength(100);
    expect(result.measured.errors).toEqual([]);
    expect(server.received()).toBe(150);
    expect(seconds).toEqual([0]);
  });

  it('keeps sending while earlier requests wait, and counts the wait in their latency', async () => {
    // Nothing is answered until the 40th request arrives: a closed loop would never get there.
    const rate = 100;
    server = await holdingServer(40);
    const client = httpSender();
    sender = client;
    const url = server.url;
    const result = await runOpenLoop({
      rate,
      seconds: 0.4,
      next: () => ({ kind: 'get', send: () => client.send('GET', `${url}/`, {}) }),
    });
    expect(result.measured.sent).toBe(40);
    expect(result.measured.latencies).toHaveLength(40);
    // The first request was due at 0 and answered only after the 40th was due (at 39 / rate s).
    const slowest = Math.max(...result.measured.latencies);
    expect(slowest).toBeGreaterThanOrEqual((39 * 1000) / rate);
  });

  it('counts from when a request was due, not from when a late generator sent it', async () => {
    server = await holdingServer(0);
    const client = httpSender();
    sender = client;
    const url = server.url;
    let calls = 0;
    const result = await runOpenLoop({
      rate: 100,
      seconds: 0.2,
      next: () => {
        const n = calls++;
        // The generator stalls for 100 ms on its first request: the second, due 10 ms in, leaves
        // after the stall, at least 90 ms late, and is answered at once by the local server.
        if (n === 0) {
          const until = performance.now() + 100;
          while (performance.now() < until) {
            // busy: a generator starved of CPU
          }
        }
        return { kind: n === 1 ? 'second' : 'other', send: () => client.send('GET', `${url}/`, {}) };
      },
    });
    expect(result.measured.sent).toBe(20);
    expect(result.sendLagMs.max).toBeGreaterThanOrEqual(90);
    expect(result.measured.byKind.get('second')?.[0]).toBeGreaterThanOrEqual(90);
  });

  it('reports a refusal with its status and what the server said', async () => {
    server = await holdingServer(0);
    const client = httpSender();
    sender = client;
    const url = server.url;
    let n = 0;
    const result = await runOpenLoop({
      rate: 100,
      seconds: 0.1,
      next: () => ({ kind: 'get', send: () => client.send('GET', `${url}/${n++ % 2 ? 'missing' : ''}`, {}) }),
    });
    expect(result.measured.sent).toBe(10);
    expect(result.measured.errors).toHaveLength(5);
    expect(result.measured.errors[0]).toBe(`404 ${url}/missing {}`);
    expect(result.measured.latencies).toHaveLength(10);
  });
});
