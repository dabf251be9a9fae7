import { readFileSync } from 'node:fs';
import path from 'node:path';
import { queryRows } from '@carcar/common/db/statements';
import { sampleVin } from '@carcar/common/vin/vin';
import { asService } from '@carcar/testing/credentials';
import { sql } from 'drizzle-orm';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { automobiles } from '../src/db/schema.js';
import { automobileJson, automobilesJoined } from '../src/json/automobile-json.js';
import { addAutomobile, inventoryWithModel, migrationsFolder } from './helpers.js';

// Migration 0019 announces every car with a cost once more in the feed, for a sales-api whose
// cursor passed the costed entries before it kept costs. Run here on a database already migrated,
// as it runs on a deployment: on the cars there are.

const stock = inventoryWithModel();

const reannounce = readFileSync(path.join(migrationsFolder, '0019_costs_announced_again.sql'), 'utf8');

async function count(table: 'audit_log' | 'events'): Promise<number> {
  const [row] = await queryRows<{ n: string | number }>(
    stock.inv.db,
    sql`select count(*) as n from ${sql.identifier('inventory')}.${sql.identifier(table)}`,
  );
  return Number(row?.n);
}

describe('migration 0019', () => {
  it("appends one entry per car with a cost, as the feed's writer makes it, and nothing else", async () => {
    const { inv, modelId } = stock;
    const costed = await addAutomobile(inv, sampleVin(1900), modelId, { cost: '20000.50', list_price: '24999' });
    await addAutomobile(inv, sampleVin(1901), modelId);
    const sold = await addAutomobile(inv, sampleVin(1902), modelId, { cost: 15000, condition: 'used', odometer: 42 });
    await inv.api().put(`/api/automobiles/${sold.vin}/`).send({ sold: true }).expect(200);
    const gone = await addAutomobile(inv, sampleVin(1903), modelId, { cost: 9000 });
    await inv.api().delete(`/api/automobiles/${gone.vin}/`).expect(200);

    const sales = await asService('sales-api', 'inventory-api');
    const head = (await request(inv.app).get('/api/automobiles/changes/?limit=500').set(sales).expect(200)).body
      .next as number;
    const trail = { audit: await count('audit_log'), events: await count('events') };

    // As the migrator runs it: statement by statement, in one transaction.
    await inv.db.transaction(async (tx) => {
      for (const statement of reannounce.split('--> statement-breakpoint')) await tx.execute(sql.raw(statement));
    });

    const feed = await request(inv.app).get(`/api/automobiles/changes/?after=${head}`).set(sales).expect(200);
    // The cars as an administrator reads them (with the cost), each once, in id order.
    const now = await Promise.all(
      [costed, sold].map(async (car) => (await inv.api().get(`/api/automobiles/${car.vin}/`).expect(200)).body),
    );
    expect(feed.body.changes).toEqual(now.map((car) => ({ ...car, seq: expect.any(Number), deleted: false })));
    expect(feed.body.changes.map((car: { cost: number }) => car.cost)).toEqual([20000.5, 15000]);

    // The stored JSON is the writer's to the byte (the migration repeats its SQL). Should the writer
    // change one day, pin this to the JSON of today: the migration is history by then.
    const stored = await queryRows<{ vin: string; json: string }>(
      inv.db,
      sql`select vin, automobile::text as json from inventory.automobile_changes where feed_seq > ${head} order by feed_seq`,
    );
    const written = await queryRows<{ vin: string; json: string }>(
      inv.db,
      sql`select ${automobiles.vin} as vin, ${automobileJson}::text as json from ${automobilesJoined}
        where ${automobiles.vin} in (${costed.vin}, ${sold.vin}) order by ${automobiles.id}`,
    );
    expect(stored).toEqual(written);

    // No audit entry, no webhook event: those triggers are on automobiles, not on the feed.
    expect({ audit: await count('audit_log'), events: await count('events') }).toEqual(trail);
  });
});
