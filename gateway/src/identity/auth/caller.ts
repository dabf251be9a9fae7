import { type Permission, permissionsOf } from '@carcar/common/contract/permissions';
import type { PersonClaims } from '@carcar/common/http/credentials/sign';
import type { Response } from 'express';
import type { ActiveToken } from '../tokens/records.js';
import type { UserRecord } from '../users/schemas.js';

/** Who is making a request at the gateway: a signed-in person, or an integration's API token. */
export type Caller = { kind: 'user'; user: UserRecord } | { kind: 'token'; token: ActiveToken };

/** The internal credential's `sub`: `user:<id>` or `token:<id>`. */
export function subjectOf(caller: Caller): string {
  return caller.kind === 'user' ? `user:${caller.user.id}` : `token:${caller.token.id}`;
}

/** What the credential says about the caller; the links are left out when there are none. */
export function claimsOf(caller: Caller): PersonClaims {
  if (caller.kind === 'token') return { name: caller.token.name, role: caller.token.role };
  const { name, role, technicianId, salespersonId } = caller.user;
  return {
    name,
    role,
    ...(technicianId === null ? {} : { technician_id: technicianId }),
    ...(salespersonId === null ? {} : { salesperson_id: salespersonId }),
  };
}

export function permissionsOfCaller(caller: Caller): readonly Permission[] {
  return permissionsOf(caller.kind === 'user' ? caller.user.role : caller.token.role);
}

export function setCaller(res: Response, caller: Caller): void {
  res.locals.caller = caller;
}

/** The caller `identify` found, if any. */
export function callerOf(res: Response): Caller | undefined {
  const caller: unknown = res.locals.caller;
  return typeof caller === 'object' && caller !== null && 'kind' in caller ? (caller as Caller) : undefined;
}
