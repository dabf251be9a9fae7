import { once } from 'node:events';
import http, { type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { AuditEntry } from '@carcar/common/contract/audit';
import type { RepairOrder, RepairOrderLine } from '@carcar/common/contract/repair-orders';
import { audited } from '@carcar/common/db/audit';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repairOrders } from '../../service-api/src/db/schema.js';
import { type ServiceApi, startServiceApi } from '../../service-api/test/helpers.js';
import { ADMIN, CSRF, signedIn, startGateway, type TestGateway } from './helpers.js';

// The customer's approval link end to end: the real service API on a local port, the gateway in
// this process forwarding /public/estimates/<token> with its own credential, and the page at
// /approve/<token>. A token reads and decides its own order and nothing else.

let service: ServiceApi;
let server: Server;
let gw: TestGateway;

const TEST_SETUP = { actor: { service: 'test-setup' }, request_id: 'test-setup' };

async function listen(app: http.RequestListener) {
  const listening = http.createServer(app);
  listening.listen(0, '127.0.0.1');
  await once(listening, 'listening');
  return { server: listening, url: `http://127.0.0.1:${(listening.address() as AddressInfo).port}` };
}

async function newOrder(name = 'Jane Doe'): Promise<RepairOrder> {
  return (
    await service
      .api('service')
      .post('/api/repair-orders/')
      .send({
        vin: '1C3CC5FB2AN120174',
        customer: { name, phone: '555-123-4567', email: 'jane@example.com' },
        mileage: 42_000,
        concern: 'Grinding noise when braking',
      })
      .expect(201)
  ).body;
}

async function addLine(orderId: number, line: Record<string, unknown>): Promise<RepairOrderLine> {
  return (await service.api('service').post(`/api/repair-orders/${orderId}/lines/`).send(line).expect(201)).body;
}

async function estimateToken(orderId: number): Promise<string> {
  const res = await service.api('service').post(`/api/repair-orders/${orderId}/estimate/`).expect(200);
  return String(res.body.approval_url).split('/approve/')[1] as string;
}

async function lineTrail(lineId: number): Promise<AuditEntry[]> {
  return (await service.api('manager').get(`/api/audit/?entity=repair_order_line&entity_id=${lineId}`).expect(200)).body
    .entries;
}

beforeAll(async () => {
  service = await startServiceApi();
  await service.api('manager').put('/api/shop-settings/').send({ labor_rate: 120, tax_rate: 8.25 }).expect(200);
  const listening = await listen(service.app);
  server = listening.server;
  gw = await startGateway({ SERVICE_API_URL: listening.url, DEALERSHIP_NAME: 'Ada <Autos>' });
});

afterAll(async () => {
  server?.closeAllConnections();
  server?.close();
  await gw?.close();
  await service?.close();
});

