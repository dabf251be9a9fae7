import { and, desc, eq, getTableColumns, gte, lte, or, type SQL, type SQLWrapper, sql, type Table } from 'drizzle-orm';
import { bigserial, index, jsonb, type PgSchema, timestamp, varchar } from 'drizzle-orm/pg-core';
import { z } from 'zod';
import type { AuditActor, AuditEntry } from '../contract/audit.js';
import type { Actor } from '../contract/permissions.js';
import type { Db } from './database.js';
import { type Paged, pageOfTable, pageQuery } from './pagination.js';

// The audit trail (docs/audit.md): an append-only table in each service's own schema, filled by
// triggers on the audited tables in the same transaction as the change. The triggers read who is
// acting from the transaction setting `carcar.audit`, which `audited` sets before the write.

/** The audit table of a service's schema; its triggers are in the service's custom migration. */
export function auditLogTable(schema: PgSchema) {
  return schema.table(
    'audit_log',
    {
      id: bigserial({ mode: 'number' }).primaryKey(),
      at: timestamp({ withTimezone: true }).notNull().defaultNow(),
      actor: jsonb().$type<AuditActor>().notNull(),
      action: varchar({ length: 40 }).notNull(),
      entity: varchar({ length: 40 }).notNull(),
      entityId: varchar('entity_id', { length: 100 }).notNull(),
      vin: varchar({ length: 17 }),
      changes: jsonb().$type<Record<string, [unknown, unknown]>>().notNull(),
      reason: varchar({ length: 500 }),
      requestId: varchar('request_id', { length: 128 }).notNull(),
    },
    (t) => [
      index('audit_log_vin_id_idx').on(t.vin, t.id),
      index('audit_log_entity_id_idx').on(t.entity, t.entityId, t.id),
      index('audit_log_at_idx').on(t.at),
    ],
  );
}

export type AuditLogTable = ReturnType<typeof auditLogTable>;

/** What the triggers are told about a change: who, under which request, and why. */
export interface AuditContext {
  actor: AuditActor;
  request_id: string;
  /** Overrides the trigger's create/update/delete with what staff call it: cancel, finish, sale, void, sold. */
  action?: string;
  reason?: string;
}

/**
 * Who is asking, for the use cases that narrow to one's own records or record who did what. Here,
 * not in http/, because the use cases and repositories take it: routes make it (`contextOf`).
 */
export interface RequestContext {
  actor: Actor;
  requestId: string;
  /** The request's W3C trace id, when it came with one: kept with work it leaves for later (the outbox). */
  traceId?: string | undefined;
  /** The span that work belongs to (this request's, or its caller's): what follows is its child. */
  spanId?: string | undefined;
}

export function auditActor(actor: Actor): AuditActor {
  if (actor.kind === 'service') return { service: actor.service };
  return { kind: actor.kind, id: actor.id, name: actor.name, role: actor.role };
}

/** The audit context of a request, with the action and reason a use case adds. */
export function auditContext(
  context: RequestContext,
  extra: { action?: string; reason?: string | null | undefined } = {},
): AuditContext {
  return {
    actor: auditActor(context.actor),
    request_id: context.requestId,
    ...(extra.action ? { action: extra.action } : {}),
    ...(extra.reason ? { reason: extra.reason } : {}),
  };
}

/** The setting's value: set by `set_config(..., true)`, so it ends with the transaction. */
function setConfig(value: SQLWrapper | string): SQL {
  return sql`select set_config('carcar.audit', ${value}, true)`;
}

/** The statement that tells this transaction's triggers who is acting. */
export function setAuditContext(context: AuditContext): SQL {
  return setConfig(JSON.stringify(context));
}

/**
 * For a write that is one prepared statement: `with audit as (...)` first, the context passed as
 * the `audit` parameter (`JSON.stringify(context)`). The statement's final select must read
 * `audit` (`cross join audit`, or select from it): the triggers run as the statement ends, after it.
 */
export const auditCte: SQL = sql`audit as (${setConfig(sql.placeholder('audit'))} as context)`;

/**
 * `auditCte` for a statement that writes the audit entries of the rows it inserts itself
 * (`auditCreated`), the hot paths' creates: it also tells `table`'s audit trigger, whose `WHEN`
 * reads `carcar.audit_inline`, to stay out of it. The insert must select from `audit`, so both
 * settings are made before its first row: a trigger's `WHEN` is decided as each row is written.
 * A trigger call per row cost more than the insert itself (docs/audit.md has the measurements).
 */
export function auditInlineCte(table: string): SQL {
  return sql`audit as (${setConfig(sql.placeholder('audit'))} as context, set_config('carcar.audit_inline', ${table}, true) as inline)`;
}

/** A column name of our own schema, written into a statement's text as a JSON key. */
function columnKey(name: string): SQL {
  if (!/^[a-z_]+$/.test(name)) throw new Error(`not a column name: ${name}`);
  return sql.raw(`'${name}'`);
}

