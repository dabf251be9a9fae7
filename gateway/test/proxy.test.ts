import { once } from 'node:events';
import http, { type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import net, { type AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { endToEndHeaders, type ForwardOptions, forward, upstream } from '../src/edge/forward/proxy.js';

// forward() between two real HTTP servers: the client's side (a bare node:http server calling
// forward) and the upstream's. What the gateway's routes build on: timeouts, a client that goes
// away, bodies streamed both ways, hop-by-hop headers kept to their own hop.

const servers: Server[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    server.close();
  }
});

async function listen(handler: (req: IncomingMessage, res: ServerResponse) => void): Promise<string> {
  const server = http.createServer(handler);
  servers.push(server);
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** A front server that forwards everything to `target` and records how forward() failed, if it did. */
async function front(target: string, options: Partial<ForwardOptions> = {}) {
  const failures: string[] = [];
  const to = upstream(target);
  const url = await listen((req, res) => {
    forward(req, res, {
      upstream: to,
      path: req.url ?? '/',
      headers: endToEndHeaders(req.headers, (name) => name === 'host'),
      timeoutMs: 5_000,
      responseHeaders: (headers) => endToEndHeaders(headers),
      onFailure: (kind) => {
        failures.push(kind);
        res.writeHead(kind === 'timeout' ? 504 : 502, { 'content-type': 'text/plain' }).end(kind);
      },
      ...options,
    });
  });
  return { url, failures };
}

describe('forward', () => {
  it('streams a chunked request body and a chunked answer through unchanged', async () => {
    const target = await listen(async (req, res) => {
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      res.writeHead(201, { 'content-type': 'text/plain', 'x-seen-encoding': req.headers['transfer-encoding'] ?? '' });
      // Two writes without a length: the answer is chunked on this hop.
      res.write(`got ${Buffer.concat(chunks).length} bytes: `);
      res.end(Buffer.concat(chunks).toString().slice(0, 5));
    });
    const { url } = await front(target);
    const body = new ReadableStream({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('hello '));
        controller.enqueue(new TextEncoder().encode('x'.repeat(100_000)));
        controller.close();
      },
    });
    const answer = await fetch(`${url}/upload?a=1`, { method: 'POST', body, duplex: 'half' } as RequestInit);
    expect(answer.status).toBe(201);
    expect(answer.headers.get('x-seen-encoding')).toBe('chunked');
    expect(await answer.text()).toBe('got 100006 bytes: hello');
  });

  it('keeps hop-by-hop headers, and those Connection names, to their own hop', async () => {
    let seen: IncomingMessage['headers'] = {};
    const target = await listen((req, res) => {
      seen = req.headers;
      res.writeHead(200, { connection: 'x-hop', 'x-hop': 'answer', 'x-end': 'kept' }).end('ok');
    });
    const { url } = await front(target);
    const answer = await new Promise<IncomingMessage>((resolve, reject) => {
      const request = http.get(`${url}/`, {
        headers: { connection: 'keep-alive, x-mine', 'x-mine': '1', te: 'trailers' },
      });
      request.on('response', resolve).on('error', reject);
    });
    answer.resume();
    expect(seen['x-mine']).toBeUndefined();
    expect(seen.te).toBeUndefined();
    expect(answer.headers['x-hop']).toBeUndefined();
    expect(answer.headers['x-end']).toBe('kept');
  });

  it('drops the hop-by-hop headers of an answer that names them in two Connection lines', async () => {
    // A raw answer: node:http would join the two lines into one before anyone saw them.
    const raw = net.createServer((socket) => {
      socket.once('data', () => {
        socket.end(
          'HTTP/1.1 200 OK\r\nConnection: keep-alive\r\nConnection: x-hop\r\nX-Hop: 1\r\nX-End: kept\r\nContent-Length: 2\r\n\r\nok',
        );
      });
    });
    raw.listen(0, '127.0.0.1');
    await once(raw, 'listening');
    try {
      const { url, failures } = await front(`http://127.0.0.1:${(raw.address() as AddressInfo).port}`);
      const answer = await fetch(`${url}/`);
      expect(answer.status).toBe(200);
      expect(answer.headers.get('x-hop')).toBeNull();
      expect(answer.headers.get('x-end')).toBe('kept');
      expect(await answer.text()).toBe('ok');
      expect(failures).toEqual([]);
    } finally {
      raw.close();
    }
  });

  it('answers a HEAD with the headers alone', async () => {
    const target = await listen((req, res) => {
      res.writeHead(200, { 'content-type': 'text/plain', 'content-length': '5' });
      res.end(req.method === 'HEAD' ? undefined : 'hello');
    });
    const { url } = await front(target);
    const answer = await fetch(`${url}/`, { method: 'HEAD' });
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-length')).toBe('5');
    expect(await answer.text()).toBe('');
  });

  it('gives up on an upstream that does not begin its answer in time: a timeout the caller answers', async () => {
    const target = await listen(() => {
      // Never answers.
    });
    const { url, failures } = await front(target, { timeoutMs: 200 });
    const answer = await fetch(`${url}/slow`);
    expect(answer.status).toBe(504);
    expect(failures).toEqual(['timeout']);
  });

  it('reports an upstream where nothing listens as unreachable', async () => {
    const target = await listen(() => {});
    const closed = servers.pop() as Server;
    closed.close();
    await once(closed, 'close');
    const { url, failures } = await front(target);
    expect((await fetch(`${url}/`)).status).toBe(502);
    expect(failures).toEqual(['unreachable']);
  });

  it('asks the upstream nothing for a client that left before forwarding began', async () => {
    let asked = 0;
    const target = await listen((_req, res) => {
      asked += 1;
      res.end('ok');
    });
    const to = upstream(target);
    let forwarded: () => void = () => {};
    const done = new Promise<void>((resolve) => {
      forwarded = resolve;
    });
    // The front waits for the client to leave (as the gateway may while it signs a credential), then forwards.
    const url = await listen(async (req, res) => {
      await once(res, 'close');
      forward(req, res, {
        upstream: to,
        path: '/',
        headers: {},
        timeoutMs: 5_000,
        responseHeaders: (headers) => endToEndHeaders(headers),
        onFailure: () => {},
      });
      forwarded();
    });
    const client = new AbortController();
    const left = fetch(`${url}/`, { signal: client.signal }).catch((error: Error) => error.name);
    setTimeout(() => client.abort(), 100);
    expect(await left).toBe('AbortError');
    await done;
    // A request sent anyway would reach the upstream within a few milliseconds on this machine.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(asked).toBe(0);
  });

  it('stops asking the upstream once the client has gone away', async () => {
    let upstreamClosed: Promise<unknown> = Promise.resolve();
    let reached: () => void = () => {};
    const arrived = new Promise<void>((resolve) => {
      reached = resolve;
    });
    const target = await listen((req) => {
      upstreamClosed = once(req.socket, 'close');
      reached();
    });
    const { url, failures } = await front(target);
    const client = new AbortController();
    const asked = fetch(`${url}/long`, { signal: client.signal }).catch((error: Error) => error.name);
    await arrived;
    client.abort();
    expect(await asked).toBe('AbortError');
    // The upstream's connection is closed by the gateway's side, not left waiting for an answer.
    await upstreamClosed;
    expect(failures).toEqual([]);
  });
});
