import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { performance } from 'node:perf_hooks';
import type { Request, RequestHandler, Response } from 'express';
import { collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import type { RouteRule } from '../contract/routes.js';
import { compileRoutes, ruleFor } from '../http/authorize.js';

/**
 * `/metrics` in Prometheus' text format (docs/operations.md, "Metrics"): each process's request
 * rate and latency by route pattern and status, its pollers' lag, the sales outbox's backlog, the
 * Postgres pool, and Node's own figures (CPU, memory, event-loop delay, GC). One registry per
 * process: the app, its pollers and its outbox report into the same one.
 */

export interface ProcessMetrics {
  registry: Registry;
  requests: Histogram<'method' | 'route' | 'status'>;
}

let current: ProcessMetrics | undefined;

/** This process's registry, made on first use with Node's default metrics. */
export function processMetrics(): ProcessMetrics {
  if (current) return current;
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const requests = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'HTTP requests by route pattern (never the raw path) and status: duration in seconds; _count is the request count',
    labelNames: ['method', 'route', 'status'] as const,
    // From a cached read (~1 ms) to a slow import; the contract's targets sit at 10 and 100 ms.
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  current = { registry, requests };
  return current;
}

/** The paths every process answers outside its route table. */
const OWN_PATHS = new Set(['/healthz', '/livez', '/readyz', '/metrics']);
/** Status codes as label strings, made once rather than at every request. */
const STATUS_TEXT = Array.from({ length: 600 }, (_, code) => String(code));
const STARTED = Symbol('carcar.requestStarted');
const ROUTE_OF = Symbol('carcar.routeOf');

type Timed = Response & { [STARTED]?: number; [ROUTE_OF]?: (req: Request, res: Response) => string };

/** The label of a request whose route is not in the table: its path only if it is one of OWN_PATHS. */
export function ownPathOr(path: string, otherwise: string): string {
  return OWN_PATHS.has(path) ? path : otherwise;
}

// One listener shared by every response (no closure a request): it finds its start time and its
// route function on the response itself. With prom-client's observe (which hashes the labels) this
// costs about 0.55 µs of CPU a request (docs/operations.md, "Metrics"): a GET by VIN takes ~300 µs.
function onFinish(this: Timed): void {
  const started = this[STARTED];
  const routeOf = this[ROUTE_OF];
  if (started === undefined || !routeOf) return;
  const req = this.req as Request;
  const seconds = (performance.now() - started) / 1000;
  processMetrics().requests.observe(
    { method: req.method, route: routeOf(req, this), status: STATUS_TEXT[this.statusCode] ?? 'other' },
    seconds,
  );
}

/**
 * Times every request into `http_request_duration_seconds`. `routeOf` names the route pattern the
 * request fell under (`/api/automobiles/:vin/`), read when the answer has been sent: a label never
 * holds a VIN or an id, so the number of series stays that of the route table.
 */
export function recordRequests(routeOf: (req: Request, res: Response) => string): RequestHandler {
  processMetrics();
  return (_req, res, next) => {
    const timed = res as Timed;
    timed[STARTED] = performance.now();
    timed[ROUTE_OF] = routeOf;
    // `on`, not `once`: once wraps the listener in a new function each time; a response finishes once.
    res.on('finish', onFinish);
    next();
  };
}

/** The route pattern the service's route table matched (set by routeAccess), or its own path, or `unmatched`. */
export function tableRoute(req: Request, res: Response): string {
  const route: unknown = res.locals.route;
  return typeof route === 'string' ? route : ownPathOr(req.path, 'unmatched');
}

/** Answers `/metrics` from this process's registry. */
export const metricsHandler: RequestHandler = async (_req, res) => {
  const { registry } = processMetrics();
  res
    .set('Content-Type', registry.contentType)
    .set('Cache-Control', 'no-store')
    .send(await registry.metrics());
};

/** Whether a request came over the loopback interface (a scraper on the same machine or pod). */
export function fromLoopback(req: IncomingMessage): boolean {
  const address = req.socket.remoteAddress ?? '';
  return address === '127.0.0.1' || address === '::1' || address === '::ffff:127.0.0.1';
}

type Reader = (gauge: Gauge<string>) => void | Promise<void>;
/** Each scraped gauge's source, by name: the newest registration wins (a test starts many pollers). */
const readers = new Map<string, Reader>();

/**
 * The gateway's /metrics is on the public address: it answers a scraper holding `token` as a
 * bearer, or one on the same machine (loopback, and no forwarding header: a reverse proxy on the
 * same host adds one, and must not open /metrics to the world). Others get 401.
 */
export function metricsGuard(token: string | undefined): RequestHandler {
  const expected = token ? createHash('sha256').update(token).digest() : undefined;
  return (req, res, next) => {
    const bearer = /^Bearer (.+)$/.exec(req.get('authorization') ?? '')?.[1];
    if (expected && bearer && timingSafeEqual(createHash('sha256').update(bearer).digest(), expected)) {
      next();
      return;
    }
    const forwarded = req.get('x-forwarded-for') !== undefined || req.get('forwarded') !== undefined;
    if (!bearer && !forwarded && fromLoopback(req)) {
      next();
      return;
    }
    res.status(401).json({ message: 'Metrics need the METRICS_TOKEN bearer token', code: 'unauthenticated' });
  };
}

/** A gauge whose value is read when Prometheus scrapes, from the source last given for its name. */
function scrapedGauge(name: string, help: string, labelNames: readonly string[], read: Reader): void {
  const { registry } = processMetrics();
  readers.set(name, read);
  if (registry.getSingleMetric(name)) return;
  new Gauge({
    name,
    help,
    labelNames,
    registers: [registry],
    async collect() {
      this.reset();
      await readers.get(name)?.(this);
    },
  });
}

export interface PoolFigures {
  totalCount: number;
  idleCount: number;
  waitingCount: number;
}

/** The Postgres pool: connections open, idle, and queries waiting for one. */
export function registerPoolMetrics(pool: PoolFigures): void {
  scrapedGauge(
    'carcar_db_pool_connections',
    'Postgres pool: connections by state (waiting: queries queued for one)',
    ['state'],
    (gauge) => {
      gauge.set({ state: 'total' }, pool.totalCount);
      gauge.set({ state: 'idle' }, pool.idleCount);
      gauge.set({ state: 'busy' }, pool.totalCount - pool.idleCount);
      gauge.set({ state: 'waiting' }, pool.waitingCount);
    },
  );
}

export interface PollerFigures {
  last_seq: number | null;
  last_success_at: string | null;
  state: string;
}

/** A poller's lag: seconds since its copy of inventory last caught up, and the feed position it holds. */
export function registerPollerMetrics(poller: string, status: () => PollerFigures): void {
  scrapedGauge(
    'carcar_sync_lag_seconds',
    "Seconds since the poller's copy of inventory was last up to date (-1: never yet)",
    ['poller'],
    (gauge) => {
      const { last_success_at: at } = status();
      gauge.set({ poller }, at ? Math.max(0, (Date.now() - Date.parse(at)) / 1000) : -1);
    },
  );
  scrapedGauge(
    'carcar_sync_last_seq',
    "The last inventory feed position the poller's copy holds",
    ['poller'],
    (gauge) => {
      gauge.set({ poller }, status().last_seq ?? 0);
    },
  );
}

/** The sales outbox: rows waiting for inventory and the age of the oldest. */
export function registerOutboxMetrics(read: () => Promise<{ pending: number; oldestSeconds: number }>): void {
  let figures: Promise<{ pending: number; oldestSeconds: number }> | undefined;
  // One query per scrape for both gauges.
  const once = () => {
    figures ??= read().finally(() => {
      setImmediate(() => {
        figures = undefined;
      });
    });
    return figures;
  };
  scrapedGauge('carcar_outbox_pending', 'Sales outbox rows not yet delivered to inventory', [], async (gauge) => {
    gauge.set((await once()).pending);
  });
  scrapedGauge(
    'carcar_outbox_oldest_age_seconds',
    'Age of the oldest undelivered outbox row (0: none)',
    [],
    async (gauge) => {
      gauge.set((await once()).oldestSeconds);
    },
  );
}

/**
 * The gateway's labels: a forwarded call is named by the service's route table behind its prefix
 * (`/inventory/api/automobiles/:vin/`); the gateway's own routes by their first two segments, the
 * rest `:id` unless the answer was a success (only a real route succeeds), so no caller can mint
 * series by inventing paths; anything else (the app's files and pages) is `app`.
 */
export function prefixedTableRoute(
  services: ReadonlyArray<{ prefix: string; rules: readonly RouteRule[] }>,
  ownPrefixes: readonly string[],
): (req: Request, res: Response) => string {
  const compiled = services.map((service) => ({ prefix: service.prefix, rules: compileRoutes(service.rules) }));
  return (req, res) => {
    const path = req.originalUrl.split('?', 1)[0] ?? '/';
    for (const service of compiled) {
      if (path.startsWith(`${service.prefix}/`)) {
        const rule = ruleFor(service.rules, req.method, path.slice(service.prefix.length));
        return rule ? `${service.prefix}${rule.path}` : `${service.prefix}/unmatched`;
      }
    }
    if (OWN_PATHS.has(path)) return path;
    if (!ownPrefixes.some((prefix) => path === prefix || path.startsWith(`${prefix}/`))) return 'app';
    if (res.statusCode === 404) return 'unmatched';
    const ok = res.statusCode < 400;
    return path
      .split('/')
      .map((segment, index) => (index <= 2 || (ok && /^[a-z-]{1,32}$/.test(segment)) ? segment : ':id'))
      .join('/');
  };
}
