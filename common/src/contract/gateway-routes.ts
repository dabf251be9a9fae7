// The gateway's own JSON API (`/auth/...`), written once like the services' (./routes.ts): the
// gateway mounts its routers at these rows' paths (gateway/src/app.ts), its access test compares
// what it mounts under them with this table, and its API tests check every answer of these routes
// against the answer its row names (./answers.ts, testing/src/response-check.ts). What the gateway forwards (/inventory,
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

import type { RouteTable } from './routes.js';

export const gatewayRoutes = {
  // POST /auth/login, POST /auth/logout, GET /auth/me (gateway/src/identity/auth/routes.ts).
  auth: {
    // 401 `invalid_credentials` for a wrong email or password; 403 when single sign-on is required.
    login: { method: 'POST', path: '/auth/login/', permission: 'anyone', response: { 200: 'signedIn' } },
    logout: { method: 'POST', path: '/auth/logout/', permission: 'anyone', response: { 204: 'noContent' } },
    // A person (User) or an API token asking (ApiTokenIdentity).
    me: { method: 'GET', path: '/auth/me/', permission: 'signed-in', response: { 200: 'me' } },
  },
  // Staff accounts (administrators): gateway/src/identity/users/routes.ts.
  users: {
    list: { method: 'GET', path: '/auth/users/', permission: 'users.manage', response: { 200: 'userList' } },
    create: { method: 'POST', path: '/auth/users/', permission: 'users.manage', response: { 201: 'user' } },
    get: { method: 'GET', path: '/auth/users/:id/', permission: 'users.manage', response: { 200: 'user' } },
    update: { method: 'PUT', path: '/auth/users/:id/', permission: 'users.manage', response: { 200: 'user' } },
  },
  // API tokens (administrators): gateway/src/identity/tokens/routes.ts. Revoking answers 204.
  tokens: {
    list: { method: 'GET', path: '/auth/tokens/', permission: 'users.manage', response: { 200: 'apiTokenList' } },
    create: {
      method: 'POST',
      path: '/auth/tokens/',
      permission: 'users.manage',
      response: { 201: 'createdToken' },
    },
    revoke: { method: 'DELETE', path: '/auth/tokens/:id/', permission: 'users.manage', response: { 204: 'noContent' } },
  },
  // Webhook subscriptions and their deliveries (administrators): gateway/src/webhooks/routes.ts.
  webhooks: {
    list: { method: 'GET', path: '/auth/webhooks/', permission: 'users.manage', response: { 200: 'webhookList' } },
    create: {
      method: 'POST',
      path: '/auth/webhooks/',
      permission: 'users.manage',
      response: { 201: 'createdWebhook' },
    },
    // Answers the subscription removed.
    remove: {
      method: 'DELETE',
      path: '/auth/webhooks/:id/',
      permission: 'users.manage',
      response: { 200: 'webhook' },
    },
    deliveries: {
      method: 'GET',
      path: '/auth/webhooks/:id/deliveries/',
      permission: 'users.manage',
      response: { 200: 'webhookDeliveryList' },
    },
    test: {
      method: 'POST',
      path: '/auth/webhooks/:id/test/',
      permission: 'users.manage',
      response: { 202: 'webhookTestQueued' },
    },
    redeliver: {
      method: 'POST',
      path: '/auth/webhooks/:id/deliveries/:eventId/redeliver/',
      permission: 'users.manage',
      response: { 202: 'webhookDelivery' },
    },
  },
  // The identity trail (administrators): sign-ins, refusals, account and token changes.
  audit: { method: 'GET', path: '/auth/audit/', permission: 'users.manage', response: { 200: 'auditList' } },
} as const satisfies RouteTable;