/**
 * The audit entries of the rows that the `with` query `rows` inserted into `table` (its
 * `returning *`), in the trigger's form (migration `*_audit_triggers.sql`): action `create` unless
 * the context names one, every column but `leaveOut` that is not null as `[null, value]`, the row's
 * `id`, its VIN from `vinColumn`. A data-modifying `with` query named `audit_entries`, after
 * `auditInlineCte`'s `audit`.
 *
 * The changes are built column by column from the table's definition rather than by taking the row
 * apart as JSON (`to_jsonb(row)`, `jsonb_each`, `jsonb_object_agg`) as the trigger must, and the
 * context is parsed once: about a third less of Postgres' time per entry (docs/audit.md).
 * `jsonb_build_array` turns each value into JSON as `to_jsonb` does, so a timestamp reads as the
 * trigger writes it.
 */
export function auditCreated(options: {
  log: AuditLogTable;
  entity: string;
  table: Table;
  rows: string;
  vinColumn?: string;
  leaveOut?: string[];
}): SQL {
  const rows = sql.identifier(options.rows);
  const leaveOut = new Set(options.leaveOut ?? []);
  const columns = Object.values(getTableColumns(options.table)).filter((column) => !leaveOut.has(column.name));
  const pair = (name: string) => sql`${columnKey(name)}, jsonb_build_array(null, ${rows}.${sql.identifier(name)})`;
  const required = columns.filter((column) => column.notNull).map((column) => pair(column.name));
  const optional = columns
    .filter((column) => !column.notNull)
    .map(
      (column) =>
        sql` || case when ${rows}.${sql.identifier(column.name)} is null then '{}'::jsonb else jsonb_build_object(${pair(column.name)}) end`,
    );
  const changes = sql`jsonb_build_object(${sql.join(required, sql`, `)})${sql.join(optional)}`;
  const vin = options.vinColumn ? sql`${rows}.${sql.identifier(options.vinColumn)}` : sql`null`;
  return sql`audit_entries as (
    insert into ${options.log} (actor, action, entity, entity_id, vin, changes, reason, request_id)
    select parsed.context -> 'actor', coalesce(parsed.context ->> 'action', 'create'), ${options.entity},
      ${rows}.id::text, ${vin}, ${changes},
      parsed.context ->> 'reason', coalesce(parsed.context ->> 'request_id', '')
    from ${rows} cross join audit cross join lateral (select audit.context::jsonb as context) as parsed)`;
}

/**
 * Runs `write` in a transaction whose audited changes are recorded with `context`. A write that
 * fails rolls back with its entries: a refused request leaves no trace but the log.
 */
export function audited<T>(db: Db, context: AuditContext, write: (tx: Db) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    await tx.execute(setAuditContext(context));
    return write(tx);
  });
}

const instant = z.iso.datetime({
  offset: true,
  error: 'must be a date and time with an offset, e.g. 2026-05-01T00:00:00Z',
});

/** `GET /api/audit/`'s filters and page; newest first. */
export const auditListQuery = pageQuery.extend({
  vin: z.string().trim().toUpperCase().max(17, 'A VIN has 17 characters').optional(),
  entity: z.string().trim().max(40, 'must be at most 40 characters').optional(),
  entity_id: z.string().trim().max(100, 'must be at most 100 characters').optional(),
  /** A person's or token's id, or a service's name (`sales-api`). */
  actor: z.string().trim().max(100, 'must be at most 100 characters').optional(),
  since: instant.optional(),
  until: instant.optional(),
});
export type AuditListQuery = z.output<typeof auditListQuery>;

type AuditRow = AuditLogTable['$inferSelect'];

export function auditEntryJson(row: AuditRow): AuditEntry {
  return {
    id: row.id,
    at: row.at.toISOString(),
    actor: row.actor,
    action: row.action,
    entity: row.entity,
    entity_id: row.entityId,
    ...(row.vin ? { vin: row.vin } : {}),
    changes: row.changes,
    ...(row.reason ? { reason: row.reason } : {}),
    request_id: row.requestId,
  };
}

/** The trail of one service, filtered and paged, newest first. */
export function auditTrail(db: Db, table: AuditLogTable) {
  return {
    async list(query: AuditListQuery): Promise<Paged<AuditEntry>> {
      const conditions: SQL[] = [];
      if (query.vin) conditions.push(eq(table.vin, query.vin));
      if (query.entity) conditions.push(eq(table.entity, query.entity));
      if (query.entity_id) conditions.push(eq(table.entityId, query.entity_id));
      if (query.actor) {
        const byId = sql`${table.actor}->>'id' = ${query.actor}`;
        const byService = sql`${table.actor}->>'service' = ${query.actor}`;
        conditions.push(or(byId, byService) as SQL);
      }
      if (query.since) conditions.push(gte(table.at, new Date(query.since)));
      if (query.until) conditions.push(lte(table.at, new Date(query.until)));
      const where = conditions.length > 0 ? and(...conditions) : undefined;
      const { rows, total } = await pageOfTable(db, table, where, [desc(table.id)], query);
      return { items: rows.map((row) => auditEntryJson(row as AuditRow)), total };
    },
  };
}