describe("the customer's approval link through the gateway", () => {
  it('reads only its own estimate, without signing in, never kept by a cache', async () => {
    const order = await newOrder();
    const labor = await addLine(order.id, { kind: 'labor', description: 'Front brakes', hours: 1.5 });
    const token = await estimateToken(order.id);
    const res = await gw.api().get(`/public/estimates/${token}`).expect(200);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers['x-carcar-tax-rate']).toBe('8.25');
    expect(res.body).toEqual({
      vin: '1C3CC5FB2AN120174',
      vehicle: null,
      customer: { name: 'Jane Doe' },
      lines: [{ ...labor, technician: null }],
      inspection: [],
      totals: { labor: 0, parts: 0, fees: 0, subtotal: 0, tax: 0, total: 0, paid: 0, balance: 0 },
    });
    // With the trailing slash too.
    await gw.api().get(`/public/estimates/${token}/`).expect(200);
    expect(gw.log.text()).not.toContain(token);
  });

  it('answers 404 to a guessed or malformed token, 410 to an expired one', async () => {
    await gw.api().get('/public/estimates/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA').expect(404);
    const malformed = await gw.api().get('/public/estimates/not-a-token').expect(404);
    expect(malformed.headers['cache-control']).toBe('no-store');
    await gw.api().get('/public/estimates/').expect(404);
    const order = await newOrder();
    const fee = await addLine(order.id, { kind: 'fee', description: 'Shop supplies', unit_price: 5 });
    const token = await estimateToken(order.id);
    await audited(service.db, TEST_SETUP, (tx) =>
      tx
        .update(repairOrders)
        .set({ approvalExpiresAt: new Date(Date.now() - 1000) })
        .where(eq(repairOrders.id, order.id)),
    );
    const gone = await gw.api().get(`/public/estimates/${token}`).expect(410);
    expect(gone.body.code).toBe('gone');
    await gw
      .api()
      .post(`/public/estimates/${token}`)
      .send({ decisions: [{ line: fee.id, approved: true }], name: 'Jane' })
      .expect(410);
    expect((await service.api().get(`/api/repair-orders/${order.id}/`)).body.lines[0].status).toBe('proposed');
  });

  it("decides its own lines once, never another order's, recording the customer's address", async () => {
    const order = await newOrder();
    const brakes = await addLine(order.id, { kind: 'labor', description: 'Front brakes', hours: 1 });
    const wipers = await addLine(order.id, { kind: 'part', description: 'Wipers', quantity: 2, unit_price: 19.99 });
    const other = await newOrder('Somebody Else');
    const theirs = await addLine(other.id, { kind: 'fee', description: 'Not yours', unit_price: 1 });
    const token = await estimateToken(order.id);

    const foreign = await gw
      .api()
      .post(`/public/estimates/${token}`)
      .send({ decisions: [{ line: theirs.id, approved: true }], name: 'Jane Doe' })
      .expect(400);
    expect(foreign.body.errors[0].path).toBe('decisions.0.line');
    expect((await service.api().get(`/api/repair-orders/${other.id}/`)).body.lines[0].status).toBe('proposed');

    // No cookie, no CSRF header: the token is the authority. A forged client address is dropped.
    const decided = await gw
      .api()
      .post(`/public/estimates/${token}/`)
      .set('X-CarCar-Client-Address', '198.51.100.66')
      .set('X-Forwarded-For', '198.51.100.67')
      .send({
        decisions: [
          { line: brakes.id, approved: true },
          { line: wipers.id, approved: false },
        ],
        name: 'Jane Doe',
      })
      .expect(200);
    expect(decided.headers['cache-control']).toBe('no-store');
    // 120.00 + 8.25 % = 129.90
    expect(decided.body.totals).toMatchObject({ subtotal: 120, tax: 9.9, total: 129.9 });
    expect(decided.body.lines.map((line: RepairOrderLine) => [line.id, line.status, line.approval?.by])).toEqual([
      [brakes.id, 'approved', 'customer'],
      [wipers.id, 'declined', 'customer'],
    ]);
    const [entry] = (await lineTrail(brakes.id)).filter((one) => one.action === 'decide');
    expect(entry?.actor).toEqual({ service: 'carcar-gateway' });
    const address = entry?.changes.approval_address?.[1];
    expect(address).toMatch(/127\.0\.0\.1/);
    expect(JSON.stringify(await lineTrail(brakes.id))).not.toMatch(/198\.51\.100/);
    expect(entry?.reason).toContain('Jane Doe');

    const again = await gw
      .api()
      .post(`/public/estimates/${token}`)
      .send({ decisions: [{ line: brakes.id, approved: false }], name: 'Jane Doe' })
      .expect(409);
    expect(again.body.message).toMatch(/already approved/);
    expect(gw.log.text()).not.toContain(token);
  });

  it("uses the gateway's own credential, never a signed-in person's cookie", async () => {
    const order = await newOrder();
    const line = await addLine(order.id, { kind: 'fee', description: 'Disposal', unit_price: 4 });
    const token = await estimateToken(order.id);
    const admin = await signedIn(gw, ADMIN.email, ADMIN.password);
    // With the session cookie the request is still the customer's: the person is not passed on.
    await admin
      .post(`/public/estimates/${token}`)
      .set(CSRF)
      .send({ decisions: [{ line: line.id, approved: true }], name: 'Jane Doe' })
      .expect(200);
    const [entry] = (await lineTrail(line.id)).filter((one) => one.action === 'decide');
    expect(entry?.actor).toEqual({ service: 'carcar-gateway' });
    // The gateway's credential opens nothing else of the service, and the public path no staff route.
    await admin.get(`/public/estimates/${token}/../../../api/repair-orders/${order.id}/`).expect(404);
    await gw.api().put(`/public/estimates/${token}`).send({}).expect(404);
    await gw.api().post(`/public/estimates/${token}/photos/1`).send({}).expect(404);
    // Below the token, reads are passed on (the inspection's photos): an unknown one is the service's 404.
    const below = await gw.api().get(`/public/estimates/${token}/photos/987654`);
    expect(below.status).toBe(404);
    expect(below.headers['cache-control']).toBe('no-store');
  });
});

describe('the approval page', () => {
  it('is a self-contained page under a strict policy, naming the dealership', async () => {
    const order = await newOrder();
    const token = await estimateToken(order.id);
    const res = await gw.api().get(`/approve/${token}`).expect(200);
    expect(res.headers['content-type']).toMatch(/text\/html/);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("connect-src 'self'");
    const nonce = /script-src 'nonce-([^']+)'/.exec(csp)?.[1];
    expect(nonce).toBeDefined();
    expect(res.text).toContain(`<script nonce="${nonce}">`);
    expect(res.text).not.toMatch(/<script[^>]+src=|<link|https?:\/\//);
    // The dealership's name, escaped; the token is not written into the page.
    expect(res.text).toContain('Ada &#60;Autos&#62;');
    expect(res.text).not.toContain(token);
    expect(res.text).toContain('/public/estimates/');
    // The inline script is valid JavaScript (parsed, not run: it needs a browser).
    const script = /<script nonce="[^"]+">([\s\S]*)<\/script>/.exec(res.text)?.[1] ?? '';
    expect(script).toContain('X-CarCar-Tax-Rate');
    expect(() => new Function(script)).not.toThrow();
    await gw.api().get('/approve/not-a-token').expect(404);
    expect(gw.log.text()).not.toContain(token);
  });

  it('limits requests per address', async () => {
    const limited = await startGateway({ SERVICE_API_URL: 'http://127.0.0.1:9', PUBLIC_REQUESTS_PER_MINUTE: '2' });
    try {
      const token = 'A'.repeat(43);
      await limited.api().get(`/approve/${token}`).expect(200);
      await limited.api().get(`/approve/${token}`).expect(200);
      const refused = await limited.api().get(`/public/estimates/${token}`).expect(429);
      expect(refused.headers['cache-control']).toBe('no-store');
      expect(refused.body.code).toBe('rate_limited');
    } finally {
      await limited.close();
    }
  });
});
