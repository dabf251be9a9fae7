import type { ServiceName } from '@carcar/common/contract/permissions';
import { sampleVin } from '@carcar/common/vin/vin';
import { asRole, asService } from '@carcar/testing/credentials';
import { addInventoryModel, type Stack, startStack } from '@carcar/testing/stack';
import { afterEach, describe, expect, it } from 'vitest';
import { NEXT_YEAR } from './helpers.js';

// SIGKILL under a stream of writes, then a restart on the same data: everything the killed process
// acknowledged is there, and nothing is half-written.
let stack: Stack<'service'> | undefined;

afterEach(async () => {
  await stack?.stop();
  stack = undefined;
});

/** Inventory, and the service API when `withService`, on fresh data; the writers are not rate limited. */
async function startDrill(withService: boolean): Promise<Stack<'service'>> {
  stack = await startStack({
    services: withService ? ['service'] : [],
    env: { RATE_LIMIT_WRITES_PER_MINUTE: '0' },
  });
  return stack;
}

/** Four writers in parallel until `enough` are acknowledged; then the caller kills the server. */
async function writeUntilKilled(
  send: (i: number) => Promise<Response>,
  enough: number,
  kill: () => Promise<unknown>,
): Promise<Map<number, unknown>> {
  const acknowledged = new Map<number, unknown>();
  let next = 0;
  let killed = false;
  const writer = async () => {
    while (!killed) {
      const i = next++;
      try {
        const res = await send(i);
        if (res.status === 201) acknowledged.set(i, await res.json());
      } catch {
        // The connection died with the process: this one was never acknowledged.
      }
    }
  };
  const writers = [writer(), writer(), writer(), writer()];
  while (acknowledged.size < enough) await new Promise((resolve) => setTimeout(resolve, 20));
  killed = true;
  await kill();
  await Promise.all(writers);
  return acknowledged;
}

/** A POST as an administrator, answered or not: the drill counts what was acknowledged. */
const post = async (url: string, audience: ServiceName, body: unknown) =>
  fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(await asRole('admin', audience)) },
    body: JSON.stringify(body),
  });

describe('SIGKILL drills', () => {
  it('inventory-api: every acknowledged automobile survives, each with its feed entry', async () => {
    const drill = await startDrill(false);
    let inventory = drill.processes.inventory;
    const modelId = await addInventoryModel(inventory.url);
    const acknowledged = await writeUntilKilled(
      (i) =>
        post(`${inventory.url}/api/automobiles/`, 'inventory-api', {
          vin: sampleVin(i),
          color: 'red',
          year: 2010,
          model_id: modelId,
        }),
      20,
      () => inventory.stop('SIGKILL'),
    );
    inventory = await drill.start('inventory');
    const { autos } = await drill.call<{ autos: { vin: string }[] }>('inventory', 'GET', '/api/automobiles/');
    const stored = new Set(autos.map((a) => a.vin));
    for (const i of acknowledged.keys()) expect(stored.has(sampleVin(i)), sampleVin(i)).toBe(true);
    // The feed is read as a poller reads it, with a service's own credential.
    const feed = await fetch(`${inventory.url}/api/automobiles/changes/?after=0&limit=500`, {
      headers: await asService('service-api', 'inventory-api'),
    });
    expect(feed.status).toBe(200);
    const { changes } = (await feed.json()) as { changes: { vin: string }[] };
    expect(new Set(changes.map((c) => c.vin))).toEqual(stored);
  });

  it('service-api: every acknowledged appointment survives unchanged', async () => {
    const drill = await startDrill(true);
    let service = drill.processes.service;
    const tech = await drill.call<{ id: number }>('service', 'POST', '/api/technicians/', {
      first_name: 'Ada',
      last_name: 'Lovelace',
      employee_id: 'T-1',
    });
    const acknowledged = await writeUntilKilled(
      (i) =>
        post(`${service.url}/api/appointments/`, 'service-api', {
          date_time: new Date(Date.UTC(NEXT_YEAR, 0, 1, 0, 0) + i * 3_600_000).toISOString(),
          reason: `Job ${i}`,
          vin: sampleVin(i),
          customer: `Customer ${i}`,
          technician: tech.id,
        }),
      20,
      () => service.stop('SIGKILL'),
    );
    service = await drill.start('service');
    for (const appointment of acknowledged.values()) {
      const { id, vip: _vip, ...rest } = appointment as { id: number; vip: boolean };
      const stored = await drill.call<Record<string, unknown>>('service', 'GET', `/api/appointments/${id}/`);
      expect(stored).toMatchObject({ id, ...rest });
    }
  });
});
