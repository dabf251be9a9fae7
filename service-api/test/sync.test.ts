import { Writable } from 'node:stream';
import { type Poller, startPoller } from '@carcar/common/sync/poller';
import { sampleVin } from '@carcar/common/vin/vin';
import { testServiceCredential } from '@carcar/testing/credentials';
import { pollRealInventory } from '@carcar/testing/inventory-feed';
import { type SpawnedService, until } from '@carcar/testing/processes';
import { addInventoryModel, type Stack } from '@carcar/testing/stack';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serviceAutomobileStore } from '../src/automobiles/store.js';
import { addTechnician, at, booking, type ServiceApi, startServiceApi } from './helpers.js';

// A real inventory process on an ephemeral port, and the service's poller reading its feed.
let stack: Stack<never>;
let inventory: SpawnedService;
let svc: ServiceApi;
let poller: Poller;
const logLines: string[] = [];

beforeAll(async () => {
  svc = await startServiceApi();
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      logLines.push(...chunk.toString().trim().split('\n'));
      done();
    },
  });
  ({ stack, poller } = await pollRealInventory({
    name: 'service',
    database: svc.database,
    store: serviceAutomobileStore(svc.db),
    logger: pino({ level: 'info' }, sink),
    waitSeconds: 5,
    maxBackoffMs: 1000,
  }));
  inventory = stack.processes.inventory;
});
afterAll(async () => {
  await poller.stop();
  await stack.stop();
  await svc.close();
});

describe('the service poller', () => {
  it('turns an appointment VIP soon after its car reaches inventory (long-poll, no fixed sleep)', async () => {
    const tech = await addTechnician(svc);
    const vin = sampleVin(1);
    const appt = (await svc.api().post('/api/appointments/').send(booking(tech.id, { vin })).expect(201)).body;
    expect(appt.vip).toBe(false);
    const modelId = await addInventoryModel(inventory.url);
    await until('the poller syncing', async () => poller.status().state === 'ok', 10_000);
    await stack.call('inventory', 'POST', '/api/automobiles/', { vin, color: 'red', year: 2010, model_id: modelId });
    const elapsed = await until(
      'the appointment turning VIP',
      async () => (await svc.api().get(`/api/appointments/${appt.id}/`)).body.vip === true,
      5_000,
    );
    expect(elapsed).toBeLessThan(1000);
    expect(poller.status()).toMatchObject({ state: 'ok', last_success_at: expect.any(String) });
  });

  it('keeps serving while inventory is down, logs the outage once, and catches up when it returns', async () => {
    const tech = await addTechnician(svc, 'Outage');
    const port = String(inventory.port);
    const vin = sampleVin(2);
    await inventory.stop();
    await until('the poller noticing the outage', async () => poller.status().state === 'failing', 10_000);

    // The API keeps answering: it lists and books while inventory is away.
    await svc.api().get('/api/appointments/').expect(200);
    const appt = (
      await svc
        .api()
        .post('/api/appointments/')
        .send(booking(tech.id, { vin, date_time: at('12-01T10:00:00Z') }))
        .expect(201)
    ).body;
    await new Promise((resolve) => setTimeout(resolve, 2500));
    const outageLines = logLines.filter((line) => line.includes('inventory unreachable'));
    expect(outageLines).toHaveLength(1);

    // Inventory comes back on the same address with a new car: the poller catches up by itself.
    inventory = await stack.start('inventory', { PORT: port });
    const modelId = await addInventoryModel(inventory.url, 'Honda', 'Civic');
    await stack.call('inventory', 'POST', '/api/automobiles/', { vin, color: 'blue', year: 2010, model_id: modelId });
    await until(
      'the appointment turning VIP after the outage',
      async () => (await svc.api().get(`/api/appointments/${appt.id}/`)).body.vip === true,
      10_000,
    );
    expect(logLines.filter((line) => line.includes('inventory reachable again'))).toHaveLength(1);
    expect(poller.status().state).toBe('ok');
  });
});

describe('a poller without a valid credential', () => {
  const base64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const unsigned = () => {
    const now = Math.floor(Date.now() / 1000);
    const claims = { iss: 'service-api', sub: 'service:service-api', aud: 'inventory-api', iat: now, exp: now + 60 };
    return `${base64url({ alg: 'none' })}.${base64url(claims)}.`;
  };

  it.each([
    ['a credential for another service', () => testServiceCredential('service-api', 'sales-api')],
    ['an unsigned credential', async () => unsigned()],
  ])('never syncs with %s: its status says inventory answered 401', async (_case, credential) => {
    // The feed has entries by now (the tests above added cars), so a poller let in would sync at once.
    const refused = startPoller({
      // Its own lock name, so it does not wait behind the file's poller on a shared Postgres database.
      name: 'service-refused',
      database: svc.database,
      store: serviceAutomobileStore(svc.db),
      inventoryUrl: inventory.url,
      credential,
      logger: pino({ level: 'silent' }),
      waitSeconds: 1,
      maxBackoffMs: 200,
    });
    try {
      await until('the poller refused', () => refused.status().state === 'failing', 10_000);
      // Several retries later it is still refused and has read nothing.
      await new Promise((resolve) => setTimeout(resolve, 1000));
      expect(refused.status()).toMatchObject({
        state: 'failing',
        last_error: 'inventory answered 401',
        last_success_at: null,
      });
    } finally {
      await refused.stop();
    }
  });
});
