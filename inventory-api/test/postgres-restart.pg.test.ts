import { asRole } from '@carcar/testing/credentials';
import { PrivatePostgres } from '@carcar/testing/postgres';
import type { SpawnedService } from '@carcar/testing/processes';
import { type Stack, startStack } from '@carcar/testing/stack';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// The database goes away under a running service (a server restart): the service answers 503 JSON
// while it is away, never hangs or crashes, and recovers by itself when it is back.
const postgres = new PrivatePostgres();
let stack: Stack<never> | undefined;
let inventory: SpawnedService;

beforeAll(async () => {
  postgres.init();
  await postgres.startOnFreePort();
  stack = await startStack({ services: [], serverUrl: postgres.url, prefix: 'carcar_restart' });
  inventory = stack.processes.inventory;
});
afterAll(async () => {
  try {
    await stack?.stop();
  } finally {
    // Also when a failed drill left the server stopped and its database could not be dropped.
    postgres.remove();
  }
});

async function status(
  method: string,
  url: string,
  body?: unknown,
): Promise<{ status: number; body: { code?: string } }> {
  const res = await fetch(url, {
    method,
    headers: { 'content-type': 'application/json', ...(await asRole('admin', 'inventory-api')) },
    signal: AbortSignal.timeout(10_000),
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: res.status, body: (await res.json()) as { code?: string } };
}

describe('a Postgres restart under the inventory-api', () => {
  it('answers 503 while the database is away and recovers by itself', async () => {
    expect((await status('POST', `${inventory.url}/api/manufacturers/`, { name: 'Before' })).status).toBe(201);

    postgres.stop();
    const down = await status('GET', `${inventory.url}/api/manufacturers/`);
    expect(down).toEqual({ status: 503, body: expect.objectContaining({ code: 'unavailable' }) });
    const write = await status('POST', `${inventory.url}/api/manufacturers/`, { name: 'During' });
    expect(write.status).toBe(503);
    expect((await status('GET', `${inventory.url}/healthz`)).status).toBe(503);

    postgres.start();
    const started = Date.now();
    let health = 0;
    while (health !== 200 && Date.now() - started < 20_000) {
      health = (await status('GET', `${inventory.url}/healthz`)).status;
      if (health !== 200) await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(health).toBe(200);
    expect((await status('POST', `${inventory.url}/api/manufacturers/`, { name: 'After' })).status).toBe(201);
    const list = await fetch(`${inventory.url}/api/manufacturers/`, {
      headers: await asRole('admin', 'inventory-api'),
    }).then((res) => res.json() as Promise<{ manufacturers: { name: string }[] }>);
    // Nothing half-written: the write refused while the database was away is not there.
    expect(list.manufacturers.map((m) => m.name)).toEqual(['Before', 'After']);
    // Each connection the restart closed is a short line with the server's reason, not the pool's
    // whole client (pg-pool hangs it on the error: about 10 kB of its internals).
    const lost = inventory
      .output()
      .split('\n')
      .filter((line) => line.includes('database connection lost'));
    expect(lost.length).toBeGreaterThan(0);
    for (const line of lost) {
      expect(JSON.parse(line)).toMatchObject({
        code: '57P01',
        reason: expect.stringContaining('terminating connection'),
      });
      expect(line.length).toBeLessThan(400);
    }
  });
});
