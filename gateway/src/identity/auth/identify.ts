import type { Permission } from '@carcar/common/contract/permissions';
import { forbidden, unauthenticated } from '@carcar/common/errors';
import type { Logger } from '@carcar/common/service/logger';
import type { Request, RequestHandler, Response } from 'express';
import { noteRefusal } from '../audit/refusals.js';
import type { TokensRepository } from '../tokens/repository.js';
import { hashToken } from '../tokens/secrets.js';
import type { UsersRepository } from '../users/repository.js';
import { callerOf, permissionsOfCaller, setCaller } from './caller.js';

/** Longer than any token we make; a huge header is refused before it is hashed. */
const MAX_TOKEN_LENGTH = 512;

export function bearerToken(req: Request): string | undefined {
  const match = /^Bearer +(\S+)$/i.exec(req.get('authorization') ?? '');
  const token = match?.[1];
  return token !== undefined && token.length <= MAX_TOKEN_LENGTH ? token : undefined;
}

function refuse(res: Response, bearer: boolean): void {
  const error = unauthenticated();
  if (bearer) res.set('WWW-Authenticate', 'Bearer');
  res.status(error.status).json(error.toJSON());
}

/**
 * Finds who is calling: an `Authorization: Bearer` API token, else the session's user. Both are
 * read from the database on every request, so a revoked token, a disabled user or a changed role
 * takes effect at the next request. A presented token that is not valid is a 401 at once (never a
 * fall-back to the cookie); no credential at all leaves the request anonymous for the route to judge.
 */
export function identify(deps: { users: UsersRepository; tokens: TokensRepository; logger: Logger }): RequestHandler {
  return async (req, res, next) => {
    if (req.get('authorization') !== undefined) {
      const token = bearerToken(req);
      const record = token === undefined ? undefined : await deps.tokens.findActive(hashToken(token));
      if (!record) {
        refuse(res, true);
        return;
      }
      deps.tokens.touch(record.id).catch((error: unknown) => deps.logger.warn({ err: error }, 'token touch failed'));
      setCaller(res, { kind: 'token', token: record });
      next();
      return;
    }
    const userId = req.session?.userId;
    if (typeof userId === 'number') {
      const user = await deps.users.get(userId);
      if (user && !user.disabled) {
        setCaller(res, { kind: 'user', user });
      } else {
        // Their account went away or was disabled after signing in: the session goes too.
        await new Promise<void>((resolve) => req.session.destroy(() => resolve()));
      }
    }
    next();
  };
}

/** 401 unless `identify` found a caller. */
export const requireCaller: RequestHandler = (req, res, next) => {
  if (callerOf(res)) {
    next();
    return;
  }
  refuse(res, req.get('authorization') !== undefined);
};

/**
 * 401 when signed out, 403 when signed in without the permission: the gateway's own routes, by the
 * session's or token's caller. Not common/src/http/authorize.ts's `requirePermission`, which
 * checks the internal credential the gateway forwards to a service.
 */
export function requireCallerPermission(permission: Permission, description: string): RequestHandler {
  return (req, res, next) => {
    const caller = callerOf(res);
    if (!caller) {
      refuse(res, req.get('authorization') !== undefined);
      return;
    }
    if (!permissionsOfCaller(caller).includes(permission)) {
      const message = `You do not have permission to ${description}`;
      noteRefusal(res, message);
      throw forbidden(message);
    }
    next();
  };
}
