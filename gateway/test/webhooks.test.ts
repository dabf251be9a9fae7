import { once } from 'node:events';
import http, { type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as delay } from 'node:timers/promises';
import { withCheckDigit } from '@carcar/common/vin/vin';
import { asGateway, asService, testSigner } from '@carcar/testing/credentials';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addAutomobile, type Inventory, seedModel, startInventory } from '../../inventory-api/test/helpers.js';
import { addCustomer, addSalesperson, type SalesApi, startSalesApi, stockCars } from '../../sales-api/test/helpers.js';
import { addTechnician, booking, type ServiceApi, startServiceApi } from '../../service-api/test/helpers.js';
import { webhooks } from '../src/db/schema.js';
import { createGatewayLogger } from '../src/logger.js';
import { startWebhookWorker, type WebhookWorker } from '../src/webhooks/dispatcher.js';
import { webhooksRepository } from '../src/webhooks/repository.js';
import { secretBox, webhookSecretKey } from '../src/webhooks/secrets.js';
import { verifySignature } from '../src/webhooks/signing.js';
import { type ReceiverPolicy, resolveReceiver } from '../src/webhooks/url-guard.js';
import { ADMIN, addUser, CSRF, signedIn, startGateway, type TestGateway } from './helpers.js';

// Webhooks end to end: real sales and service APIs on local ports, the gateway reading their event
// feeds with its own credential, and a real receiver (node:http) in this process.

interface Received {
  body: string;
  json: { id: string; type: string; created_at: string; data: Record<string, unknown> };
  signature: string;
  at: number;
}

type Mode = 'ok' | 'fail' | 'hang';

/** A receiver: answers 200, 500, or never, as `mode` says; records what it accepted. */
async function startReceiver(port = 0) {
  const state = { mode: 'ok' as Mode, received: [] as Received[], tries: 0 };
  const server: Server = http.createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    state.tries++;
    if (state.mode === 'hang') return;
    if (state.mode === 'fail') {
      res.writeHead(500).end('down');
      return;
    }
    const body = Buffer.concat(chunks).toString('utf8');
    state.received.push({
      body,
      json: JSON.parse(body),
      signature: String(req.headers['x-carcar-signature']),
      at: Date.now(),
    });
    res.writeHead(200).end('ok');
  });
  server.listen(port, '127.0.0.1');
  await once(server, 'listening');
  const bound = (server.address() as AddressInfo).port;
  return {
    state,
    url: `http://127.0.0.1:${bound}/hooks`,
    close: () => {
      server.closeAllConnections();
      server.close();
    },
  };
}

async function listen(app: http.RequestListener) {
  const server = http.createServer(app);
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

async function until<T>(
  what: string,
  check: () => T | undefined | Promise<T | undefined>,
  timeoutMs = 5_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await delay(25);
  }
}

let inventory: Inventory;
let sales: SalesApi;
let service: ServiceApi;
let servers: Server[] = [];
let salesUrl: string;
let gw: TestGateway;
let worker: WebhookWorker;
let receiver: Awaited<ReturnType<typeof startReceiver>>;
let admin: Awaited<ReturnType<typeof signedIn>>;
let hook: { id: number; secret: string };
let person: { id: number };
let customer: { id: number };

const VINS = ['1HGCM82633A100001', '1HGCM82633A100002', '1HGCM82633A100003', '1HGCM82633A100004'].map(withCheckDigit);

beforeAll(async () => {
  [inventory, sales, service] = await Promise.all([startInventory(), startSalesApi(), startServiceApi()]);
  const [inventoryServer, salesServer, serviceServer] = await Promise.all([
    listen(inventory.app),
    listen(sales.app),
    listen(service.app),
  ]);
  servers = [inventoryServer.server, salesServer.server, serviceServer.server];
  salesUrl = salesServer.url;
  gw = await startGateway({
    SALES_API_URL: salesServer.url,
    SERVICE_API_URL: serviceServer.url,
    INVENTORY_API_URL: inventoryServer.url,
    WEBHOOK_ALLOW_PRIVATE: 'true',
    WEBHOOK_POLL_MS: '50',
    WEBHOOK_RETRY_SECONDS: '0.3,0.3',
    WEBHOOK_TIMEOUT_MS: '500',
  });
  worker = gw.startWebhooks(gw.database);
  receiver = await startReceiver();
  admin = await signedIn(gw, ADMIN.email, ADMIN.password);
  const created = await admin
    .post('/auth/webhooks')
    .set(CSRF)
    .send({
      url: receiver.url,
      events: [
        'automobile.created',
        'automobile.sold',
        'automobile.unsold',
        'sale.created',
        'sale.voided',
        'appointment.created',
        'appointment.canceled',
        'appointment.finished',
        'repair_order.estimate_sent',
        'repair_order.approved',
        'repair_order.ready',
        'repair_order.invoiced',
        'repair_order.closed',
      ],
    })
    .expect(201);
  hook = created.body;
  await stockCars(sales, VINS);
  person = await addSalesperson(sales);
  customer = await addCustomer(sales);
});

