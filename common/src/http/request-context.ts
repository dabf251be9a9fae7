import type { Response } from 'express';
import type { Actor } from '../contract/permissions.js';

// What a request carries from middleware to route handlers on `res.locals`: who is acting (the
// verified actor, put there by ./authenticate.ts) and the request's id (set by ./authenticate.ts in
// a service, by gateway/src/edge/request-log.ts at the gateway). Read and written only here, so the keys
// and their checks are in one place.

export function setActor(res: Response, actor: Actor): void {
  res.locals.actor = actor;
}

/** The verified actor of this request; throws when `authenticate` did not run (a wiring bug). */
export function actorOf(res: Response): Actor {
  const actor: unknown = res.locals.actor;
  if (typeof actor !== 'object' || actor === null || !('kind' in actor)) {
    throw new Error('No actor on this request: mount authenticate() before this route');
  }
  return actor as Actor;
}

export function setRequestId(res: Response, requestId: string): void {
  res.locals.requestId = requestId;
}

/** This request's id, for log lines and audit entries. */
export function requestIdOf(res: Response): string {
  const requestId: unknown = res.locals.requestId;
  if (typeof requestId !== 'string')
    throw new Error('No request id: mount authenticate() (a service) or requestLog() (the gateway) before this route');
  return requestId;
}
