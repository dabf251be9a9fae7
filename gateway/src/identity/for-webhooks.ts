import type { Response } from 'express';
import { callerOf } from './auth/caller.js';

// All webhooks (gateway/src/webhooks/) may know of identity, and the one file of identity it may
// import (biome.json holds it to this): the permission check in front of its routes, who is acting
// in a request, and identity's trail, where a subscription made or removed is recorded in the same
// transaction. The caller's records (users, tokens) stay identity's: webhooks keeps only a user id.

export { auditContextOf, recordEvent } from './audit/trail.js';
export { requireCallerPermission } from './auth/identify.js';

/** The signed-in person's user id, as a subscription's creator; null for an API token or nobody. */
export function callerUserIdOf(res: Response): number | null {
  const caller = callerOf(res);
  return caller?.kind === 'user' ? caller.user.id : null;
}
