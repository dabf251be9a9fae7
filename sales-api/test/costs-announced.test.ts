import { readFileSync } from 'node:fs';
import path from 'node:path';
import { openDatabase } from '@carcar/common/db/database';
import type { Poller } from '@carcar/common/sync/poller';
import { sampleVin } from '@carcar/common/vin/vin';
import { pollRealInventory } from '@carcar/testing/inventory-feed';
import { type SpawnedService, until } from '@carcar/testing/processes';
import { addInventoryModel, inventoryDir, type Stack } from '@carcar/testing/stack';
import { eq, sql } from 'drizzle-orm';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { salesAutomobileStore } from '../src/automobiles/store.js';
import { automobileCosts } from '../src/db/schema.js';
import { addCustomer, addSalesperson, type SalesApi, startSalesApi } from './helpers.js';

// A sales-api older than sales.automobile_costs read the feed's costed entries and kept no cost:
// its cursor is past them, and those cars' sales answer front_gross null. Inventory's migration
// 0019 announces each costed car once more; the poller, from where it is, brings the cost in.
// A real inventory process, sales in this process with its poller reading inventory over HTTP.

const inventoryMigrations = path.join(inventoryDir, 'drizzle');

let stack: Stack<never>;
let inventory: SpawnedService;
let sales: SalesApi;
let poller: Poller;

beforeAll(async () => {
  sales = await startSalesApi();
  ({ stack, poller } = await pollRealInventory({
    name: 'sales',
    database: sales.database,
    store: salesAutomobileStore(sales.db),
    logger: pino({ level: 'silent' }),
    waitSeconds: 1,
    maxBackoffMs: 500,
  }));
  inventory = stack.processes.inventory;
});
afterAll(async () => {
  await poller?.stop();
  await stack?.stop();
  await sales?.close();
});

async function storedCost(vin: string): Promise<string | null | undefined> {
  const [row] = await sales.db.select().from(automobileCosts).where(eq(automobileCosts.vin, vin));
  return row?.cost;
}

describe("inventory's costs announced again (migration 0019)", () => {
  it('gives a sale read past its car’s costed entry its front gross', async () => {
    const vin = sampleVin(1950);
    const modelId = await addInventoryModel(inventory.url, 'Maker 1950', 'Model 1950');
    await stack.call('inventory', 'POST', '/api/automobiles/', {
      vin,
      color: 'red',
      year: 2024,
      model_id: modelId,
      cost: '20000.50',
    });
    await until('sales copied the car and its cost', async () => (await storedCost(vin)) === '20000.50', 30_000);
    // What an older sales-api was left with: the car, the cursor past its entry, no cost.
    await sales.db.delete(automobileCosts).where(eq(automobileCosts.vin, vin));

    const salesperson = await addSalesperson(sales);
    const customer = await addCustomer(sales);
    const sale = await sales
      .api()
      .post('/api/sales/')
      .send({ automobile: vin, salesperson: salesperson.id, customer: customer.id, price: '25000.00' })
      .expect(201);
    const frontGross = async () =>
      (await sales.api('manager').get(`/api/sales/${sale.body.id}/`).expect(200)).body.front_gross;
    expect(await frontGross()).toBeNull();

    // The upgrade: inventory stopped, the migration's SQL run on its database, inventory started again.
    const port = String(inventory.port);
    await inventory.stop();
    const database = await openDatabase({
      schemaName: 'inventory',
      migrationsFolder: inventoryMigrations,
      databaseUrl: stack.data.databaseUrl,
      dataDir: stack.data.dataDir,
    });
    try {
      // As the migrator runs it: statement by statement, in one transaction.
      const reannounce = readFileSync(path.join(inventoryMigrations, '0019_costs_announced_again.sql'), 'utf8');
      await database.db.transaction(async (tx) => {
        for (const statement of reannounce.split('--> statement-breakpoint')) await tx.execute(sql.raw(statement));
      });
    } finally {
      await database.close();
    }
    inventory = await stack.start('inventory', { PORT: port });

    await until('sales stored the cost again', async () => (await storedCost(vin)) === '20000.50', 30_000);
    expect(await frontGross()).toBe(4999.5);
    // The sale's own state is sales' to keep: the entry (unsold in inventory) did not undo it.
    const copy = await sales.api().get('/api/automobiles/?sold=true').expect(200);
    expect(copy.body.autos.map((car: { vin: string }) => car.vin)).toContain(vin);
  });
});
