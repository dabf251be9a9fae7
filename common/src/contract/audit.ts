// The audit trail's API shapes, shared by the services, the gateway and the browser app.
// Browser-safe: no node imports.
import type { Role } from './permissions.js';

/** Who made a change: a person (or an API token) with their role, or a service with its own key. */
export type AuditActor = { kind: 'person' | 'token'; id: string; name: string; role: Role } | { service: string };

/** One entry of the trail: the contract's AuditEntry. */
export interface AuditEntry {
  id: number;
  at: string;
  actor: AuditActor;
  /** create, update, delete, cancel, finish, sale, void, sold, unsold; sign-in and the like at the gateway. */
  action: string;
  /** automobile, manufacturer, model, technician, appointment, salesperson, customer, sale; user, token. */
  entity: string;
  entity_id: string;
  vin?: string;
  /** Each changed field as `[before, after]` (before is null on create, after on delete). */
  changes: Record<string, [unknown, unknown]>;
  reason?: string;
  request_id: string;
}
