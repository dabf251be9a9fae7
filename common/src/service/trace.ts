import { randomUUID } from 'node:crypto';
import type { RequestHandler, Response } from 'express';
import type { Logger } from './logger.js';

/**
 * W3C Trace Context (`traceparent: 00-<trace id>-<parent span id>-<flags>`): the gateway starts a
 * trace for each request (or continues the caller's), logs its id, and passes it to the service it
 * forwards to, which puts it on its own log lines about that request; one id finds a request's
 * lines in every process's log (docs/operations.md, "Tracing").
 */

const TRACEPARENT = /^00-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})$/;
const ZERO_TRACE = '0'.repeat(32);
const ZERO_SPAN = '0'.repeat(16);

export interface TraceParent {
  traceId: string;
  spanId: string;
  flags: string;
}

/** A valid version-00 `traceparent`, or undefined (absent, malformed, or an all-zero id, as the spec says). */
export function parseTraceparent(header: string | undefined): TraceParent | undefined {
  if (!header) return undefined;
  const match = TRACEPARENT.exec(header.trim());
  if (!match) return undefined;
  const [, traceId = '', spanId = '', flags = '00'] = match;
  if (traceId === ZERO_TRACE || spanId === ZERO_SPAN) return undefined;
  return { traceId, spanId, flags };
}

// Ids from `randomUUID`, which Node draws from a batch of random bytes it keeps ready, rather than
// `randomBytes`, which asks OpenSSL on each call (2.6 % of the gateway's CPU under load, for two
// ids a request). A trace id needs to be unique, not secret: a v4 UUID's 122 random bits are.

/** 32 hex digits, never all zero. */
export function newTraceId(): string {
  return randomUUID().replaceAll('-', '');
}

/** 16 hex digits (a UUID's first 16, 60 of them random), never all zero. */
export function newSpanId(): string {
  return randomUUID().replaceAll('-', '').slice(0, 16);
}

/** The header for a call made as a child of `spanId` of `traceId` (a new span id when not given). */
export function traceparentFor(traceId: string, spanId: string = newSpanId(), flags = '01'): string {
  return `00-${traceId}-${spanId}-${flags}`;
}

/** The trace id of the request `res` answers, if it came with one (or the gateway started one). */
export function traceIdOf(res: Response): string | undefined {
  const id: unknown = res.locals.traceId;
  return typeof id === 'string' ? id : undefined;
}

/**
 * The span this request's work belongs to: its own server span when spans are exported
 * (./otlp.ts), otherwise the caller's (the gateway's call). Work left for later (an outbox row)
 * keeps it, so what follows is that span's child.
 */
export function spanIdOf(res: Response): string | undefined {
  const id: unknown = res.locals.spanId;
  return typeof id === 'string' ? id : undefined;
}

/** A service's: keeps the caller's trace (and span) for this request's log lines and later work. */
export const readTraceparent: RequestHandler = (req, res, next) => {
  const header = req.headers.traceparent;
  if (header !== undefined) {
    const parent = parseTraceparent(Array.isArray(header) ? header[0] : header);
    if (parent) {
      res.locals.traceId = parent.traceId;
      res.locals.spanId = parent.spanId;
    }
  }
  next();
};

/** The logger for lines about this request: a pino child naming its trace, when it has one. */
export function requestLogger(logger: Logger, res: Response): Logger {
  const traceId = traceIdOf(res);
  return traceId ? logger.child({ traceId }) : logger;
}
