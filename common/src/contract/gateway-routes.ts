// The gateway's own JSON API (`/auth/...`), written once like the services' (./routes.ts): the
// gateway mounts its routers at these rows' paths (gateway/src/app.ts), its access test compares
// what it mounts under them with this table, and its API tests check every answer of these routes
// against the row's schema (testing/src/response-check.ts). What the gateway forwards (/inventory,
// /service, /sales) is the services' API, declared in ./routes.ts. Browser-safe: no node imports.
//
// Left out, as no JSON records of the contract: the single sign-on's start and callback
// (`/auth/sso/...`: redirects, mounted only when SSO is configured), the public pages (the
// unsubscribe link, the estimate approval pages and their `/public/estimates/...` calls, which
// forward to service-api's rows), the probes (`/healthz`, `/livez`, `/readyz`), `/metrics` and
// `/config.js`. Every error answer of a row here is `errorAnswerSchema` (./errors.ts).
//
// Unlike a service's table, no access check reads this one: each gateway router checks its caller
// itself (`requireCaller`, `requireCallerPermission`), and `permission` says what that check is.

import { z } from 'zod';
import { auditListSchema } from './audit.js';
import {
  apiTokenListSchema,
  createdTokenSchema,
  meSchema,
  signedInSchema,
  userListSchema,
  userSchema,
} from './identity.js';
import type { RouteRule } from './routes.js';
import {
  createdWebhookSchema,
  webhookDeliveryListSchema,
  webhookDeliverySchema,
  webhookListSchema,
  webhookSchema,
  webhookTestQueuedSchema,
} from './webhooks.js';

/**
 * A row of the gateway's table: a service's row (./routes.ts), whose `permission` may also be
 * `'anyone'`: a route that needs no caller at all (signing in; signing out, which ends whatever
 * session the request has). No service route needs that (the public estimate pages reach service-api
 * with the gateway's own credential), so the value lives here and not in `RouteRule`.
 */
export interface GatewayRouteRule extends Omit<RouteRule, 'permission'> {
  permission: RouteRule['permission'] | 'anyone';
}

/** The gateway's routes by name, grouped by what they are mounted under (`RouteTable`'s shape). */
export interface GatewayRouteTable {
  readonly [name: string]: GatewayRouteRule | GatewayRouteTable;
}

/** A 204's answer: no body (sent with `res.end`, so never handed to the answer check). */
const noContent = z.undefined();

export const gatewayRoutes = {
  // POST /auth/login, POST /auth/logout, GET /auth/me (gateway/src/identity/auth/routes.ts).
  auth: {
    // 401 `invalid_credentials` for a wrong email or password; 403 when single sign-on is required.
    login: { method: 'POST', path: '/auth/login/', permission: 'anyone', response: { 200: signedInSchema } },
    logout: { method: 'POST', path: '/auth/logout/', permission: 'anyone', response: { 204: noContent } },
    // A person (User) or an API token asking (ApiTokenIdentity).
    me: { method: 'GET', path: '/auth/me/', permission: 'signed-in', response: { 200: meSchema } },
  },
  // Staff accounts (administrators): gateway/src/identity/users/routes.ts.
  users: {
    list: { method: 'GET', path: '/auth/users/', permission: 'users.manage', response: { 200: userListSchema } },
    create: { method: 'POST', path: '/auth/users/', permission: 'users.manage', response: { 201: userSchema } },
    get: { method: 'GET', path: '/auth/users/:id/', permission: 'users.manage', response: { 200: userSchema } },
    update: { method: 'PUT', path: '/auth/users/:id/', permission: 'users.manage', response: { 200: userSchema } },
  },
  // API tokens (administrators): gateway/src/identity/tokens/routes.ts. Revoking answers 204.
  tokens: {
    list: { method: 'GET', path: '/auth/tokens/', permission: 'users.manage', response: { 200: apiTokenListSchema } },
    create: {
      method: 'POST',
      path: '/auth/tokens/',
      permission: 'users.manage',
      response: { 201: createdTokenSchema },
    },
    revoke: { method: 'DELETE', path: '/auth/tokens/:id/', permission: 'users.manage', response: { 204: noContent } },
  },
  // Webhook subscriptions and their deliveries (administrators): gateway/src/webhooks/routes.ts.
  webhooks: {
    list: { method: 'GET', path: '/auth/webhooks/', permission: 'users.manage', response: { 200: webhookListSchema } },
    create: {
      method: 'POST',
      path: '/auth/webhooks/',
      permission: 'users.manage',
      response: { 201: createdWebhookSchema },
    },
    // Answers the subscription removed.
    remove: {
      method: 'DELETE',
      path: '/auth/webhooks/:id/',
      permission: 'users.manage',
      response: { 200: webhookSchema },
    },
    deliveries: {
      method: 'GET',
      path: '/auth/webhooks/:id/deliveries/',
      permission: 'users.manage',
      response: { 200: webhookDeliveryListSchema },
    },
    test: {
      method: 'POST',
      path: '/auth/webhooks/:id/test/',
      permission: 'users.manage',
      response: { 202: webhookTestQueuedSchema },
    },
    redeliver: {
      method: 'POST',
      path: '/auth/webhooks/:id/deliveries/:eventId/redeliver/',
      permission: 'users.manage',
      response: { 202: webhookDeliverySchema },
    },
  },
  // The identity trail (administrators): sign-ins, refusals, account and token changes.
  audit: { method: 'GET', path: '/auth/audit/', permission: 'users.manage', response: { 200: auditListSchema } },
} as const satisfies GatewayRouteTable;

function isGatewayRule(entry: GatewayRouteRule | GatewayRouteTable): entry is GatewayRouteRule {
  return typeof entry.method === 'string' && typeof entry.path === 'string';
}

/** Every row of the gateway's table (or a part of it), in its keys' order: `routeList` of ./routes.ts. */
export function gatewayRouteList(table: GatewayRouteTable = gatewayRoutes): GatewayRouteRule[] {
  return Object.values(table).flatMap((entry) => (isGatewayRule(entry) ? [entry] : gatewayRouteList(entry)));
}

/**
 * Where the gateway mounts a router serving a part of its table: the segments every row's path
 * starts with, no trailing slash (`/auth/users` for `gatewayRoutes.users`, `/auth` for the whole
 * table): `mountPath` of ./routes.ts.
 */
export function gatewayMountPath(entry: GatewayRouteRule | GatewayRouteTable): string {
  const rules = isGatewayRule(entry) ? [entry] : gatewayRouteList(entry);
  const [first = [], ...rest] = rules.map((rule) => rule.path.split('/').filter(Boolean));
  let length = 0;
  while (length < first.length && rest.every((segments) => segments[length] === first[length])) length += 1;
  return `/${first.slice(0, length).join('/')}`;
}
