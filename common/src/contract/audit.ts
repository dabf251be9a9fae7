// The audit trail's API shapes, shared by the services, the gateway and the browser app.
// Browser-safe: no node imports.
import { z } from 'zod';
import { roles } from './permissions.js';

/** Who made a change: a person (or an API token) with their role, or a service with its own key. */
export const auditActorSchema = z.union([
  z.strictObject({ kind: z.enum(['person', 'token']), id: z.string(), name: z.string(), role: z.enum(roles) }),
  z.strictObject({ service: z.string() }),
]);
export type AuditActor = z.infer<typeof auditActorSchema>;

/** One entry of the trail: the contract's AuditEntry. */
export const auditEntrySchema = z.strictObject({
  id: z.number().int(),
  at: z.iso.datetime(),
  actor: auditActorSchema,
  /** create, update, delete, cancel, finish, sale, void, sold, unsold; sign-in and the like at the gateway. */
  action: z.string(),
  /** automobile, manufacturer, model, technician, appointment, salesperson, customer, sale; user, token. */
  entity: z.string(),
  entity_id: z.string(),
  vin: z.string().optional(),
  /** Each changed field as `[before, after]` (before is null on create, after on delete). */
  changes: z.record(z.string(), z.tuple([z.unknown(), z.unknown()])),
  reason: z.string().optional(),
  request_id: z.string(),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

/** `GET /api/audit/` of every service: a page of the trail, newest first. */
export const auditListSchema = z.strictObject({ entries: z.array(auditEntrySchema) });
