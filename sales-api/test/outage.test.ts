import { sampleVin } from '@carcar/common/vin/vin';
import { callJson } from '@carcar/testing/http';
import { type SpawnedService, until } from '@carcar/testing/processes';
import { addInventoryModel, type Stack, startStack } from '@carcar/testing/stack';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

// Real inventory and sales-api processes on ephemeral ports, sharing one database on Postgres runs.
let stack: Stack<'sales'>;
let inventory: SpawnedService;
let sales: SpawnedService;

beforeEach(async () => {
  stack = await startStack({ services: ['sales'] });
  ({ inventory, sales } = stack.processes);
});
afterEach(async () => {
  await stack?.stop();
});

/** Adds cars to inventory and waits until the sales poller has copied them. */
async function stock(count: number, from: number): Promise<string[]> {
  const modelId = await addInventoryModel(inventory.url, `Maker ${from}`, `Model ${from}`);
  const vins = Array.from({ length: count }, (_, i) => sampleVin(from + i));
  for (const vin of vins) {
    await callJson('POST', `${inventory.url}/api/automobiles/`, { vin, color: 'red', year: 2010, model_id: modelId });
  }
  await until(
    'sales copied the new cars',
    async () => {
      const { autos } = await callJson<{ autos: { vin: string }[] }>('GET', `${sales.url}/api/automobiles/?sold=false`);
      return vins.every((vin) => autos.some((a) => a.vin === vin));
    },
    30_000,
  );
  return vins;
}

async function people() {
  const salesperson = await callJson<{ id: number }>('POST', `${sales.url}/api/salespeople/`, {
    first_name: 'Sam',
    last_name: 'Seller',
    employee_id: 'S-1',
  });
  const customer = await callJson<{ id: number }>('POST', `${sales.url}/api/customers/`, {
    first_name: 'Jane',
    last_name: 'Doe',
    address: '1 Main St',
    phone_number: '555-0100',
  });
  return { salesperson: salesperson.id, customer: customer.id };
}

const soldInInventory = async (vin: string) =>
  (await callJson<{ sold: boolean }>('GET', `${inventory.url}/api/automobiles/${vin}/`)).sold;

describe('sales while inventory is down', () => {
  it('records 10 sales, then marks all 10 sold in inventory within 5 s of its return; a void follows', async () => {
    const vins = await stock(10, 500);
    const ids = await people();
    const port = String(inventory.port);
    await inventory.stop();

    const saleIds: number[] = [];
    for (const vin of vins) {
      const sale = await callJson<{ id: number }>('POST', `${sales.url}/api/sales/`, {
        automobile: vin,
        price: 20000,
        ...ids,
      });
      saleIds.push(sale.id);
    }
    const health = await callJson<{ outbox: { pending: number } }>('GET', `${sales.url}/healthz`);
    expect(health.outbox.pending).toBe(10);

    inventory = await stack.start('inventory', { PORT: port });
    const elapsed = await until(
      'all 10 sold in inventory',
      async () => (await Promise.all(vins.map(soldInInventory))).every(Boolean),
      5_000,
    );
    expect(elapsed).toBeLessThan(5_000);

    await callJson('DELETE', `${sales.url}/api/sales/${saleIds[0]}/`);
    await until('the void reached inventory', async () => !(await soldInInventory(vins[0] as string)), 5_000);
    expect(await soldInInventory(vins[1] as string)).toBe(true);
  });
});

describe('sales-api killed in the middle of a stream of sales', () => {
  it('loses nothing it acknowledged: every 201 sale exists after a restart and its car is sold in inventory', async () => {
    const vins = await stock(30, 600);
    const ids = await people();
    const acknowledged = new Map<string, number>();
    let killed = false;
    const stream = (async () => {
      for (const vin of vins) {
        try {
          const res = await fetch(`${sales.url}/api/sales/`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ automobile: vin, price: 15000, ...ids }),
          });
          if (res.status === 201) acknowledged.set(vin, ((await res.json()) as { id: number }).id);
        } catch {
          if (killed) return; // the connection died with the process
        }
      }
    })();
    await until('8 sales acknowledged', async () => acknowledged.size >= 8, 30_000);
    killed = true;
    await sales.stop('SIGKILL');
    await stream;
    expect(acknowledged.size).toBeGreaterThanOrEqual(8);

    sales = await stack.start('sales');
    for (const [vin, id] of acknowledged) {
      const sale = await callJson<{ automobile: { vin: string; sold: boolean } }>(
        'GET',
        `${sales.url}/api/sales/${id}/`,
      );
      expect(sale.automobile).toEqual({ vin, sold: true });
    }
    await until(
      'acknowledged sales marked sold in inventory',
      async () => (await Promise.all([...acknowledged.keys()].map(soldInInventory))).every(Boolean),
      // A row the killed process had claimed waits for its 10 s lease to pass.
      30_000,
    );
    // No half-written record: a car is sold in sales exactly when it has a live sale.
    const { sales: recorded } = await callJson<{ sales: { automobile: { vin: string } }[] }>(
      'GET',
      `${sales.url}/api/sales/`,
    );
    const { autos } = await callJson<{ autos: { vin: string; sold: boolean }[] }>(
      'GET',
      `${sales.url}/api/automobiles/`,
    );
    const soldVins = autos
      .filter((a) => a.sold)
      .map((a) => a.vin)
      .sort();
    expect(recorded.map((s) => s.automobile.vin).sort()).toEqual(soldVins);
  });
});