afterAll(async () => {
  await worker?.stop();
  receiver?.close();
  for (const server of servers) server.close();
  await gw?.close();
  await Promise.all([inventory?.close(), sales?.close(), service?.close()]);
});

function receivedFor(type: string, entityId: number) {
  return receiver.state.received.filter((r) => r.json.type === type && r.json.data.id === entityId);
}

describe('webhook subscriptions', () => {
  it('shows the secret once, lists without it and keeps it only encrypted', async () => {
    expect(hook).toEqual({
      id: expect.any(Number),
      url: receiver.url,
      events: expect.any(Array),
      created_at: expect.any(String),
      secret: expect.stringMatching(/^whsec_/),
    });
    const list = await admin.get('/auth/webhooks/').expect(200);
    expect(list.body.webhooks).toContainEqual({
      id: hook.id,
      url: receiver.url,
      events: expect.any(Array),
      created_at: expect.any(String),
    });
    expect(JSON.stringify(list.body)).not.toContain(hook.secret);
    const rows = await gw.db.select().from(webhooks);
    expect(JSON.stringify(rows)).not.toContain(hook.secret);
    expect(JSON.stringify(rows)).not.toContain(hook.secret.slice(6));
  });

  it('is for administrators only and validates the body', async () => {
    const manager = await addUser(gw, 'manager');
    const agent = await signedIn(gw, manager.email, manager.password);
    await agent.get('/auth/webhooks').expect(403);
    await agent
      .post('/auth/webhooks')
      .set(CSRF)
      .send({ url: receiver.url, events: ['sale.created'] })
      .expect(403);
    const res = await admin
      .post('/auth/webhooks')
      .set(CSRF)
      .send({ url: 'ftp://example.com/x', events: ['nope'] })
      .expect(400);
    expect(res.body.code).toBe('validation_error');
    expect(res.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['events.0', 'url']);
    await admin.post('/auth/webhooks').set(CSRF).send({ url: receiver.url, events: [] }).expect(400);
  });

  it('always refuses a link-local receiver and the services own ports, even when private ones are allowed', async () => {
    for (const url of [
      'http://169.254.169.254/latest/meta-data/',
      'http://[fe80::1]/',
      `${salesUrl}/hook`,
      'http://127.0.0.1:3000/hook',
    ]) {
      const res = await admin
        .post('/auth/webhooks')
        .set(CSRF)
        .send({ url, events: ['sale.created'] })
        .expect(400);
      expect(res.body.errors).toEqual([{ path: 'url', message: expect.stringMatching(/^The receiver URL /) }]);
    }
  });
});

