import {
  type Actor,
  can,
  GATEWAY_ISSUER,
  type Issuer,
  permissionsOf,
  roles,
  type ServiceName,
} from '@carcar/common/contract/permissions';
import { inventoryRoutes, needsNoPermission, type RouteRule, routeList } from '@carcar/common/contract/routes';
import { mayCall } from '@carcar/common/http/authorize';
import type { Express } from 'express';
import request from 'supertest';
import { asGateway, asRole, asService, refusedCredentials } from './credentials.js';

// The permission table, walked: every route of a service (contract/routes.ts) called by every role,
// by each service credential, and with each kind of bad credential. The expected answer of each call
// is computed from the same table the service enforces, so a row added or changed is tested at once.

/** A value for each path parameter the tables use: an id and a well-formed VIN nobody stocked. */
const samples: Record<string, string> = {
  id: '987654',
  vin: '1HGCM82633A004352',
  line: '987654',
  item: '987654',
  photo: '987654',
  // A part number nobody put on the list.
  number: 'NO-SUCH-PART-1',
  // An approval link's token nobody was given (43 base64url characters, as the real ones).
  token: 'nobody-was-given-this-token-000000000000000',
};

function concretePath(rule: RouteRule): string {
  return rule.path.replace(/:(\w+)/g, (_match, name: string) => {
    const sample = samples[name];
    if (sample === undefined) throw new Error(`no sample value for :${name} in ${rule.path}`);
    return sample;
  });
}

function call(app: Express, rule: RouteRule, headers: Record<string, string>, path = concretePath(rule)) {
  const agent = request(app);
  const req =
    rule.method === 'GET'
      ? agent.get(path)
      : rule.method === 'POST'
        ? agent.post(path)
        : rule.method === 'PUT'
          ? agent.put(path)
          : agent.delete(path);
  // An empty body: a permitted write then fails validation (400) or finds nothing (404), never writes.
  return rule.method === 'GET' ? req.set(headers) : req.set(headers).send({});
}

export interface MatrixCase {
  route: string;
  caller: string;
  expected: string;
  status: number;
}

/** Every (route, caller) whose answer disagrees with the table; an empty list when all agree. */
export async function permissionMismatches(
  app: Express,
  audience: ServiceName,
  rules: readonly RouteRule[],
): Promise<MatrixCase[]> {
  const callers: Array<{ name: string; actor: Actor; headers: Record<string, string> }> = [];
  for (const role of roles) {
    callers.push({
      name: role,
      // A technician and a salesperson linked to someone, as the own-only rows are meant for.
      actor: { kind: 'person', id: `test-${role}`, name: role, role, permissions: permissionsOf(role) },
      headers: await asRole(role, audience),
    });
  }
  for (const service of ['service-api', 'sales-api'] as const satisfies readonly Exclude<
    Issuer,
    typeof GATEWAY_ISSUER
  >[]) {
    callers.push({ name: service, actor: { kind: 'service', service }, headers: await asService(service, audience) });
  }
  // The gateway's own credential (the customer's approval link): only the public estimate routes.
  callers.push({
    name: GATEWAY_ISSUER,
    actor: { kind: 'service', service: GATEWAY_ISSUER },
    headers: await asGateway(audience),
  });
  const refused = await refusedCredentials(audience);
  const mismatches: MatrixCase[] = [];
  for (const rule of rules) {
    const route = `${rule.method} ${rule.path}`;
    for (const caller of callers) {
      const allowed = mayCall(caller.actor, rule);
      const { status } = await call(app, rule, caller.headers);
      // An own-only holder asking for one record that is not theirs (the sample id is nobody's) is
      // refused by the use case with the same 403 whether or not the record exists.
      const notTheirs = allowed && ownOnly(caller.actor, rule) && /:\w+/.test(rule.path) && status === 403;
      const agrees = allowed ? notTheirs || (status !== 401 && status !== 403 && status < 500) : status === 403;
      if (!agrees) mismatches.push({ route, caller: caller.name, expected: allowed ? 'allowed' : '403', status });
    }
    const without = await call(app, rule, {});
    if (without.status !== 401)
      mismatches.push({ route, caller: 'no credential', expected: '401', status: without.status });
    for (const [name, headers] of Object.entries(refused)) {
      const { status } = await call(app, rule, headers);
      if (status !== 401) mismatches.push({ route, caller: name, expected: '401', status });
    }
  }
  return mismatches;
}

/**
 * The same route's path as a client might spell it otherwise: each fixed segment (and the whole
 * path) in capitals, without its trailing slash, and with one slash doubled at each place.
 */
export function pathVariants(path: string): string[] {
  const segments = path.split('/');
  const variants = new Set<string>([path.toUpperCase(), path.replace(/\/$/, ''), `${path.replace(/\/$/, '')}/`]);
  segments.forEach((segment, index) => {
    if (segment === '') return;
    variants.add(segments.map((one, at) => (at === index ? one.toUpperCase() : one)).join('/'));
  });
  for (let at = 0; at < path.length; at++) {
    if (path[at] === '/') variants.add(`${path.slice(0, at)}/${path.slice(at)}`);
  }
  variants.delete(path);
  return [...variants];
}

/**
 * Every route called at each spelling of its path (`pathVariants`) by every role, each service
 * credential and no credential: a variant may answer differently (a 404, a 400 from the route
 * it names), but never lets in a caller the table refuses at the canonical path, never lets in a
 * caller without a credential, and never fails with a 5xx.
 */
