import { inventoryRoutes, pathTo, salesRoutes, serviceApiRoutes } from '@carcar/common/contract/routes';
import { sampleVin } from '@carcar/common/vin/vin';
import { asService } from '@carcar/testing/credentials';
import { callJson } from '@carcar/testing/http';
import { addInventoryModel, type StackService } from '@carcar/testing/stack';
import type { Stack } from './stack.js';

/** Serials of the cars the loader stores (`sampleVin(n)`); cars POSTed by a scenario start higher. */
export const LOADED_SERIALS_END = 500_000;

export interface Fixtures {
  modelId: number;
  technicianIds: number[];
  salespersonIds: number[];
  customerId: number;
}

/** `count` technicians or salespeople (the same body) at `path` of `service`; returns their ids. */
async function addStaff(
  stack: Stack,
  service: StackService,
  path: string,
  firstName: string,
  idPrefix: string,
  count: number,
): Promise<number[]> {
  const ids: number[] = [];
  for (let i = 0; i < count; i++) {
    const person = await stack.call<{ id: number }>(service, 'POST', path, {
      first_name: firstName,
      last_name: `No. ${i}`,
      employee_id: `${idPrefix}-${i}`,
    });
    ids.push(person.id);
  }
  return ids;
}

export async function createFixtures(stack: Stack, technicians: number, salespeople: number): Promise<Fixtures> {
  const modelId = await addInventoryModel(stack.inventory, 'Bench', 'Sprinter');
  const technicianIds = await addStaff(
    stack,
    'service',
    pathTo(serviceApiRoutes.technicians.create),
    'Tech',
    'BT',
    technicians,
  );
  const salespersonIds = await addStaff(
    stack,
    'sales',
    pathTo(salesRoutes.salespeople.create),
    'Sales',
    'BS',
    salespeople,
  );
  const customer = await stack.call<{ id: number }>('sales', 'POST', pathTo(salesRoutes.customers.create), {
    first_name: 'Bench',
    last_name: 'Customer',
    address: '1 Load Street',
    phone_number: '555-010-0000',
  });
  return { modelId, technicianIds, salespersonIds, customerId: customer.id };
}

async function countInventory(stack: Stack): Promise<number> {
  const res = await fetch(`${stack.inventory}${pathTo(inventoryRoutes.automobiles.list)}?limit=1`, {
    headers: stack.credentials.inventory(),
  });
  if (!res.ok) throw new Error(`inventory answered ${res.status} to the stock count`);
  return Number(res.headers.get('x-total-count'));
}

/** How many cars the loader POSTs at once: enough to keep inventory busy on every core. */
const LOAD_CONCURRENCY = 50;

/** POSTs one car per VIN through inventory's API, `LOAD_CONCURRENCY` at a time. */
async function postCars(stack: Stack, modelId: number, vins: string[]): Promise<void> {
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < vins.length; i = next++) {
      await stack.call('inventory', 'POST', pathTo(inventoryRoutes.automobiles.create), {
        vin: vins[i],
        color: 'silver',
        year: 2022,
        model_id: modelId,
      });
    }
  };
  await Promise.all(Array.from({ length: LOAD_CONCURRENCY }, worker));
}

/**
 * Stores cars until inventory holds `total`, through its public API like any client, so every car
 * gets its feed entry the way production writes it and the bench knows nothing of inventory's tables.
 */
export async function fillInventory(stack: Stack, modelId: number, total: number) {
  const stored = await countInventory(stack);
  const vins = Array.from({ length: Math.max(0, total - stored) }, (_, i) => sampleVin(stored + i));
  await postCars(stack, modelId, vins);
  await waitForSync(stack);
}

interface Health {
  sync?: { last_seq: number | null };
  outbox?: { pending: number };
}

/** Until the sales outbox is delivered and both copies have applied the whole feed. */
export async function waitForSync(stack: Stack): Promise<void> {
  const deadline = Date.now() + 300_000;
  for (;;) {
    const [service, sales] = await Promise.all([
      // The sync details answer only a caller with a credential.
      callJson<Health>('GET', `${stack.service}/healthz`, undefined, stack.credentials.service()),
      callJson<Health>('GET', `${stack.sales}/healthz`, undefined, stack.credentials.sales()),
    ]);
    const seqs = [service.sync?.last_seq ?? 0, sales.sync?.last_seq ?? 0];
    const end = await feedEnd(stack, Math.min(...seqs));
    if (sales.outbox?.pending === 0 && seqs.every((seq) => seq >= end)) return;
    if (Date.now() > deadline) throw new Error(`copies not in sync after 5 minutes (${seqs.join(', ')} of ${end})`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** The newest feed entry's seq, read forward from `after` in pages of 500, as a poller reads them. */
async function feedEnd(stack: Stack, after: number): Promise<number> {
  let cursor = after;
  for (;;) {
    const page = await callJson<{ changes: unknown[]; next: number }>(
      'GET',
      `${stack.inventory}${pathTo(inventoryRoutes.automobiles.changes)}?after=${cursor}&limit=500`,
      undefined,
      await asService('service-api', 'inventory-api'),
    );
    if (page.changes.length === 0) return cursor;
    cursor = page.next;
  }
}