describe('the SSRF guard', () => {
  const closed: ReceiverPolicy = { allowPrivate: false, ownPorts: new Set([3000, 8080, 8090, 8100]) };
  const open: ReceiverPolicy = { ...closed, allowPrivate: true };

  it.each([
    'http://127.0.0.1:4000/',
    'http://10.1.2.3/',
    'http://172.16.0.1/',
    'http://192.168.1.10/',
    'http://[::1]:4000/',
    'http://[::ffff:127.0.0.1]/',
    'http://[fd00::1]/',
    'http://localhost:4000/',
  ])('refuses %s unless private addresses are allowed', async (url) => {
    await expect(resolveReceiver(url, closed)).rejects.toThrow(/loopback or private/);
    await expect(resolveReceiver(url, open)).resolves.toMatchObject({ url: new URL(url) });
  });

  it.each(['http://169.254.169.254/', 'http://[fe80::1]/', 'http://[::ffff:169.254.169.254]/', 'http://0.0.0.0/'])(
    'always refuses %s',
    async (url) => {
      await expect(resolveReceiver(url, open)).rejects.toThrow(/link-local or reserved/);
    },
  );

  it('refuses a non-http scheme, credentials in the URL, and the services own ports', async () => {
    await expect(resolveReceiver('file:///etc/passwd', open)).rejects.toThrow(/http\(s\)/);
    await expect(resolveReceiver('gopher://example.com/', open)).rejects.toThrow(/http\(s\)/);
    await expect(resolveReceiver('http://user:pw@93.184.216.34/', open)).rejects.toThrow(/user name/);
    await expect(resolveReceiver('http://127.0.0.1:8090/', open)).rejects.toThrow(/own services/);
  });

  it('accepts a public address', async () => {
    await expect(resolveReceiver('https://93.184.216.34/hook', closed)).resolves.toMatchObject({
      address: '93.184.216.34',
      family: 4,
    });
  });

  it('refuses loopback with 400 at a gateway that does not allow private receivers', async () => {
    const strict = await startGateway();
    try {
      const agent = await signedIn(strict, ADMIN.email, ADMIN.password);
      for (const url of [receiver.url, 'http://localhost:4000/hook', 'http://10.0.0.8/hook']) {
        const res = await agent
          .post('/auth/webhooks')
          .set(CSRF)
          .send({ url, events: ['sale.created'] })
          .expect(400);
        expect(res.body.errors[0]).toEqual({ path: 'url', message: expect.stringContaining('loopback or private') });
      }
    } finally {
      await strict.close();
    }
  });
});

