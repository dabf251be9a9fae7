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
import { actorOf } from './credentials.js';
import { type AppError, forbidden } from './errors.js';

// Permission checks for routes (middleware) and use cases (one record's owner), on the actor
// `authenticate` put on the request. The table itself is in contract/permissions.ts.

export { allowsOwn, can, ownScope } from '../contract/permissions.js';

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
