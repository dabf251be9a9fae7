import compression from 'compression';
import cors from 'cors';
import express, { type ErrorRequestHandler, type Express, type RequestHandler } from 'express';
import { rateLimit } from 'express-rate-limit';
import helmet from 'helmet';
import type { Actor } from '../contract/permissions.js';
import type { RouteRule } from '../contract/routes.js';
import { pgErrorCode } from '../db/pg-errors.js';
import { AppError } from '../errors.js';
import { DEFAULT_WRITES_PER_MINUTE } from '../service/config.js';
import type { Logger } from '../service/logger.js';
import { metricsHandler, recordRequests, tableRoute } from '../service/metrics.js';
import { requestSpans } from '../service/otlp.js';
import { readTraceparent, requestLogger } from '../service/trace.js';
import { authenticate } from './authenticate.js';
import { routeAccess } from './authorize.js';
import type { CredentialVerifier } from './credentials/verify.js';
import { actorOf } from './request-context.js';

export const JSON_BODY_LIMIT = '100kb';
/**
 * How deeply a request's JSON may nest arrays and objects. No body of the API goes past a few
 * levels; a body nested thousands deep once overflowed the stack of the code that walks it (a 500
 * with a stack trace in the log), so it is refused before it is parsed.
 */
export const MAX_JSON_DEPTH = 32;

/** Whether JSON text nests arrays and objects deeper than `limit` (a scan of the bytes, no parse). */
export function jsonNestedDeeperThan(text: Uint8Array, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let at = 0; at < text.length; at++) {
    const byte = text[at];
    if (inString) {
      if (byte === 0x5c)
        at++; // a backslash: the next byte is escaped
      else if (byte === 0x22) inString = false;
    } else if (byte === 0x22) inString = true;
    else if (byte === 0x5b || byte === 0x7b) {
      depth++;
      if (depth > limit) return true;
    } else if (byte === 0x5d || byte === 0x7d) depth--;
  }
  return false;
}

/** The JSON body parser of every service and the gateway: the size limit and the depth limit. */
export function jsonBody(): RequestHandler {
  return express.json({
    limit: JSON_BODY_LIMIT,
    verify: (_req, _res, body) => {
      if (jsonNestedDeeperThan(body, MAX_JSON_DEPTH)) {
        throw Object.assign(new Error('JSON nested too deeply'), { status: 400, type: 'entity.too.deep' });
      }
    },
  });
}
/**
 * Answers smaller than this go uncompressed: a single record or an error costs more CPU to
 * compress than its few saved bytes are worth. A page of a list (kilobytes of repetitive JSON)
 * shrinks several times over.
 */
export const COMPRESSION_THRESHOLD = '1kb';

/** How a service's HTTP front door is configured: who may call it from a browser, how fast. */
export interface HttpPolicy {
  /** Browser origins allowed to call the API (the browser app's); others get no CORS headers. */
  corsOrigins?: string[];
  /**
   * Writes (POST, PUT, DELETE) allowed per caller (the person, API token or service the credential
   * names) per minute; 0 turns the limit off.
   */
  writesPerMinute?: number;
  /**
   * Tests only: sees every answer a route gives (not the probes), as sent, so the API tests can
   * check it against the route table (testing/src/response-check.ts). Unset in production, where
   * nothing is installed for it.
   */
  observeAnswer?: AnswerObserver;
}

/** An answer as the app sent it: the body as given to `res.send` (`res.json`'s JSON text, a list's bytes). */
export interface SentAnswer {
  method: string;
  /** The request's path, as the route table matches it. */
  path: string;
  status: number;
  contentType: string | undefined;
  /** Set when the body is already compressed (a kept list answer's copy). */
  contentEncoding: string | undefined;
  body: string | Buffer | null | undefined;
}

export type AnswerObserver = (answer: SentAnswer) => void;

/**
 * Hands each answer's body to `observe` as `res.send` sends it; `res.json` sends through `res.send`.
 * An answer that never passes through `res.send` (a 204's `res.end()`, a streamed file) is handed
 * over when it has finished, without a body, so no answer goes unobserved.
 * Mount it on the app itself, not under a path: the answer's `path` is the request's as the app sees it.
 */
