import type { Db } from '@carcar/common/db/database';
import { requestIdOf } from '@carcar/common/http/request-context';
import type { Logger } from '@carcar/common/service/logger';
import type { RequestHandler, Response } from 'express';
import { callerOf } from '../auth/caller.js';
import { callerActor, recordEvent } from './trail.js';

/** Why the gateway itself refused (the 403's message), kept for the trail's entry. */
export function noteRefusal(res: Response, reason: string): void {
  res.locals.refusal = reason;
}

/** Which service's answer is passed through, so a 403 from it is named as that service's. */
export function noteForwardedTo(res: Response, label: string): void {
  res.locals.forwardedTo = label;
}

function refusalReason(res: Response): string {
  const own: unknown = res.locals.refusal;
  if (typeof own === 'string') return own;
  const service: unknown = res.locals.forwardedTo;
  return typeof service === 'string' ? `Refused by the ${service} service` : 'Refused by the gateway';
}

/**
 * Writes an `access_denied` entry for each 403 answered to a signed-in person or token: the
 * gateway's own and those a service returns through it. Written once the answer has gone out, so
 * no one waits for it; a 403 has no change whose transaction it could join, so a failed write is
 * logged, not answered. The path goes without its query, which may hold a customer's name. A 403
 * before anyone is identified (a forged cross-site write) names no one and writes nothing.
 */
export function recordRefusals(db: Db, logger: Logger): RequestHandler {
  return (req, res, next) => {
    res.on('finish', () => {
      if (res.statusCode !== 403) return;
      const caller = callerOf(res);
      if (!caller) return;
      const requestId = requestIdOf(res);
      const path = req.originalUrl.split('?')[0] ?? '/';
      recordEvent(
        db,
        { actor: callerActor(caller), request_id: requestId },
        { action: 'access_denied', entity: 'request', entityId: `${req.method} ${path}`, reason: refusalReason(res) },
      ).catch((error: unknown) =>
        logger.error({ err: error, requestId }, 'recording a refusal in the audit trail failed'),
      );
    });
    next();
  };
}
