import type { PersonClaims } from '@carcar/common/http/credentials/sign';
import type { Response } from 'express';
import { noteForwardedTo } from './audit/refusals.js';
import { callerOf, claimsOf, subjectOf } from './auth/caller.js';

// All the edge (gateway/src/edge/) may know of identity, and the one file of identity it may
// import (biome.json holds it to this): who is calling, as the internal credential names them, and,
// the other way, which service a forwarded answer came from, for identity's trail of refusals. The
// caller's records (users, tokens, their owners) stay identity's to change.

/** The caller `identify` found, as a forwarded credential names them. */
export interface CallerCredential {
  /** `user:<id>` or `token:<id>`: the credential's `sub`, and who the log line and the write limit name. */
  subject: string;
  claims: PersonClaims;
}

/** The credential's `sub` for this request's caller, or undefined when nobody is identified. */
export function callerSubjectOf(res: Response): string | undefined {
  const caller = callerOf(res);
  return caller ? subjectOf(caller) : undefined;
}

/** The subject and claims to sign for this request's caller, or undefined when nobody is identified. */
export function callerCredentialOf(res: Response): CallerCredential | undefined {
  const caller = callerOf(res);
  return caller ? { subject: subjectOf(caller), claims: claimsOf(caller) } : undefined;
}

/** Names the service whose answer is passed through, so a 403 it gives is recorded as that service's. */
export function noteAnsweredBy(res: Response, serviceLabel: string): void {
  noteForwardedTo(res, serviceLabel);
}
