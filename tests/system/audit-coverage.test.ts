import { fileURLToPath } from 'node:url';
import { queryRows } from '@carcar/common/db/statements';
import { openTestDatabase } from '@carcar/testing/database';
import { btree_gist } from '@electric-sql/pglite/contrib/btree_gist';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';

// docs/audit.md's rule: every table a service writes for a person's change has the `record_audit`
// trigger, and every other table is named below with why it has none. A new table without either
// fails here, so an audited table cannot be added without its entry by forgetting the migration.
const folder = (service: string) => fileURLToPath(new URL(`../../${service}/drizzle`, import.meta.url));

const trail = 'the audit trail itself (append-only)';
const events = "the webhook event feed: written by the audited change's own transaction, from its rows";
const copy = "a copy of another service's records, kept by the poller from its feed (audited there)";
const cursor = 'how far the poller has read a feed: bookkeeping, no one changes it';
const rowCounts = "the lists' totals, counters kept by triggers on the counted tables, not records";
const notAudited: Record<string, Record<string, string>> = {
  inventory: {
    audit_log: trail,
    events,
    automobile_changes: 'the changes feed: written with each audited automobile change, from its rows',
    automobile_counts: 'counters kept by triggers on automobiles, not records',
    catalog_version: 'a version bumped by triggers on manufacturers and models, for ETags',
  },
  service: {
    audit_log: trail,
    events,
    automobile_vos: copy,
    automobile_sold_at: 'derived by a trigger on automobile_vos (the copy), not a change anyone makes',
    sync_cursors: cursor,
    emails: 'the outgoing mail queue; GET /api/emails/ is its own record of what was sent',
    email_unsubscribes: "an address's opt-out by a link in the mail, by no staff member",
    part_movements: 'an append-only journal of stock that names its own actor (0009_parts_audit.sql)',
    row_counts: rowCounts,
    repair_order_labor: "an invoiced order's labor summed by technician, written with the audited invoice",
  },
  sales: {
    audit_log: trail,
    events,
    automobile_vos: copy,
    automobile_costs: "a copy of inventory's costs from its feed, kept apart from the sales rows",
    sync_cursors: cursor,
    outbox: 'calls to other services to make, written with the audited sale or void that asks for them',
    row_counts: rowCounts,
  },
};

const services = [
  { schemaName: 'inventory', migrationsFolder: folder('inventory-api') },
  { schemaName: 'service', migrationsFolder: folder('service-api'), pgliteExtensions: { btree_gist } },
  { schemaName: 'sales', migrationsFolder: folder('sales-api') },
];

describe.each(services)('the $schemaName schema', (options) => {
  it('has the audit trigger on every table, or names why not', async () => {
    const database = await openTestDatabase(options);
    try {
      const tables = await queryRows<{ table_name: string }>(
        database.db,
        sql`select table_name from information_schema.tables
            where table_schema = ${options.schemaName} and table_type = 'BASE TABLE' order by table_name`,
      );
      const triggers = await queryRows<{ table_name: string }>(
        database.db,
        sql`select distinct event_object_table as table_name from information_schema.triggers
            where event_object_schema = ${options.schemaName} and action_statement like '%record_audit%'`,
      );
      const audited = new Set(triggers.map((row) => row.table_name));
      const allowed = notAudited[options.schemaName] ?? {};
      const names = tables.map((row) => row.table_name);
      expect(names.length).toBeGreaterThan(2);
      expect(audited.size).toBeGreaterThan(2);
      expect(names.filter((name) => !audited.has(name) && !(name in allowed))).toEqual([]);
      // The list stays true: a table listed as not audited has no trigger and still exists.
      expect(Object.keys(allowed).filter((name) => audited.has(name) || !names.includes(name))).toEqual([]);
    } finally {
      await database.close();
    }
  });
});