export async function pathVariantMismatches(
  app: Express,
  audience: ServiceName,
  rules: readonly RouteRule[],
): Promise<Array<MatrixCase & { path: string }>> {
  const callers: Array<{ name: string; actor: Actor | undefined; headers: Record<string, string> }> = [
    { name: 'no credential', actor: undefined, headers: {} },
  ];
  for (const role of roles) {
    const actor: Actor = { kind: 'person', id: `test-${role}`, name: role, role, permissions: permissionsOf(role) };
    callers.push({ name: role, actor, headers: await asRole(role, audience) });
  }
  for (const service of ['service-api', 'sales-api'] as const) {
    callers.push({ name: service, actor: { kind: 'service', service }, headers: await asService(service, audience) });
  }
  const mismatches: Array<MatrixCase & { path: string }> = [];
  for (const rule of rules) {
    const route = `${rule.method} ${rule.path}`;
    for (const path of pathVariants(concretePath(rule))) {
      for (const caller of callers) {
        const { status } = await call(app, rule, caller.headers, path);
        const allowed = caller.actor !== undefined && mayCall(caller.actor, rule);
        const refusals = caller.actor === undefined ? [401] : [401, 403, 404];
        const agrees = status < 500 && (allowed || refusals.includes(status));
        if (!agrees) {
          const expected = caller.actor === undefined ? '401' : allowed ? 'below 500' : '401, 403 or 404';
          mismatches.push({ route, path, caller: caller.name, expected, status });
        }
      }
    }
  }
  return mismatches;
}

/** Whether the caller reaches an `orOwn` route only through its `.own` permission. */
function ownOnly(actor: Actor, rule: RouteRule): boolean {
  if (!rule.orOwn || typeof rule.permission !== 'string' || needsNoPermission(rule.permission)) return false;
  return !can(actor, rule.permission);
}

/** An OpenAPI document's operations as `METHOD /path/:param/`, the route table's notation. */
export function documentedRoutes(document: { paths: Record<string, object> }): string[] {
  return Object.entries(document.paths).flatMap(([path, operations]) =>
    Object.keys(operations).map(
      (method) => `${method.toUpperCase()} ${path.replace(/\{(\w+)\}/g, (_match, name: string) => `:${name}`)}`,
    ),
  );
}

/** The table's rows as `METHOD /path/`, without the reference pages (which document the rest). */
export function tableRoutes(rules: readonly RouteRule[]): string[] {
  // The same two rows in every service's table.
  const referencePages = new Set(routeList(inventoryRoutes.docs).map((rule) => rule.path));
  return rules.filter((rule) => !referencePages.has(rule.path)).map((rule) => `${rule.method} ${rule.path}`);
}

/** Probes and scrapes every process answers outside the route table (common/src/http/app.ts). */
const INFRASTRUCTURE = new Set(['GET /healthz/', 'GET /livez/', 'GET /readyz/', 'GET /metrics/']);

/** `METHOD /path/` as the tables spell routes, every parameter named alike: `GET /api/sales/:param/`. */
function routeKey(method: string, path: string): string {
  const slashed = `${path.replace(/\/+$/, '')}/`.replace(/\/{2,}/g, '/');
  return `${method.toUpperCase()} ${slashed.replace(/:\w+/g, ':param')}`;
}

/**
 * What the walk reads of Express 5's router (the `router` package, 2.x): `rawPath` is the path given
 * to `use` or `route` (Express 5 keeps no mount path string otherwise, only its matchers).
 */
interface RouterLayer {
  rawPath?: unknown;
  route?: { path: unknown; methods: Record<string, boolean> };
  handle?: { name?: string; stack?: RouterLayer[] };
}

/**
 * Every route an Express app mounts, walked through its routers (`app.use(prefix, router)`), in
 * `routeKey` form: what a request can reach, whatever the table says. Probes are left out. What the
 * walk cannot turn into one method and path is named so that the comparison fails on it: a route or
 * mount by pattern or list of paths (`UNREADABLE …`), a route for every method (`ALL …`), a handler
 * or sub-app mounted on a path rather than a router (`USE …`: it may answer any method there).
 */
export function mountedRoutes(app: Express): string[] {
  const found = new Set<string>();
  const walk = (stack: readonly RouterLayer[], prefix: string) => {
    for (const layer of stack) {
      if (layer.route && typeof layer.route.path !== 'string') found.add(`UNREADABLE ${String(layer.route.path)}`);
      else if (layer.route && typeof layer.route.path === 'string') {
        for (const [method, on] of Object.entries(layer.route.methods)) {
          if (!on) continue;
          const key = routeKey(method === '_all' ? 'ALL' : method, `${prefix}${layer.route.path}`);
          if (!INFRASTRUCTURE.has(key)) found.add(key);
        }
      } else if (typeof layer.rawPath !== 'string') found.add(`UNREADABLE ${prefix}${String(layer.rawPath)}`);
      else if (layer.handle?.stack) walk(layer.handle.stack, `${prefix}${layer.rawPath}`);
      // Middleware on every path (helmet, the access check, the body parser) calls next: it is no route.
      else if (layer.rawPath !== '/' || layer.handle?.name === 'mounted_app') {
        found.add(routeKey('USE', `${prefix}${layer.rawPath}`));
      }
    }
  };
  walk((app as unknown as { router: { stack: RouterLayer[] } }).router.stack, '');
  return [...found].sort();
}

/** The table's routes in `routeKey` form, to compare with `mountedRoutes` (a service's rows, or the gateway's). */
export function declaredRoutes(rules: readonly Pick<RouteRule, 'method' | 'path'>[]): string[] {
  return [...new Set(rules.map((rule) => routeKey(rule.method, rule.path)))].sort();
}
