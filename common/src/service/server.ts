import http, { type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { isMainThread, parentPort } from 'node:worker_threads';
import type { Express } from 'express';
import type { Logger } from './logger.js';

export interface ServerOptions {
  app: Express;
  port: number;
  host: string;
  logger: Logger;
  /** Run first on shutdown: wake long polls, stop pollers (anything that holds requests open). */
  stopping?: Array<() => void | Promise<void>>;
  /** Run once the last request has finished: close the database. */
  stopped?: Array<() => void | Promise<void>>;
  /** How long in-flight requests get before their connections are cut. */
  drainMs?: number;
}

export interface RunningServer {
  server: Server;
  port: number;
  shutdown(): Promise<void>;
}

/**
 * An HTTP server for `app` whose requests and responses are born with the app's own prototypes.
 * Express otherwise swaps the prototype of each request and response as it arrives
 * (`Object.setPrototypeOf`), and V8 then treats both objects as of a new shape everywhere they go:
 * in a bare proxy on this 2-core machine that swap cost about 110 µs of CPU per request
 * (docs/performance.md, "Express's prototype swap"). Here the app's request and response become
 * the prototypes of subclasses of Node's own, so Express's swap finds them in place and does nothing.
 */
export function appServer(app: Express): Server {
  class AppRequest extends http.IncomingMessage {}
  class AppResponse extends http.ServerResponse {}
  Object.setPrototypeOf(AppRequest.prototype, app.request);
  Object.setPrototypeOf(AppResponse.prototype, app.response);
  app.request = AppRequest.prototype as unknown as Express['request'];
  app.response = AppResponse.prototype as unknown as Express['response'];
  return http.createServer({ IncomingMessage: AppRequest, ServerResponse: AppResponse }, app);
}

export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const server = appServer(options.app).listen(options.port, options.host);
  // A client that trickles its headers or body cannot hold a connection forever (slowloris).
  server.headersTimeout = 10_000;
  server.requestTimeout = 30_000;
  // An idle kept-alive connection stays open longer than the gateway keeps its idle ones (30 s,
  // gateway/src/edge/forward/proxy.ts): otherwise the gateway could send a request on a connection the
  // service is closing that instant, and answer 502 (CI's journeys hit it once under load).
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  options.logger.info({ port }, 'listening');

  let shuttingDown: Promise<void> | undefined;
  const shutdown = (): Promise<void> => {
    shuttingDown ??= (async () => {
      options.logger.info('shutting down');
      // /readyz answers 503 from now on: a load balancer stops sending new requests here.
      options.app.locals.draining = true;
      // From now on every answer closes its connection. Otherwise a keep-alive client that asks
      // again at once (a poller whose long poll was just answered) keeps its connection busy, and
      // the server waits out the whole drain time for it.
      server.prependListener('request', (_req: IncomingMessage, res: ServerResponse) => {
        res.setHeader('Connection', 'close');
      });
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      // A request in flight when shutdown began (a long poll) answers without `Connection: close`;
      // its connection then idles, and would hold `close` until the keep-alive timeout. Close each
      // connection as soon as it is idle.
      const sweep = setInterval(() => server.closeIdleConnections(), 100);
      for (const hook of options.stopping ?? []) await hook();
      const drain = setTimeout(() => server.closeAllConnections(), options.drainMs ?? 10_000);
      await closed;
      clearInterval(sweep);
      clearTimeout(drain);
      for (const hook of options.stopped ?? []) await hook();
      options.logger.info('stopped');
    })();
    return shuttingDown;
  };
  return { server, port, shutdown };
}

/**
 * SIGINT/SIGTERM: stop accepting, finish in-flight requests, close the database, exit. A repeated
 * signal (a second Ctrl-C, an orchestrator's retry) must not cut the shutdown short: the default
 * action would kill the process before the embedded database closes, and the next start would
 * go through crash recovery.
 */
export function exitOnSignals(shutdown: () => Promise<void>, logger: Logger): void {
  let stopping = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) {
      logger.info({ signal }, 'signal received again; still stopping');
      return;
    }
    stopping = true;
    logger.info({ signal }, 'signal received');
    shutdown().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  // A service run as a worker thread (`npm start`, scripts/start.mjs) hears no signals: only the
  // main thread does, and it passes each one on as a message.
  if (!isMainThread) {
    parentPort?.on('message', (message: unknown) => {
      const signal = signalIn(message);
      if (signal) onSignal(signal);
    });
  }
}

/** `{ carcarSignal: 'SIGINT' | 'SIGTERM' }`, as scripts/start.mjs sends it; anything else is not a signal. */
function signalIn(message: unknown): NodeJS.Signals | undefined {
  if (typeof message !== 'object' || message === null || !('carcarSignal' in message)) return undefined;
  return message.carcarSignal === 'SIGINT' || message.carcarSignal === 'SIGTERM' ? message.carcarSignal : undefined;
}
