import { sampleVin } from '@carcar/common/vin/vin';
import { asRole } from '@carcar/testing/credentials';
import { createTestDatabaseUrl } from '@carcar/testing/database';
import { callJson } from '@carcar/testing/http';
import { type SpawnedService, spawnService, until } from '@carcar/testing/processes';
import { addInventoryModel, serviceDirs as dirs, type StackService, serviceAudiences } from '@carcar/testing/stack';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// Two replicas of every API on ephemeral ports, sharing one Postgres database, as a cluster runs them.
// Not startStack: the replicas of each service start at the same moment on purpose.

let database: Awaited<ReturnType<typeof createTestDatabaseUrl>>;
const replicas: Record<'inventory' | 'service' | 'sales', SpawnedService[]> = { inventory: [], service: [], sales: [] };

interface Health {
  status: string;
  sync: { state: string; last_seq: number };
}

/** A replica's health with its details (sync state), which answer only a caller with a credential. */
const health = async (name: StackService, replica: SpawnedService) =>
  callJson<Health>('GET', `${replica.url}/healthz`, undefined, await asRole('admin', serviceAudiences[name]));

/** A JSON call to one replica of `name` as an administrator. */
const call = async <T>(name: StackService, replica: SpawnedService, method: string, path: string, body?: unknown) =>
  callJson<T>(method, `${replica.url}${path}`, body, await asRole('admin', serviceAudiences[name]));

/** A 2010 car in `color` of a new model (`maker`'s `model`), added through one inventory replica: its VIN, `sampleVin(vinNumber)`. */
async function addCar(replica: SpawnedService, vinNumber: number, color: string, maker?: string, model?: string) {
  const modelId = await addInventoryModel(replica.url, maker, model);
  const vin = sampleVin(vinNumber);
  await call('inventory', replica, 'POST', '/api/automobiles/', { vin, color, year: 2010, model_id: modelId });
  return vin;
}

beforeAll(async () => {
  database = await createTestDatabaseUrl();
  if (!database) throw new Error('TEST_DATABASE_URL is required for *.pg.test.ts');
  const env = { DATABASE_URL: database.url };
  // Two replicas of each service start at the same moment, so their migrations race.
  replicas.inventory = await Promise.all([spawnService(dirs.inventory, env), spawnService(dirs.inventory, env)]);
  const withInventory = { ...env, INVENTORY_API_URL: replicas.inventory[0]?.url };
  const [service, sales] = await Promise.all([
    Promise.all([spawnService(dirs.service, withInventory), spawnService(dirs.service, withInventory)]),
    Promise.all([spawnService(dirs.sales, withInventory), spawnService(dirs.sales, withInventory)]),
  ]);
  replicas.service = service;
  replicas.sales = sales;
});
afterAll(async () => {
  for (const service of Object.values(replicas).flat()) await service.stop();
  await database?.drop();
});

describe('two replicas of each API on one database', () => {
  it('migrated each schema exactly once although both replicas started together', async () => {
    const client = new pg.Client({ connectionString: database?.url });
    await client.connect();
    try {
      for (const schema of ['inventory', 'service', 'sales']) {
        const { rows } = await client.query<{ n: string; hashes: string }>(
          `select count(*) as n, count(distinct hash) as hashes from drizzle.${schema}_migrations`,
        );
        expect(rows[0]?.n).toBe(rows[0]?.hashes);
        expect(Number(rows[0]?.n)).toBeGreaterThan(0);
      }
    } finally {
      await client.end();
    }
  });

  it('runs one poller per service; killing it hands the work to the other replica', async () => {
    for (const name of ['service', 'sales'] as const) {
      await until(
        `${name}: one poller syncing`,
        async () => {
          const states = (await Promise.all(replicas[name].map((replica) => health(name, replica))))
            .map((h) => h.sync.state)
            .sort();
          return states.join() === 'ok,standby';
        },
        20_000,
      );
    }
    const [holderIndex] = (await Promise.all(replicas.service.map((replica) => health('service', replica))))
      .map((h, i) => [i, h.sync.state] as const)
      .filter(([, state]) => state === 'ok')
      .map(([i]) => i);
    const holder = replicas.service[holderIndex as number] as SpawnedService;
    const other = replicas.service.find((s) => s !== holder) as SpawnedService;
    await holder.stop('SIGKILL');
    replicas.service = [other];

    const vin = await addCar(replicas.inventory[1] as SpawnedService, 900, 'red');
    const tech = await call<{ id: number }>('service', other, 'POST', '/api/technicians/', {
      first_name: 'Ada',
      last_name: 'Lovelace',
      employee_id: 'T-1',
    });
    const appt = await call<{ id: number }>('service', other, 'POST', '/api/appointments/', {
      // A year ahead: a booking in the past is refused.
      date_time: `${new Date().getUTCFullYear() + 1}-05-01T14:30:00Z`,
      reason: 'Brakes',
      vin,
      customer: 'Jane Doe',
      technician: tech.id,
    });
    // The standby takes the lock once the dead holder's connection is gone, and catches up.
    const tookOver = await until(
      'the surviving replica syncs the new car',
      async () => (await call<{ vip: boolean }>('service', other, 'GET', `/api/appointments/${appt.id}/`)).vip,
      20_000,
    );
    // A few seconds: the lock is freed when the dead holder's connection closes, and the standby retries every 2 s.
    expect(tookOver).toBeLessThan(10_000);
    expect((await health('service', other)).sync.state).toBe('ok');
  });

  it('sells one car exactly once when 20 requests race through both sales replicas', async () => {
    const inventory = replicas.inventory[0] as SpawnedService;
    const vin = await addCar(inventory, 901, 'blue', 'Race', 'Car');
    const [a, b] = replicas.sales as [SpawnedService, SpawnedService];
    await until(
      'both sales replicas see the car',
      async () => {
        const lists = await Promise.all(
          [a, b].map((s) => call<{ autos: { vin: string }[] }>('sales', s, 'GET', '/api/automobiles/?sold=false')),
        );
        return lists.every((list) => list.autos.some((car) => car.vin === vin));
      },
      20_000,
    );
    const salesperson = await call<{ id: number }>('sales', a, 'POST', '/api/salespeople/', {
      first_name: 'Sam',
      last_name: 'Seller',
      employee_id: 'S-1',
    });
    const customer = await call<{ id: number }>('sales', b, 'POST', '/api/customers/', {
      first_name: 'Jane',
      last_name: 'Doe',
      address: '1 Main St',
      phone_number: '555-0100',
    });
    const admin = await asRole('admin', 'sales-api');
    const statuses = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        fetch(`${(i % 2 === 0 ? a : b).url}/api/sales/`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...admin },
          body: JSON.stringify({ automobile: vin, salesperson: salesperson.id, customer: customer.id, price: 30000 }),
        }).then((res) => res.status),
      ),
    );
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(19);
    // One outbox row, delivered once: inventory reads the car as sold.
    await until(
      'inventory marks the car sold',
      async () => (await call<{ sold: boolean }>('inventory', inventory, 'GET', `/api/automobiles/${vin}/`)).sold,
      10_000,
    );
  });
});