describe('delivery', () => {
  it('delivers sale.created within 2 s of the sale, signed with the secret', async () => {
    const sold = await sales
      .api()
      .post('/api/sales/')
      .send({ automobile: VINS[0], salesperson: person.id, customer: customer.id, price: 25999.99 })
      .expect(201);
    const started = Date.now();
    const [got] = await until(
      'sale.created',
      () => receivedFor('sale.created', sold.body.id)[0] && receivedFor('sale.created', sold.body.id),
      2_000,
    );
    expect(got?.at ?? Infinity).toBeLessThan(started + 2_000);
    expect(got?.json).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      type: 'sale.created',
      created_at: expect.any(String),
      data: expect.objectContaining({ id: sold.body.id, vin: VINS[0], price: 25999.99, salesperson_id: person.id }),
    });
    expect(verifySignature(hook.secret, got?.body ?? '', got?.signature ?? '')).toBe(true);
    expect(verifySignature('whsec_wrong', got?.body ?? '', got?.signature ?? '')).toBe(false);
    expect(got?.signature).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
  });

  it('delivers sale.voided, and appointment created, canceled and finished', async () => {
    const sold = await sales
      .api()
      .post('/api/sales/')
      .send({ automobile: VINS[1], salesperson: person.id, customer: customer.id, price: 100 })
      .expect(201);
    await sales.api().delete(`/api/sales/${sold.body.id}/`).expect(200);
    const tech = await addTechnician(service);
    const a = (
      await service
        .api()
        .post('/api/appointments/')
        .send(booking(tech.id, { date_time: '2099-03-01T10:00:00Z' }))
        .expect(201)
    ).body;
    const b = (
      await service
        .api()
        .post('/api/appointments/')
        .send(booking(tech.id, { date_time: '2099-03-01T12:00:00Z' }))
        .expect(201)
    ).body;
    await service.api().put(`/api/appointments/${a.id}/cancel/`).expect(200);
    await service.api().put(`/api/appointments/${b.id}/finish/`).expect(200);
    await until('every event', () =>
      receivedFor('sale.voided', sold.body.id).length === 1 &&
      receivedFor('appointment.canceled', a.id).length === 1 &&
      receivedFor('appointment.finished', b.id).length === 1
        ? true
        : undefined,
    );
    expect(receivedFor('appointment.created', a.id)).toHaveLength(1);
    expect(receivedFor('appointment.created', b.id)).toHaveLength(1);
    expect(receivedFor('appointment.finished', b.id)[0]?.json.data).toMatchObject({
      id: b.id,
      status: 'finished',
      technician_id: tech.id,
    });
    // In order per entity: each record's creation before what happened to it.
    const order = receiver.state.received.map((r) => `${r.json.type}:${r.json.data.id}`);
    expect(order.indexOf(`sale.created:${sold.body.id}`)).toBeLessThan(order.indexOf(`sale.voided:${sold.body.id}`));
    expect(order.indexOf(`appointment.created:${a.id}`)).toBeLessThan(order.indexOf(`appointment.canceled:${a.id}`));
  });

  it('delivers automobile.created, sold (a PUT) and unsold (the outbox batch), without the cost', async () => {
    const model = await seedModel(inventory);
    const vin = withCheckDigit('1FTMW1T88MF900001');
    await addAutomobile(inventory, vin, model.id, { cost: 12000 });
    const outbox = await asService('sales-api', 'inventory-api');
    await request(inventory.app).put(`/api/automobiles/${vin}/`).set(outbox).send({ sold: true }).expect(200);
    await request(inventory.app)
      .post('/api/automobiles/sold/')
      .set(outbox)
      .send({ automobiles: [{ vin, sold: false }] })
      .expect(200);
    const forCar = () =>
      receiver.state.received.filter((r) => r.json.type.startsWith('automobile.') && r.json.data.vin === vin);
    await until('the three automobile events', () => (forCar().length === 3 ? true : undefined));
    expect(forCar().map((r) => r.json.type)).toEqual(['automobile.created', 'automobile.sold', 'automobile.unsold']);
    expect(forCar()[1]?.json.data).toMatchObject({ vin, sold: true, model_id: model.id });
    for (const r of forCar()) expect(r.json.data).not.toHaveProperty('cost');
  });

  it('delivers a repair order estimate_sent, approved, ready, invoiced and closed, in order', async () => {
    const advisor = service.api('service');
    await service.api('manager').put('/api/shop-settings/').send({ labor_rate: 120, tax_rate: 0 }).expect(200);
    const order = (
      await advisor
        .post('/api/repair-orders/')
        .send({
          vin: VINS[0],
          customer: { name: 'Jane Doe', phone: '555-123-4567' },
          mileage: 42_000,
          concern: 'Brakes',
        })
        .expect(201)
    ).body;
    const line = (
      await service
        .api('service')
        .post(`/api/repair-orders/${order.id}/lines/`)
        .send({ kind: 'fee', description: 'Inspection', unit_price: 50 })
        .expect(201)
    ).body;
    await service.api('service').post(`/api/repair-orders/${order.id}/estimate/`).expect(200);
    await service
      .api('service')
      .post(`/api/repair-orders/${order.id}/approvals/`)
      .send({ decisions: [{ line: line.id, approved: true }], name: 'Jane Doe', method: 'phone' })
      .expect(200);
    await service.api('service').post(`/api/repair-orders/${order.id}/lines/${line.id}/done/`).expect(200);
    await service.api('service').post(`/api/repair-orders/${order.id}/invoice/`).expect(200);
    await service
      .api('service')
      .post(`/api/repair-orders/${order.id}/payments/`)
      .send({ amount: 50, method: 'cash' })
      .expect(201);
    const forOrder = () =>
      receiver.state.received.filter((r) => r.json.type.startsWith('repair_order.') && r.json.data.id === order.id);
    await until('the five repair order events', () => (forOrder().length === 5 ? true : undefined));
    expect(forOrder().map((r) => r.json.type)).toEqual([
      'repair_order.estimate_sent',
      'repair_order.approved',
      'repair_order.ready',
      'repair_order.invoiced',
      'repair_order.closed',
    ]);
  });

  it('writes no event for a change that was refused', async () => {
    const feed = async () =>
      (
        await request(sales.app)
          .get('/api/events/?limit=500')
          .set(await asGateway('sales-api'))
          .expect(200)
      ).body.events as Array<{ type: string; data: { vin?: string } }>;
    const before = (await feed()).length;
    await sales
      .api()
      .post('/api/sales/')
      .send({ automobile: VINS[0], salesperson: person.id, customer: customer.id, price: 1 })
      .expect(409);
    expect((await feed()).length).toBe(before);
    await request(sales.app).get('/api/events/').set(sales.headers('manager')).expect(403);
  });

  it('retries while the receiver fails, then delivers each event once and in order, and logs the attempts', async () => {
    receiver.state.mode = 'fail';
    const triesBefore = receiver.state.tries;
    const sold = await sales
      .api()
      .post('/api/sales/')
      .send({ automobile: VINS[2], salesperson: person.id, customer: customer.id, price: 300 })
      .expect(201);
    await sales.api().delete(`/api/sales/${sold.body.id}/`).expect(200);
    // The first event is tried and retried; the void waits behind it (same sale).
    await until('three failed tries', () => (receiver.state.tries - triesBefore >= 3 ? true : undefined));
    const log = (await admin.get(`/auth/webhooks/${hook.id}/deliveries`).expect(200)).body.deliveries as Array<
      Record<string, unknown>
    >;
    const created = log.find((d) => d.type === 'sale.created' && d.status === 'pending' && (d.attempts as number) >= 2);
    expect(created).toMatchObject({
      response_status: 500,
      last_error: 'the receiver answered 500',
      event_id: expect.any(String),
    });
    const voided = log.find((d) => d.type === 'sale.voided' && d.status === 'pending');
    expect(voided?.attempts).toBe(0);

    receiver.state.mode = 'ok';
    await until('both events', () => (receivedFor('sale.voided', sold.body.id).length === 1 ? true : undefined));
    await delay(300);
    expect(receivedFor('sale.created', sold.body.id)).toHaveLength(1);
    expect(receivedFor('sale.voided', sold.body.id)).toHaveLength(1);
    const order = receiver.state.received.map((r) => `${r.json.type}:${r.json.data.id}`);
    expect(order.indexOf(`sale.created:${sold.body.id}`)).toBeLessThan(order.indexOf(`sale.voided:${sold.body.id}`));

    const after = (await admin.get(`/auth/webhooks/${hook.id}/deliveries/`).expect(200)).body.deliveries as Array<
      Record<string, unknown>
    >;
    const done = after.find((d) => d.event_id === created?.event_id);
    expect(done).toMatchObject({
      status: 'delivered',
      response_status: 200,
      type: 'sale.created',
      at: expect.any(String),
    });
    expect(done?.attempts as number).toBeGreaterThanOrEqual(3);
    const attemptLog = done?.attempt_log as Array<{ response_status: number | null }>;
    expect(attemptLog.map((a) => a.response_status).slice(0, 2)).toEqual([500, 500]);
    expect(attemptLog.at(-1)?.response_status).toBe(200);
  });

  it('loses nothing while the gateway is down or the receiver is unreachable', async () => {
    await worker.stop();
    const sold = await sales
      .api()
      .post('/api/sales/')
      .send({ automobile: VINS[3], salesperson: person.id, customer: customer.id, price: 400 })
      .expect(201);
    receiver.state.mode = 'ok';
    worker = gw.startWebhooks(gw.database);
    await until('the sale made while the gateway was down', () =>
      receivedFor('sale.created', sold.body.id).length === 1 ? true : undefined,
    );
  });

  it('keeps trying a receiver whose port is closed, and sends only the events it asked for once it listens', async () => {
    const probe = await startReceiver();
    const url = probe.url;
    probe.close();
    const only = await admin
      .post('/auth/webhooks')
      .set(CSRF)
      .send({ url, events: ['sale.voided'] })
      .expect(201);
    const sold = await sales
      .api()
      .post('/api/sales/')
      .send({ automobile: VINS[0], salesperson: person.id, customer: customer.id, price: 500 })
      .expect(409);
    expect(sold.body.code).toBe('conflict');
    const again = await sales
      .api()
      .post('/api/sales/')
      .send({ automobile: VINS[1], salesperson: person.id, customer: customer.id, price: 500 })
      .expect(201);
    await sales.api().delete(`/api/sales/${again.body.id}/`).expect(200);
    const failing = await until('two refused connections', async () => {
      const log = (await admin.get(`/auth/webhooks/${only.body.id}/deliveries`)).body.deliveries as Array<
        Record<string, unknown>
      >;
      return log.length === 1 && (log[0]?.attempts as number) >= 2 ? log[0] : undefined;
    });
    expect(failing).toMatchObject({
      type: 'sale.voided',
      status: 'pending',
      response_status: null,
      last_error: 'could not reach the receiver (ECONNREFUSED)',
    });
    const late = await startReceiver(Number(new URL(url).port));
    try {
      await until('the void', () => (late.state.received.length === 1 ? true : undefined));
      await delay(300);
      expect(late.state.received.map((r) => r.json.type)).toEqual(['sale.voided']);
      expect(late.state.received[0]?.json.data).toMatchObject({ id: again.body.id, voided_at: expect.any(String) });
      expect(
        verifySignature(only.body.secret, late.state.received[0]?.body ?? '', late.state.received[0]?.signature ?? ''),
      ).toBe(true);
    } finally {
      late.close();
      await admin.delete(`/auth/webhooks/${only.body.id}`).set(CSRF).expect(200);
    }
  });

  it('cuts off a receiver that hangs, and sends a test event and a redelivery', async () => {
    receiver.state.mode = 'hang';
    const test = await admin.post(`/auth/webhooks/${hook.id}/test`).set(CSRF).expect(202);
    expect(test.body).toEqual({ event_id: expect.any(String), type: 'webhook.test' });
    const hung = await until('a cut-off try', async () => {
      const log = (await admin.get(`/auth/webhooks/${hook.id}/deliveries`)).body.deliveries as Array<
        Record<string, unknown>
      >;
      const entry = log.find((d) => d.event_id === test.body.event_id);
      return entry && (entry.attempts as number) >= 1 ? entry : undefined;
    });
    expect(hung).toMatchObject({ status: 'pending', response_status: null, last_error: 'no answer within 500 ms' });
    const duration = (hung.attempt_log as Array<{ duration_ms: number }>)[0]?.duration_ms ?? 0;
    expect(duration).toBeGreaterThanOrEqual(450);
    expect(duration).toBeLessThan(2_000);

    receiver.state.mode = 'ok';
    const first = await until('the test event', () =>
      receiver.state.received.find((r) => r.json.id === test.body.event_id),
    );
    expect(first.json).toMatchObject({ type: 'webhook.test', data: { webhook_id: hook.id } });
    expect(verifySignature(hook.secret, first.body, first.signature)).toBe(true);

    const again = await admin
      .post(`/auth/webhooks/${hook.id}/deliveries/${test.body.event_id}/redeliver`)
      .set(CSRF)
      .expect(202);
    expect(again.body).toMatchObject({ event_id: test.body.event_id, status: 'pending' });
    await until('the redelivery', () =>
      receiver.state.received.filter((r) => r.json.id === test.body.event_id).length === 2 ? true : undefined,
    );
    await admin
      .post(`/auth/webhooks/${hook.id}/deliveries/00000000-0000-4000-8000-000000000000/redeliver`)
      .set(CSRF)
      .expect(404);
    await admin.post('/auth/webhooks/987654/test').set(CSRF).expect(404);
  });

  it('checks the receiver again at each delivery: a receiver no longer allowed is refused, not called', async () => {
    await worker.stop();
    // The same queue, read by a worker whose policy no longer allows private addresses (as after
    // a name that now resolves to one): the delivery is refused before any connection.
    const strict = startWebhookWorker({
      database: gw.database,
      repository: webhooksRepository(gw.db),
      box: secretBox(webhookSecretKey(undefined, 'a test secret that is long enough to sign cookies')),
      signer: await testSigner('carcar-gateway'),
      sources: [],
      settings: {
        pollMs: 50,
        timeoutMs: 500,
        retrySeconds: [0.3],
        retryHours: 1,
        policy: { allowPrivate: false, ownPorts: new Set() },
      },
      logger: createGatewayLogger('silent'),
    });
    try {
      const tries = receiver.state.tries;
      const test = await admin.post(`/auth/webhooks/${hook.id}/test`).set(CSRF).expect(202);
      const refused = await until('a refused try', async () => {
        const log = (await admin.get(`/auth/webhooks/${hook.id}/deliveries`)).body.deliveries as Array<
          Record<string, unknown>
        >;
        const entry = log.find((d) => d.event_id === test.body.event_id);
        return entry && (entry.attempts as number) >= 1 ? entry : undefined;
      });
      expect(refused).toMatchObject({ status: 'pending', response_status: null });
      expect(refused.last_error).toMatch(/^refused: the URL points to a loopback or private address \(127\.0\.0\.1\)/);
      expect(receiver.state.tries).toBe(tries);
    } finally {
      await strict.stop();
      worker = gw.startWebhooks(gw.database);
    }
  });

  it('stops sending once the subscription is deleted', async () => {
    const other = await admin
      .post('/auth/webhooks')
      .set(CSRF)
      .send({ url: receiver.url, events: ['sale.voided'] })
      .expect(201);
    const deleted = await admin.delete(`/auth/webhooks/${other.body.id}/`).set(CSRF).expect(200);
    expect(deleted.body).toEqual({
      id: other.body.id,
      url: receiver.url,
      events: ['sale.voided'],
      created_at: expect.any(String),
    });
    await admin.get(`/auth/webhooks/${other.body.id}/deliveries`).expect(404);
    await admin.delete(`/auth/webhooks/${other.body.id}`).set(CSRF).expect(404);
    const trail = await admin.get('/auth/audit?entity=webhook').expect(200);
    expect(trail.body.entries.map((e: { action: string }) => e.action)).toEqual(
      expect.arrayContaining(['create', 'delete']),
    );
    expect(JSON.stringify(trail.body)).not.toContain(hook.secret);
  });
});
