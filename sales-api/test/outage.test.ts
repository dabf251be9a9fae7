import { generateSigningKey } from '@carcar/common/service/keys';
import { asRole } from '@carcar/testing/credentials';
import { callJson } from '@carcar/testing/http';
import { until } from '@carcar/testing/processes';
import { addSalesParties, stockForSales } from '@carcar/testing/stack';
import { stackPerTest } from '@carcar/testing/stack-per-test';
import { describe, expect, it } from 'vitest';

// Real inventory and sales-api processes on ephemeral ports, sharing one database on Postgres runs.
const stack = stackPerTest({ services: ['sales'] });

/** Adds cars to inventory and waits until the sales poller has copied them. */
const stock = (count: number, from: number) => stockForSales(stack, count, from);

const people = () => addSalesParties(stack, 'S-1');

const soldInInventory = async (vin: string) =>
  (await stack.call<{ sold: boolean }>('inventory', 'GET', `/api/automobiles/${vin}/`)).sold;

describe('sales while inventory is down', () => {
  it('records 10 sales, then marks all 10 sold in inventory within 5 s of its return; a void follows', async () => {
    const vins = await stock(10, 500);
    const ids = await people();
    const port = String(stack.processes.inventory.port);
    await stack.processes.inventory.stop();

    const saleIds: number[] = [];
    for (const vin of vins) {
      const sale = await stack.call<{ id: number }>('sales', 'POST', '/api/sales/', {
        automobile: vin,
        price: 20000,
        ...ids,
      });
      saleIds.push(sale.id);
    }
    const health = await callJson<{ outbox: { pending: number } }>(
      'GET',
      `${stack.urls.sales}/healthz`,
      undefined,
      await asRole('admin', 'sales-api'),
    );
    expect(health.outbox.pending).toBe(10);

    await stack.start('inventory', { PORT: port });
    const elapsed = await until(
      'all 10 sold in inventory',
      async () => (await Promise.all(vins.map(soldInInventory))).every(Boolean),
      5_000,
    );
    expect(elapsed).toBeLessThan(5_000);

    await stack.call('sales', 'DELETE', `/api/sales/${saleIds[0]}/`);
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
          const res = await fetch(`${stack.urls.sales}/api/sales/`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', ...(await asRole('admin', 'sales-api')) },
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
    await stack.processes.sales.stop('SIGKILL');
    await stream;
    expect(acknowledged.size).toBeGreaterThanOrEqual(8);

    await stack.start('sales');
    for (const [vin, id] of acknowledged) {
      const sale = await stack.call<{ automobile: { vin: string; sold: boolean } }>(
        'sales',
        'GET',
        `/api/sales/${id}/`,
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
    const { sales: recorded } = await stack.call<{ sales: { automobile: { vin: string } }[] }>(
      'sales',
      'GET',
      '/api/sales/',
    );
    const { autos } = await stack.call<{ autos: { vin: string; sold: boolean }[] }>(
      'sales',
      'GET',
      '/api/automobiles/',
    );
    const soldVins = autos
      .filter((a) => a.sold)
      .map((a) => a.vin)
      .sort();
    expect(recorded.map((s) => s.automobile.vin).sort()).toEqual(soldVins);
  });
});

describe('a sales-api signing with a key inventory does not trust', () => {
  it('neither reads the feed nor marks a car sold (401), and keeps the sold update until its key is trusted', async () => {
    const [vin] = (await stock(1, 700)) as [string];
    const ids = await people();
    // Its own verifier still trusts the test keys, so staff credentials work; only its calls fail.
    const { privateJwk: untrusted } = await generateSigningKey('sales-api');
    await stack.start('sales', { CARCAR_SIGNING_KEY: JSON.stringify(untrusted) });

    await until(
      'the poller refused by inventory',
      async () => {
        const { sync } = await callJson<{ sync: { state: string; last_error: string | null } }>(
          'GET',
          `${stack.urls.sales}/healthz`,
          undefined,
          // The sync and outbox details answer only a caller with a credential.
          await asRole('admin', 'sales-api'),
        );
        return sync.state === 'failing' && sync.last_error === 'inventory answered 401';
      },
      10_000,
    );
    // The car reached the copy before the restart, so the sale is recorded; its sold update is refused.
    await stack.call('sales', 'POST', '/api/sales/', { automobile: vin, price: 20000, ...ids });
    await until(
      'the outbox refused by inventory, the update kept',
      async () => {
        const { outbox } = await callJson<{ outbox: { pending: number; last_error: string | null } }>(
          'GET',
          `${stack.urls.sales}/healthz`,
          undefined,
          // The sync and outbox details answer only a caller with a credential.
          await asRole('admin', 'sales-api'),
        );
        return outbox.pending === 1 && outbox.last_error === 'inventory answered 401';
      },
      10_000,
    );
    expect(await soldInInventory(vin)).toBe(false);
    // The operator fixes the key: the queued update arrives, nothing was lost.
    await stack.start('sales');
    await until('the car sold in inventory', () => soldInInventory(vin), 15_000);
  });
});