export function observeAnswers(observe: AnswerObserver): RequestHandler {
  return (req, res, next) => {
    const { method, path } = req;
    const header = (name: string) => {
      const value = res.getHeader(name);
      return value === undefined ? undefined : String(value);
    };
    const answered = (body: SentAnswer['body']) =>
      observe({
        method,
        path,
        status: res.statusCode,
        contentType: header('Content-Type'),
        contentEncoding: header('Content-Encoding'),
        body,
      });
    let sent = false;
    const send = res.send.bind(res);
    res.send = (body?: unknown) => {
      // An object comes back here as its JSON text (through res.json): that call is the one observed.
      if (typeof body === 'string' || Buffer.isBuffer(body) || body === null || body === undefined) {
        sent = true;
        answered(body);
      }
      return send(body);
    };
    res.once('finish', () => {
      if (!sent) answered(undefined);
    });
    next();
  };
}

/** Who may call which route: the credential check and the service's rows of the route table. */
export interface AccessPolicy {
  verifier: CredentialVerifier;
  rules: readonly RouteRule[];
}

export interface HttpAppOptions extends HttpPolicy {
  logger: Logger;
  access: AccessPolicy;
  /** Mounts the service's routers. */
  routes: (app: Express) => void;
  /** Extra facts for `/healthz` (sync state, say); throwing marks the service unavailable. */
  health: () => Promise<Record<string, unknown>>;
}

const READ_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export const DEFAULT_CORS_ORIGINS = ['http://localhost:3000'];

/**
 * `/livez` and `/readyz`, as every service and the gateway answer them. Liveness: the process
 * answers (a restart would not help a database outage, so no query). Readiness: migrated (the app
 * exists only after that), `ready` resolves (the database answers), and not draining.
 */
export function probeRoutes(app: Express, ready: () => Promise<unknown>, logger: Logger): void {
  app.get('/livez', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/readyz', async (req, res) => {
    if (req.app.locals.draining) {
      res.status(503).json({ status: 'unavailable', message: 'Shutting down', code: 'unavailable' });
      return;
    }
    try {
      await ready();
      res.json({ status: 'ready' });
    } catch (error) {
      logger.warn({ err: error }, 'readiness check failed');
      res.status(503).json({ status: 'unavailable', message: 'Database unavailable', code: 'unavailable' });
    }
  });
}

/** The Express app every service shares: JSON in and out, `/healthz`, JSON errors only. */
export function createHttpApp(options: HttpAppOptions): Express {
  const app = express();
  app.disable('x-powered-by');
  // An ETag is a hash of every response body, paid on every read; API clients never send If-None-Match.
  app.disable('etag');
  app.set('query parser', 'simple');
  // Every request's duration by route pattern and status, for /metrics (common/src/service/metrics.ts).
  app.use(recordRequests(tableRoute));
  // The caller's W3C trace id (the gateway sends one), for this request's log lines.
  app.use(readTraceparent);
  // The request's own span, the caller's child, when spans are exported over OTLP (./otlp.ts).
  app.use(requestSpans(tableRoute));
  app.use(helmet());
  app.use(cors({ origin: options.corsOrigins ?? DEFAULT_CORS_ORIGINS, exposedHeaders: ['X-Total-Count'] }));
  // gzip or brotli (quality 4, the package's default: fast) when the client asks for it. A long poll
  // answers with one res.json like any other route, so compressing it holds nothing back.
  app.use(compression({ threshold: COMPRESSION_THRESHOLD }));
  // Open to anyone: orchestrators and load balancers probe it without credentials. The details
  // (sync state, outbox backlog, their last errors) only to a caller with a valid credential: a
  // service listens on every interface, and they are not for whoever can reach its port.
  app.get('/healthz', async (req, res) => {
    try {
      const details = await options.health();
      const token = /^Bearer +(\S+)$/i.exec(req.get('authorization') ?? '')?.[1];
      const known =
        token !== undefined &&
        (await options.access.verifier.verify(token).then(
          () => true,
          () => false,
        ));
      res.json(known ? { status: 'ok', ...details } : { status: 'ok' });
    } catch (error) {
      options.logger.warn({ err: error }, 'health check failed');
      res.status(503).json({ status: 'unavailable', message: 'Database unavailable', code: 'unavailable' });
    }
  });
  probeRoutes(app, options.health, options.logger);
  // Prometheus scrapes without credentials: a service's port is reachable only inside the
  // deployment (the gateway is the one public address); docs/operations.md, "Metrics".
  app.get('/metrics', metricsHandler);

  if (options.observeAnswer) app.use(observeAnswers(options.observeAnswer));
  // Everything else needs a verified credential, before even its body is read.
  app.use(authenticate(options.access.verifier, options.logger));
  const writesPerMinute = options.writesPerMinute ?? DEFAULT_WRITES_PER_MINUTE;
  if (writesPerMinute > 0) {
    app.use(
      rateLimit({
        windowMs: 60_000,
        limit: writesPerMinute,
        skip: (req) => READ_METHODS.has(req.method),
        // Every request arrives from the gateway's address; the caller is who the credential names.
        keyGenerator: (_req, res) => callerKey(actorOf(res)),
        standardHeaders: 'draft-8',
        legacyHeaders: false,
        handler: (_req, res) => {
          res.status(429).json({ message: 'Too many changes; try again in a minute', code: 'rate_limited' });
        },
      }),
    );
  }
  app.use(routeAccess(options.access.rules));
  app.use(jsonBody());

  options.routes(app);

  app.use(notFoundHandler);
  app.use(errorHandler(options.logger));
  return app;
}

