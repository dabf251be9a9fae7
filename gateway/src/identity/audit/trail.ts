import type { AuditActor } from '@carcar/common/contract/audit';
import { GATEWAY_ISSUER } from '@carcar/common/contract/permissions';
import type { AuditContext } from '@carcar/common/db/audit';
import type { Db } from '@carcar/common/db/database';
import { requestIdOf } from '@carcar/common/http/request-context';
import type { Response } from 'express';
import { auditLog } from '../../db/schema.js';
import { type Caller, callerOf } from '../auth/caller.js';

// The identity trail: who signed in (or failed to), who changed an account or a token, who was
// refused. The services' trails are filled by triggers; here the use cases insert each entry
// themselves, in the transaction of the change when there is one. A trigger on users and
// api_tokens would see password_hash and token_hash, could not say "the password changed" without
// them, and would make every token's last-used write an entry; most identity events (sign-in,
// sign-out, a refusal) are not row changes at all. So one mechanism for every event: this module.

/**
 * The actor of what nobody signed in did (a failed sign-in) and of what the gateway does on its
 * own (the first administrator at start): the gateway itself, named as the services name it.
 * The entry's action and reason say what happened; an admin reads "carcar-gateway" as "the system".
 */
export const GATEWAY_ACTOR: AuditActor = { service: GATEWAY_ISSUER };

/** The request id of what happens outside any request (start-up). */
export const STARTUP_REQUEST_ID = 'startup';

/** The person or token making a request, as an entry names them (the services' ids: `'7'`, not `user:7`). */
export function callerActor(caller: Caller): AuditActor {
  if (caller.kind === 'user') {
    const { id, name, role } = caller.user;
    return { kind: 'person', id: String(id), name, role };
  }
  const { id, name, role } = caller.token;
  return { kind: 'token', id: String(id), name, role };
}

/** Who is acting in this request and under which id; only for routes behind a signed-in caller. */
export function auditContextOf(res: Response): AuditContext {
  const caller = callerOf(res);
  if (!caller) throw new Error('No caller: mount identify() and a permission check before this route');
  return { actor: callerActor(caller), request_id: requestIdOf(res) };
}

export interface IdentityEvent {
  /** create, update, revoke, sign_in, sign_in_failed, sign_out, access_denied. */
  action: string;
  /** user, token, request. */
  entity: string;
  entityId: string | number;
  /** Each changed field as `[before, after]`; never a password, a hash or a token. */
  changes?: Record<string, [unknown, unknown]>;
  reason?: string | undefined;
}

/** Columns are bounded; an over-long path or typed email is cut rather than refused. */
function cut(text: string, length: number): string {
  return text.length > length ? text.slice(0, length) : text;
}

/** Appends one entry; pass the change's transaction as `db` so both commit or neither does. */
export async function recordEvent(db: Db, context: AuditContext, event: IdentityEvent): Promise<void> {
  const reason = event.reason ?? context.reason;
  await db.insert(auditLog).values({
    actor: context.actor,
    action: event.action,
    entity: event.entity,
    entityId: cut(String(event.entityId), 100),
    changes: event.changes ?? {},
    reason: reason === undefined ? null : cut(reason, 500),
    requestId: cut(context.request_id, 128),
  });
}
