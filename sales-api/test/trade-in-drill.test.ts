import type { AuditEntry } from '@carcar/common/contract/audit';
import type { Automobile } from '@carcar/common/contract/inventory';
import { sampleVin } from '@carcar/common/vin/vin';
import { asRole } from '@carcar/testing/credentials';
import { callJson } from '@carcar/testing/http';
import { until } from '@carcar/testing/processes';
import { addSalesParties, stockForSales } from '@carcar/testing/stack';
import { stackPerTest } from '@carcar/testing/stack-per-test';
import { describe, expect, it } from 'vitest';

// The trade-in drill: real inventory and sales-api processes. Inventory is down while three deals
// with trade-ins are recorded and one of them is voided; once it is back, it holds exactly the
// right cars in the right states, each once.

const stack = stackPerTest({ services: ['sales'] });

/** An automobile in inventory as an administrator reads it, or null for a 404. */
async function inInventory(vin: string): Promise<Automobile | null> {
  const res = await fetch(`${stack.urls.inventory}/api/automobiles/${vin}/`, {
    headers: await asRole('admin', 'inventory-api'),
  });
  if (res.status === 404) return null;
  if (!res.ok) throw new Error(`inventory answered ${res.status}`);
  return (await res.json()) as Automobile;
}

describe('trade-ins while inventory is down', () => {
  it('three deals with trade-ins and one void reach inventory exactly once, in order, once it returns', async () => {
    const cars = await stockForSales(stack, 3, 800, 2024);
    const tradeIns = [sampleVin(810), sampleVin(811), sampleVin(812)];
    const { salesperson, customer } = await addSalesParties(stack, 'S-800');

    const port = String(stack.processes.inventory.port);
    await stack.processes.inventory.stop();

    // The makes in three spellings: inventory matches them ignoring case, into one maker and model.
    const makes = ['honda', 'HONDA', 'Honda'];
    const saleIds: number[] = [];
    for (const [i, vin] of cars.entries()) {
      const sale = await stack.call<{ id: number; deal: { trade_allowance: number } }>('sales', 'POST', '/api/sales/', {
        automobile: vin,
        salesperson,
        customer,
        price: '30000.00',
        trade_in: {
          vin: tradeIns[i],
          year: 2012 + i,
          make: makes[i],
          model: 'Accord',
          odometer: 100_000 + i,
          allowance: 5000 + i * 1000,
        },
      });
      expect(sale.deal.trade_allowance).toBe(5000 + i * 1000);
      saleIds.push(sale.id);
    }
    // The second deal falls through: its car is available again and its trade-in must not stay.
    await stack.call('sales', 'DELETE', `/api/sales/${saleIds[1]}/?reason=deal%20fell%20through`);
    // The outbox details answer only a caller with a credential.
    const health = await callJson<{ outbox: { pending: number } }>(
      'GET',
      `${stack.urls.sales}/healthz`,
      undefined,
      await asRole('admin', 'sales-api'),
    );
    // Three sold and three trade-ins with the sales; unsold and the trade-in's removal with the void.
    expect(health.outbox.pending).toBe(8);

    await stack.start('inventory', { PORT: port });
    await until(
      'the outbox delivered',
      async () =>
        (
          await callJson<{ outbox: { pending: number } }>(
            'GET',
            `${stack.urls.sales}/healthz`,
            undefined,
            await asRole('admin', 'sales-api'),
          )
        ).outbox.pending === 0,
      30_000,
    );

    // The cars sold: the first and third; the second available again.
    expect((await inInventory(cars[0] as string))?.sold).toBe(true);
    expect((await inInventory(cars[1] as string))?.sold).toBe(false);
    expect((await inInventory(cars[2] as string))?.sold).toBe(true);
    // The trade-ins of the live deals are in stock, used, at cost = allowance; the voided one is not.
    for (const i of [0, 2]) {
      expect(await inInventory(tradeIns[i] as string)).toMatchObject({
        vin: tradeIns[i],
        sold: false,
        condition: 'used',
        odometer: 100_000 + i,
        cost: 5000 + i * 1000,
        year: 2012 + i,
        model: { name: 'Accord' },
      });
    }
    expect(await inInventory(tradeIns[1] as string)).toBeNull();
    // One maker and one model for the three spellings.
    const { autos } = await stack.call<{ autos: Automobile[] }>('inventory', 'GET', '/api/automobiles/?condition=used');
    const used = autos.filter((car) => tradeIns.includes(car.vin));
    expect(used.map((car) => car.vin).sort()).toEqual([tradeIns[0], tradeIns[2]].sort());
    expect(new Set(used.map((car) => car.model.id)).size).toBe(1);
    const { manufacturers } = await stack.call<{ manufacturers: { name: string }[] }>(
      'inventory',
      'GET',
      '/api/manufacturers/',
    );
    expect(manufacturers.filter((maker) => maker.name.toLowerCase() === 'honda')).toHaveLength(1);

    // Each arrived once: one trade-in entry each in inventory's trail; the voided one also left once.
    const trail = async (vin: string) =>
      (
        await stack.call<{ entries: AuditEntry[] }>('inventory', 'GET', `/api/audit/?vin=${vin}`, undefined, 'manager')
      ).entries
        .map((entry) => entry.action)
        .reverse();
    expect(await trail(tradeIns[0] as string)).toEqual(['trade_in']);
    expect(await trail(tradeIns[1] as string)).toEqual(['trade_in', 'trade_in_removed']);
    expect(await trail(tradeIns[2] as string)).toEqual(['trade_in']);

    // Sales' copy follows: the live trade-ins can now be sold, the voided one is gone.
    await until(
      'sales copied the trade-ins',
      async () => {
        const copy = await stack.call<{ autos: { vin: string }[] }>('sales', 'GET', '/api/automobiles/?sold=false');
        const vins = copy.autos.map((a) => a.vin);
        return (
          vins.includes(tradeIns[0] as string) &&
          vins.includes(tradeIns[2] as string) &&
          !vins.includes(tradeIns[1] as string)
        );
      },
      30_000,
    );
  });
});
