import http, { type IncomingMessage, type OutgoingHttpHeaders, type ServerResponse } from 'node:http';
import https from 'node:https';
import type { Duplex } from 'node:stream';
import { type Dispatcher, errors, Pool } from 'undici';

/**
 * Headers that describe one connection, not the message (RFC 9110 §7.6.1): never passed on.
 * `expect` too: this server already answered any `100-continue`.
 */
const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-authenticate',
  'proxy-authorization',
  'proxy-connection',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
  'expect',
]);

/**
 * Headers as either side hands them over: node:http's for the client's request, undici's for the
 * service's answer, where a repeated header (two `Connection` lines, say) is an array.
 */
export type HeaderValues = Readonly<Record<string, string | string[] | undefined>>;

/** Plus the headers a `Connection` header (or several) names as hop-by-hop for this message. */
function connectionScoped(headers: HeaderValues): ReadonlySet<string> {
  const named = [headers.connection ?? '']
    .flat()
    .join(',')
    .split(',')
    .map((name) => name.trim().toLowerCase())
    .filter((name) => name !== '' && !HOP_BY_HOP.has(name));
  // Almost always `keep-alive` or nothing: no new set for every forwarded message.
  return named.length === 0 ? HOP_BY_HOP : new Set([...HOP_BY_HOP, ...named]);
}

/** A copy of `headers` without hop-by-hop headers and without those `drop` says. */
export function endToEndHeaders(
  headers: HeaderValues,
  drop: (name: string) => boolean = () => false,
): OutgoingHttpHeaders {
  const scoped = connectionScoped(headers);
  const kept: OutgoingHttpHeaders = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined || scoped.has(name) || drop(name)) continue;
    kept[name] = value;
  }
  return kept;
}

export interface Upstream {
  url: URL;
  /** undici's keep-alive pool of connections to the upstream's origin. */
  pool: Pool;
}

/**
 * How long an idle connection to a service is kept for reuse: well under the services' own
 * keep-alive (65 s), so it is always the gateway that closes an idle connection, never the service
 * just as the gateway sends on it. A request in progress has its own timeout (`timeoutMs`).
 */
export const IDLE_UPSTREAM_SOCKET_MS = 30_000;

/**
 * One upstream with undici's keep-alive pool (measured even with node:http's agent it replaced,
 * docs/performance.md): a forwarded request reuses an open connection instead of paying a TCP
 * handshake (and the service a new socket) each time.
 */
export function upstream(base: string, connections = 256): Upstream {
  const url = new URL(base);
  const pool = new Pool(url.origin, {
    connections,
    // Both: a service's `Keep-Alive: timeout=` hint may not stretch it past ours.
    keepAliveTimeout: IDLE_UPSTREAM_SOCKET_MS,
    keepAliveMaxTimeout: IDLE_UPSTREAM_SOCKET_MS,
  });
  return { url, pool };
}

export interface ForwardOptions {
  upstream: Upstream;
  /** The path and query to ask for, below the upstream's base URL. */
  path: string;
  headers: OutgoingHttpHeaders;
  /** How long to wait for the upstream's answer to begin. */
  timeoutMs: number;
  /** The answer's headers, cleaned before they reach the client. */
  responseHeaders: (headers: HeaderValues) => OutgoingHttpHeaders;
  /** Called when there is still time to answer the client yourself (nothing was sent yet). */
  onFailure: (kind: 'unreachable' | 'timeout', error: Error) => void;
}

/** `base` `/api` + `/automobiles/?q=x` → `/api/automobiles/?q=x`; a bare base adds nothing. */
function joinPath(base: URL, path: string): string {
  const prefix = base.pathname.replace(/\/+$/, '');
  return `${prefix}${path.startsWith('/') ? path : `/${path}`}`;
}

/** undici takes header values as strings; node's outgoing headers may hold numbers. */
function requestHeaderValues(headers: OutgoingHttpHeaders): Record<string, string | string[]> {
  const values: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) values[name] = typeof value === 'number' ? String(value) : value;
  }
  return values;
}

/** A request carries a body only when its headers say so (RFC 9112 §6.3): a GET is sent without one. */
const hasBody = (req: IncomingMessage) =>
  req.headers['content-length'] !== undefined || req.headers['transfer-encoding'] !== undefined;

/**
 * Streams `req` to the upstream and its answer back, bytes unchanged (a gzip body stays gzip, an
 * ETag stays the ETag): only hop-by-hop headers and what the caller drops are touched.
 *
 * Once a request body has been sent, undici destroys `req`, which clears `req.socket`: read
 * `req.ip`, `req.protocol` and the like before calling this, never in a later hook.
 */
export function forward(req: IncomingMessage, res: ServerResponse, options: ForwardOptions): void {
  // The client left while the caller was getting ready (signing a credential): ask for nothing.
  if (res.destroyed) return;
  const { url, pool } = options.upstream;
  const abort = new AbortController();
  // The client went away before the answer finished: stop asking the upstream for it.
  res.on('close', () => {
    if (!res.writableFinished) abort.abort();
  });
  pool
    .stream(
      {
        method: req.method as Dispatcher.HttpMethod,
        path: joinPath(url, options.path),
        headers: requestHeaderValues(options.headers),
        body: hasBody(req) ? req : null,
        signal: abort.signal,
        headersTimeout: options.timeoutMs,
        // Once the answer has begun it may take as long as it takes (a CSV export, a long poll's body).
        bodyTimeout: 0,
      },
      ({ statusCode, headers }) => {
        res.writeHead(statusCode, options.responseHeaders(headers));
        // undici writes the body into the client's response and ends it.
        return res;
      },
    )
    .catch((error: Error) => {
      if (abort.signal.aborted) return;
      if (res.headersSent) res.destroy(error);
      else options.onFailure(error instanceof errors.HeadersTimeoutError ? 'timeout' : 'unreachable', error);
    });
}

/**
 * Passes a WebSocket upgrade (Vite's HMR) through to the upstream and then splices the two
 * sockets together; a refused upgrade is answered with the upstream's status line and closed.
 */
export function forwardUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer, target: Upstream): void {
  const { url } = target;
  // A WebSocket splice (development only) stays on node:http, which hands over the raw sockets.
  const request = url.protocol === 'https:' ? https.request : http.request;
  const outgoing = request({
    protocol: url.protocol,
    hostname: url.hostname,
    port: url.port,
    method: req.method,
    path: req.url,
    // The upgrade headers themselves are the point here; only the cookie is kept back.
    headers: Object.fromEntries(Object.entries(req.headers).filter(([name]) => name !== 'cookie')),
  });
  socket.on('error', () => outgoing.destroy());
  outgoing.on('error', () => socket.destroy());
  outgoing.on('response', (answer) => {
    socket.end(`HTTP/1.1 ${answer.statusCode ?? 502} ${answer.statusMessage ?? ''}\r\n\r\n`);
    answer.resume();
  });
  outgoing.on('upgrade', (answer, upstreamSocket, upstreamHead) => {
    const lines = [`HTTP/1.1 101 ${answer.statusMessage ?? 'Switching Protocols'}`];
    for (let i = 0; i < answer.rawHeaders.length; i += 2)
      lines.push(`${answer.rawHeaders[i]}: ${answer.rawHeaders[i + 1]}`);
    socket.write(`${lines.join('\r\n')}\r\n\r\n`);
    if (upstreamHead.length > 0) socket.write(upstreamHead);
    if (head.length > 0) upstreamSocket.write(head);
    upstreamSocket.on('error', () => socket.destroy());
    upstreamSocket.pipe(socket).pipe(upstreamSocket);
  });
  outgoing.end();
}
