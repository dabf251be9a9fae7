import type { AuditEntry } from '@carcar/common/contract/audit';
import { inventoryRoutes, pathTo } from '@carcar/common/contract/routes';
import type { Db } from '@carcar/common/db/database';
import { queryRows } from '@carcar/common/db/statements';
import { type SQL, sql } from 'drizzle-orm';
import type { Test } from 'supertest';

// Reading a service's audit trail in tests: what a step wrote, and whether the database itself
// refuses to rewrite it.

/** A GET as a manager (who may read the trail), e.g. `(path) => api('manager').get(path)`. */
export type ManagerGet = (path: string) => Test;

export interface AuditReader {
  /** The id of the newest entry, 0 for none. */
  lastId(): Promise<number>;
  /** The entries written after `id`, oldest first. */
  since(id: number): Promise<AuditEntry[]>;
  /** What `step` wrote to the trail, oldest first. */
  during(step: () => Promise<unknown>): Promise<AuditEntry[]>;
}

export function auditReader(get: ManagerGet): AuditReader {
  const newest = async (limit: number) =>
    (await get(`${pathTo(inventoryRoutes.audit)}?limit=${limit}`).expect(200)).body.entries as AuditEntry[];
  const reader: AuditReader = {
    lastId: async () => (await newest(1))[0]?.id ?? 0,
    since: async (id) => (await newest(100)).filter((entry) => entry.id > id).reverse(),
    during: async (step) => {
      const before = await reader.lastId();
      await step();
      return reader.since(before);
    },
  };
  return reader;
}

/** The database's reason for refusing `query` (Drizzle wraps it), or 'done' when it ran. */
export function refusal(db: Db, query: SQL): Promise<string> {
  return queryRows(db, query).then(
    () => 'done',
    (error: Error & { cause?: Error }) => error.cause?.message ?? error.message,
  );
}

/** UPDATE, DELETE and TRUNCATE of `schema.audit_log`, each with the database's answer. */
export async function rewriteAttempts(db: Db, schema: string): Promise<string[]> {
  const table = sql.raw(`"${schema}"."audit_log"`);
  return [
    await refusal(db, sql`update ${table} set action = 'forged'`),
    await refusal(db, sql`delete from ${table}`),
    await refusal(db, sql`truncate ${table}`),
  ];
}
