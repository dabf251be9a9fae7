import { randomUUID } from 'node:crypto';
import { setRequestId } from '@carcar/common/http/request-context';
import type { Logger } from '@carcar/common/service/logger';
import { newTraceId, parseTraceparent, traceIdOf } from '@carcar/common/service/trace';
import type { RequestHandler } from 'express';
import { callerSubjectOf } from '../identity/for-edge.js';

/** Probes and scrapes, every few seconds each: not worth a log line. */
const PROBES = new Set(['/healthz', '/livez', '/readyz', '/metrics']);

/**
 * The path as logged: without the query, and without the secret of a customer's link (an approval
 * or unsubscribe token), which opens what it names to whoever holds it.
 */
export function loggedPath(url: string): string {
  const path = url.split('?')[0] ?? '';
  return path.replace(/^\/(approve|public\/estimates|unsubscribe|public\/unsubscribe)\/[^/]+/, '/$1/(token)');
}

/**
 * Gives each request a new id (sent on to the service as `X-Request-Id` and back to the client)
 * and a W3C trace id (the caller's `traceparent`, or new; sent on as `traceparent`), and logs one
 * line when it ends: method, path without the query (a search may hold a customer's name), status,
 * duration, who. Never headers or bodies, so no cookie, token or password.
 */
export function requestLog(logger: Logger): RequestHandler {
  return (req, res, next) => {
    const requestId = randomUUID();
    setRequestId(res, requestId);
    res.setHeader('X-Request-Id', requestId);
    // The caller's W3C trace, or a new one: forwarded to the service (forward/services.ts), whose
    // log lines about this request then carry the same id.
    // When spans are exported, the request's server span (mounted before this) chose it already.
    const traceId = traceIdOf(res) ?? parseTraceparent(req.get('traceparent'))?.traceId ?? newTraceId();
    res.locals.traceId = traceId;
    const started = process.hrtime.bigint();
    res.on('close', () => {
      if (PROBES.has(req.path)) return;
      const actor = callerSubjectOf(res);
      logger.info(
        {
          requestId,
          traceId,
          method: req.method,
          path: loggedPath(req.originalUrl),
          status: res.statusCode,
          ms: Number((process.hrtime.bigint() - started) / 1000n) / 1000,
          ...(actor ? { actor } : {}),
          ...(res.writableFinished ? {} : { aborted: true }),
        },
        'request',
      );
    });
    next();
  };
}
