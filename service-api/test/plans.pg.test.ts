import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repairOrderStatements } from '../src/repair-orders/statements.js';
import { openServerDatabase } from './helpers.js';

// The repair order's hot statements are prepared so Postgres plans them once per connection. A
// statement whose generic plan looks dearer than one made for the values given is planned afresh at
// every call instead, which made the order's read cost Postgres about 7 times the CPU. Only a server
// keeps plans (`pg_prepared_statements`), with one connection here so every call shares them.
let opened: Awaited<ReturnType<typeof openServerDatabase>>;

beforeAll(async () => {
  opened = await openServerDatabase();
});
afterAll(() => opened?.close());

const audit = { actor: { service: 'plans-test' }, request_id: 'plans-test' };
/** Postgres plans a prepared statement for its values five times before it weighs a generic plan. */
const CALLS = 12;

describe('the repair order hot path on a Postgres server', () => {
  it('plans the write-up, the lines and the read once, not at every call', async () => {
    if (!opened) throw new Error('a Postgres server is needed: set TEST_DATABASE_URL');
    const { database } = opened;
    const statements = repairOrderStatements(database.db);
    for (let i = 0; i < CALLS; i++) {
      const { order } = await statements.createOrder(
        {
          vin: '1C3CC5FB2AN120174',
          customerName: 'Plan Customer',
          customerPhone: null,
          customerEmail: null,
          mileage: 42_000,
          concern: 'Grinding noise',
          appointmentId: null,
          advisorId: null,
          advisorName: null,
        },
        audit,
      );
      await statements.orderForLine(order.id);
      const line = await statements.addLine(
        {
          repairOrderId: order.id,
          kind: 'fee',
          description: 'Shop supplies',
          hours: null,
          rate: null,
          partNumber: null,
          quantity: '1',
          unitPrice: '12.50',
          amount: '12.50',
          technicianId: null,
        },
        ['open', 'estimate'],
        audit,
      );
      expect(line?.amount).toBe('12.50');
      const [read] = await statements.details([order.id]);
      expect(read?.lines).toHaveLength(1);
    }
    const rows = (await database.db.execute(
      sql`select name, generic_plans, custom_plans from pg_prepared_statements where name like 'service_repair_orders_%'`,
    )) as unknown as { rows: Array<{ name: string; generic_plans: string; custom_plans: string }> };
    // Every statement those calls prepared, whatever its name: each ran CALLS times.
    expect(rows.rows.length).toBeGreaterThanOrEqual(4);
    for (const row of rows.rows) {
      const plans = { generic: Number(row.generic_plans), custom: Number(row.custom_plans) };
      expect(plans.generic + plans.custom, row.name).toBe(CALLS);
      expect(plans.generic, `${row.name} was planned for its values at every call`).toBeGreaterThan(0);
    }
  });
});
