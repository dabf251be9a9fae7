import type { RequestHandler } from 'express';
import {
  type Actor,
  allowsOwn,
  can,
  canAtLeastOwn,
  describePermission,
  type OwnablePermission,
  ownerFields,
  type Permission,
  type ServicePermission,
} from '../contract/permissions.js';
import { needsNoPermission, type RouteRule } from '../contract/routes.js';
import { type AppError, forbidden, notFound } from '../errors.js';
import { actorOf } from './request-context.js';

// Permission checks for routes (middleware) and use cases (one record's owner), on the actor
// `authenticate` put on the request. The table itself is in contract/permissions.ts.

/** The 403 for a missing permission, in words the person can act on. */
export function forbiddenFor(permission: Permission | ServicePermission): AppError {
  return forbidden(`You do not have permission to ${describePermission(permission)}`);
}

export interface RequirePermissionOptions {
  /**
   * Also let through an actor holding only `<permission>.own`; the use case then narrows to their
   * own records (`ownScope`) or checks the one record (`assertOwn`).
   */
  orOwn?: boolean;
}

/** Answers 403 unless the request's actor holds `permission`; mount after `authenticate`. */
export function requirePermission(permission: Permission | ServicePermission): RequestHandler;
export function requirePermission(permission: OwnablePermission, options: RequirePermissionOptions): RequestHandler;
export function requirePermission(
  permission: Permission | ServicePermission,
  options: RequirePermissionOptions = {},
): RequestHandler {
  return (_req, res, next) => {
    const actor = actorOf(res);
    const allowed = options.orOwn && isOwnable(permission) ? canAtLeastOwn(actor, permission) : can(actor, permission);
    if (allowed) {
      next();
      return;
    }
    const refusal = forbiddenFor(permission);
    res.status(refusal.status).json(refusal.toJSON());
  };
}

/** Throws the 403 unless the actor may act on a record owned by `ownerId` (see `allowsOwn`). */
export function assertOwn(actor: Actor, permission: OwnablePermission, ownerId: number | null | undefined): void {
  if (!allowsOwn(actor, permission, ownerId)) throw forbiddenFor(permission);
}

function isOwnable(permission: Permission | ServicePermission): permission is OwnablePermission {
  return permission in ownerFields;
}

// --- The route table -----------------------------------------------------------------------------

export interface CompiledRule {
  rule: RouteRule;
  pattern: RegExp;
}

/**
 * `/api/sales/:id/` → `^/api/sales/[^/]+/?$`: the trailing slash optional, as the contract says,
 * and letter case ignored, exactly as Express 5's router matches by default. The table must read a
 * path as the router will route it: matched case-sensitively, `/api/automobiles/CHANGES/` fell to
 * the `:vin` row (anyone who reads cars) while the router served it the changes feed.
 */
function compile(rule: RouteRule): CompiledRule {
  const body = rule.path
    .replace(/\/$/, '')
    .split('/')
    .map((segment) => (segment.startsWith(':') ? '[^/]+' : segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('/');
  return { rule, pattern: new RegExp(`^${body}/?$`, 'i') };
}

/** The rule a request falls under, if any (HEAD is a GET). */
export function ruleFor(rules: readonly CompiledRule[], method: string, path: string): RouteRule | undefined {
  const asked = method === 'HEAD' ? 'GET' : method;
  return rules.find(({ rule, pattern }) => rule.method === asked && pattern.test(path))?.rule;
}

export function compileRoutes(rules: readonly RouteRule[]): CompiledRule[] {
  return rules.map(compile);
}

/** Whether the actor may call a route: its permission, any of its permissions, or any caller. */
export function mayCall(actor: Actor, rule: RouteRule): boolean {
  const { permission } = rule;
  if (needsNoPermission(permission)) return true;
  const wanted = typeof permission === 'string' ? [permission] : permission;
  return wanted.some((one) => (rule.orOwn && isOwnable(one) ? canAtLeastOwn(actor, one) : can(actor, one)));
}

/**
 * Checks every request against the service's route table (contract/routes.ts), after
 * `authenticate`: 403 naming what is missing, and 404 for a route the table does not list, so a
 * route added without its row is closed to everyone rather than open.
 */
export function routeAccess(rules: readonly RouteRule[]): RequestHandler {
  const compiled = compileRoutes(rules);
  return (req, res, next) => {
    const rule = ruleFor(compiled, req.method, req.path);
    if (!rule) {
      const missing = notFound();
      res.status(missing.status).json(missing.toJSON());
      return;
    }
    // The route pattern, for /metrics' labels (never the raw path with its VIN or id).
    res.locals.route = rule.path;
    if (mayCall(actorOf(res), rule)) {
      next();
      return;
    }
    const first = needsNoPermission(rule.permission) ? undefined : [rule.permission].flat()[0];
    const refusal = first ? forbiddenFor(first) : forbidden('You do not have permission to do this');
    res.status(refusal.status).json(refusal.toJSON());
  };
}
