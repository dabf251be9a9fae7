import http, {
  type IncomingHttpHeaders,
  type IncomingMessage,
  type OutgoingHttpHeaders,
  type ServerResponse,
} from 'node:http';
import https from 'node:https';
import type { Duplex } from 'node:stream';

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

/** Plus the headers a `Connection` header names as hop-by-hop for this message. */
function connectionScoped(headers: IncomingHttpHeaders): ReadonlySet<string> {
  const named = (headers.connection ?? '')
    .split(',')
    .map((name) => name.trim().toLowerCase())
    .filter((name) => name !== '' && !HOP_BY_HOP.has(name));
  // Almost always `keep-alive` or nothing: no new set for every forwarded message.
  return named.length === 0 ? HOP_BY_HOP : new Set([...HOP_BY_HOP, ...named]);
}

/** A copy of `headers` without hop-by-hop headers and without those `drop` says. */
export function endToEndHeaders(
  headers: IncomingHttpHeaders,
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
  agent: http.Agent;
  request: typeof http.request;
}

/**
 * One upstream with a keep-alive pool: a forwarded request reuses an open connection instead of
 * paying a TCP handshake (and the service a new socket) each time.
 */
/**
 * How long an idle connection to a service is kept for reuse: well under the services' own
 * keep-alive (65 s), so it is always the gateway that closes an idle connection, never the service
 * just as the gateway sends on it. A request in progress has its own timeout (`timeoutMs`).
 */
export const IDLE_UPSTREAM_SOCKET_MS = 30_000;

export function upstream(base: string, maxSockets = 256): Upstream {
  const url = new URL(base);
  const secure = url.protocol === 'https:';
  const agent = secure
    ? new https.Agent({ keepAlive: true, maxSockets, scheduling: 'lifo', timeout: IDLE_UPSTREAM_SOCKET_MS })
    : new http.Agent({ keepAlive: true, maxSockets, scheduling: 'lifo', timeout: IDLE_UPSTREAM_SOCKET_MS });
  return { url, agent, request: secure ? https.request : http.request };
}

export interface ForwardOptions {
  upstream: Upstream;
  /** The path and query to ask for, below the upstream's base URL. */
  path: string;
  headers: OutgoingHttpHeaders;
  /** How long to wait for the upstream's answer to begin. */
  timeoutMs: number;
  /** The answer's headers, cleaned before they reach the client. */
  responseHeaders: (headers: IncomingHttpHeaders) => OutgoingHttpHeaders;
  /** Called when there is still time to answer the client yourself (nothing was sent yet). */
  onFailure: (kind: 'unreachable' | 'timeout', error: Error) => void;
}

/** `base` `/api` + `/automobiles/?q=x` → `/api/automobiles/?q=x`; a bare base adds nothing. */
function joinPath(base: URL, path: string): string {
  const prefix = base.pathname.replace(/\/+$/, '');
  return `${prefix}${path.startsWith('/') ? path : `/${path}`}`;
}

/**
 * Streams `req` to the upstream and its answer back, bytes unchanged (a gzip body stays gzip, an
 * ETag stays the ETag): only hop-by-hop headers and what the caller drops are touched.
 */
export function forward(req: IncomingMessage, res: ServerResponse, options: ForwardOptions): void {
  const { url } = options.upstream;
  const outgoing = options.upstream.request({
    protocol: url.protocol,
    hostname: url.hostname,
    port: url.port,
    method: req.method,
    path: joinPath(url, options.path),
    headers: options.headers,
    agent: options.upstream.agent,
  });
  let failed = false;
  const fail = (kind: 'unreachable' | 'timeout', error: Error) => {
    if (failed) return;
    failed = true;
    outgoing.destroy();
    if (res.headersSent) res.destroy(error);
    else options.onFailure(kind, error);
  };
  outgoing.setTimeout(options.timeoutMs, () => fail('timeout', new Error('upstream timed out')));
  outgoing.on('error', (error) => fail('unreachable', error));
  outgoing.on('response', (answer) => {
    outgoing.setTimeout(0);
    res.writeHead(answer.statusCode ?? 502, answer.statusMessage, options.responseHeaders(answer.headers));
    answer.pipe(res);
    answer.on('error', (error) => res.destroy(error));
  });
  // The client went away before the answer finished: stop asking the upstream for it.
  res.on('close', () => {
    if (!res.writableFinished) outgoing.destroy();
  });
  req.pipe(outgoing);
}

/**
 * Passes a WebSocket upgrade (Vite's HMR) through to the upstream and then splices the two
 * sockets together; a refused upgrade is answered with the upstream's status line and closed.
 */
export function forwardUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer, target: Upstream): void {
  const { url } = target;
  const outgoing = target.request({
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