function callerKey(actor: Actor): string {
  return actor.kind === 'service' ? `service:${actor.service}` : `${actor.kind}:${actor.id}`;
}

const notFoundHandler: RequestHandler = (_req, res) => {
  res.status(404).json({ message: 'Does not exist', code: 'not_found' });
};

/** Body-parser errors carry a `type`; they are the client's fault, never a 500. */
function bodyParserError(error: unknown): AppError | undefined {
  if (typeof error !== 'object' || error === null || !('type' in error)) return undefined;
  switch (error.type) {
    case 'entity.parse.failed':
      return new AppError(400, 'validation_error', 'Malformed JSON', [{ path: '(body)', message: 'Malformed JSON' }]);
    case 'entity.too.deep': {
      const message = `The JSON nests more than ${MAX_JSON_DEPTH} levels deep`;
      return new AppError(400, 'validation_error', message, [{ path: '(body)', message }]);
    }
    case 'entity.too.large': {
      // The limit of the parser that refused it: the JSON one, or a route's own (a CSV import's).
      const limit = 'limit' in error && typeof error.limit === 'number' ? error.limit : undefined;
      const size = limit === undefined ? JSON_BODY_LIMIT : `${Math.round(limit / 1024).toLocaleString('en')} kB`;
      return new AppError(413, 'payload_too_large', `The request body is larger than the ${size} allowed`);
    }
    case 'encoding.unsupported':
    case 'charset.unsupported':
    case 'request.aborted':
    case 'request.size.invalid':
      return new AppError(400, 'validation_error', 'Unreadable request body');
    default:
      return undefined;
  }
}

const connectionErrorCodes = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', '57P01', '57P03', '08006']);

function isDatabaseUnavailable(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current instanceof Error; depth++) {
    const code = (current as Error & { code?: unknown }).code;
    if (typeof code === 'string' && connectionErrorCodes.has(code)) return true;
    if (/Connection terminated|connection closed|PGlite is closed/i.test(current.message)) return true;
    current = current.cause;
  }
  return false;
}

export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (error: unknown, req, res, _next) => {
    const known = error instanceof AppError ? error : bodyParserError(error);
    if (known) {
      res.status(known.status).json(known.toJSON());
      return;
    }
    const log = requestLogger(logger, res);
    if (isDatabaseUnavailable(error)) {
      log.warn({ err: error, method: req.method, url: req.originalUrl }, 'database unavailable');
      res.status(503).json({ message: 'Service temporarily unavailable', code: 'unavailable' });
      return;
    }
    // Never show SQL or a stack trace to the client; the log keeps them.
    log.error(
      { err: error, sqlState: pgErrorCode(error), method: req.method, url: req.originalUrl },
      'unhandled error',
    );
    res.status(500).json({ message: 'Internal server error', code: 'internal_error' });
  };
}
