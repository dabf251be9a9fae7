import { createHash } from 'node:crypto';
import type { AuditEntry } from '@carcar/common/contract/audit';
import type { Role } from '@carcar/common/contract/permissions';
import type { RepairOrder, RepairOrderLine } from '@carcar/common/contract/repair-orders';
import { audited } from '@carcar/common/db/audit';
import { withCheckDigit } from '@carcar/common/vin/vin';
import { type AuthHeaders, asGateway, asRole } from '@carcar/testing/credentials';
import { emptyOrderTotals } from '@carcar/testing/totals';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serviceAutomobileStore } from '../src/automobiles/store.js';
import { lineClockEntries, repairOrders, shopSettings } from '../src/db/schema.js';
import { approvalUrl } from '../src/repair-orders/approval-token.js';
import { clockedTenths } from '../src/repair-orders/json.js';
import { addTechnician, booking, type ServiceApi, startServiceApi } from './helpers.js';

let svc: ServiceApi;
let gateway: { Authorization: string };
beforeAll(async () => {
  svc = await startServiceApi();
  gateway = await asGateway('service-api');
  // Reset between files is not needed: each file has its own database.
  await svc.api('manager').put('/api/shop-settings/').send({ labor_rate: 120, tax_rate: 0 }).expect(200);
});
afterAll(() => svc.close());

const VIN = '1C3CC5FB2AN120174';
const OTHER_VIN = '1HGCM82633A004352';
const TEST_SETUP = { actor: { service: 'test-setup' }, request_id: 'test-setup' };

function walkIn(overrides: Record<string, unknown> = {}) {
  return {
    vin: VIN,
    customer: { name: 'Jane Doe', phone: '555-123-4567', email: 'jane@example.com' },
    mileage: 42_000,
    concern: 'Grinding noise when braking',
    ...overrides,
  };
}

async function newOrder(overrides: Record<string, unknown> = {}): Promise<RepairOrder> {
  return (await svc.api('service').post('/api/repair-orders/').send(walkIn(overrides)).expect(201)).body;
}

/** POSTs a line to the order as `role` and leaves its answer to the caller (a refusal, say). */
function postLine(orderId: number, line: Record<string, unknown>, role: Role = 'service') {
  return svc.api(role).post(`/api/repair-orders/${orderId}/lines/`).send(line);
}

async function addLine(orderId: number, line: Record<string, unknown>, role: 'service' | 'technician' = 'service') {
  return (await postLine(orderId, line, role).expect(201)).body as RepairOrderLine;
}

/** A line complete in itself, for the tests of who and what may add one. */
const SMALL_FEE = { kind: 'fee', description: 'x', unit_price: 1 };

/** A labor line assigned to `technician`: the kind of line the clock and "done" act on. */
function assignedLabor(orderId: number, technician: number, description: string, hours: number) {
  return addLine(orderId, { kind: 'labor', description, hours, technician });
}

function decide(orderId: number, decisions: Array<{ line: number; approved: boolean }>) {
  return svc
    .api('service')
    .post(`/api/repair-orders/${orderId}/approvals/`)
    .send({ decisions, name: 'Jane Doe', method: 'phone' });
}

async function estimateToken(orderId: number): Promise<string> {
  const res = await svc.api('service').post(`/api/repair-orders/${orderId}/estimate/`).expect(200);
  return String(res.body.approval_url).split('/approve/')[1] as string;
}

/** A technician (`as`: their headers) turning the clock on their line `action`: 'on', 'off', or a word it refuses. */
function clock(orderId: number, lineId: number, as: AuthHeaders, action: string) {
  return svc.api().post(`/api/repair-orders/${orderId}/lines/${lineId}/clock/`).set(as).send({ action });
}

/** A technician (`as`: their headers) marking their line done. */
function lineDone(orderId: number, lineId: number, as: AuthHeaders) {
  return svc.api().post(`/api/repair-orders/${orderId}/lines/${lineId}/done/`).set(as);
}

async function technicianHeaders(technicianId: number) {
  return asRole('technician', 'service-api', { technician_id: technicianId, id: `tech-${technicianId}` });
}

async function trail(query: string): Promise<AuditEntry[]> {
  return (await svc.api('manager').get(`/api/audit/?${query}`).expect(200)).body.entries;
}

describe('shop settings', () => {
  it('answers the rates, lets managers change them and nobody else', async () => {
    expect((await svc.api('technician').get('/api/shop-settings').expect(200)).body).toEqual({
      labor_rate: 120,
      tax_rate: 0,
    });
    await svc.api('sales').get('/api/shop-settings/').expect(403);
    await svc.api('service').put('/api/shop-settings/').send({ labor_rate: 99 }).expect(403);
    const bad = await svc.api('manager').put('/api/shop-settings/').send({ labor_rate: 12.345, tax_rate: 101 });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['labor_rate', 'tax_rate']);
    const saved = await svc.api('manager').put('/api/shop-settings/').send({ labor_rate: '135.50', tax_rate: 8.875 });
    expect(saved.status).toBe(200);
    expect(saved.body).toEqual({ labor_rate: 135.5, tax_rate: 8.875 });
    // A rate left out keeps its value.
    expect((await svc.api('admin').put('/api/shop-settings/').send({ tax_rate: 0 }).expect(200)).body).toEqual({
      labor_rate: 135.5,
      tax_rate: 0,
    });
    const [entry] = await trail('entity=shop_settings');
    expect(entry?.actor).toMatchObject({ role: 'admin' });
    expect(entry?.changes).toEqual({ tax_rate: [8.875, 0] });
    await svc.api('manager').put('/api/shop-settings/').send({ labor_rate: 120, tax_rate: 0 }).expect(200);
  });
});

describe('writing up an order', () => {
  it('creates a walk-in order, status open, with the advisor and empty totals', async () => {
    const order = await newOrder({ vin: VIN.toLowerCase() });
    expect(order).toEqual({
      id: order.id,
      vin: VIN,
      vip: false,
      customer: { name: 'Jane Doe', phone: '555-123-4567', email: 'jane@example.com' },
      mileage: 42_000,
      concern: 'Grinding noise when braking',
      appointment: null,
      advisor: { id: 'test-service', name: 'Sid Service' },
      status: 'open',
      lines: [],
      inspection: [],
      payments: [],
      totals: emptyOrderTotals,
      created_at: order.created_at,
      invoiced_at: null,
      closed_at: null,
      void_reason: null,
    });
    await svc.api('technician').get(`/api/repair-orders/${order.id}/`).expect(200, order);
    await svc.api('sales').get(`/api/repair-orders/${order.id}/`).expect(403);
    await svc.api('technician').post('/api/repair-orders/').send(walkIn()).expect(403);
  });

  it('names every missing field of a walk-in', async () => {
    const res = await svc.api('service').post('/api/repair-orders/').send({}).expect(400);
    expect(res.body.errors.map((e: { path: string }) => e.path)).toEqual(['mileage']);
    const res2 = await svc.api('service').post('/api/repair-orders/').send({ mileage: 10 }).expect(400);
    expect(res2.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['concern', 'customer.name', 'vin']);
    const bad = await svc
      .api('service')
      .post('/api/repair-orders/')
      .send(walkIn({ vin: 'NOT-A-VIN', mileage: -1, customer: { name: '' } }))
      .expect(400);
    expect(bad.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['customer.name', 'mileage', 'vin']);
  });

  it("takes an appointment's VIN, customer and reason unless given", async () => {
    const tech = await addTechnician(svc);
    const appointment = (
      await svc
        .api()
        .post('/api/appointments/')
        .send(booking(tech.id, { vin: OTHER_VIN, customer: 'Sam Booker', reason: 'Annual service' }))
        .expect(201)
    ).body;
    const order = (
      await svc
        .api('service')
        .post('/api/repair-orders/')
        .send({ appointment: appointment.id, mileage: 1234 })
        .expect(201)
    ).body as RepairOrder;
    expect(order).toMatchObject({
      vin: OTHER_VIN,
      customer: { name: 'Sam Booker', phone: null, email: null },
      concern: 'Annual service',
      appointment: appointment.id,
      mileage: 1234,
    });
    const given = (
      await svc
        .api('service')
        .post('/api/repair-orders/')
        .send({ appointment: appointment.id, mileage: 1, concern: 'Also a rattle', customer: { name: 'Pat' } })
        .expect(201)
    ).body as RepairOrder;
    expect(given).toMatchObject({ vin: OTHER_VIN, customer: { name: 'Pat' }, concern: 'Also a rattle' });
    const missing = await svc
      .api('service')
      .post('/api/repair-orders/')
      .send({ appointment: 987654, mileage: 1 })
      .expect(400);
    expect(missing.body.errors.map((e: { path: string }) => e.path)).toContain('appointment');
  });

  it('is VIP when the car was ever in inventory, and the customer sees it named', async () => {
    const vin = withCheckDigit('4T1B11HK5JU000001');
    const order = await newOrder({ vin });
    expect(order.vip).toBe(false);
    const change = {
      seq: 7,
      deleted: false,
      vin,
      sold: true,
      year: 2018,
      color: 'red',
      model: { name: 'Camry', manufacturer: { name: 'Toyota' } },
    };
    await serviceAutomobileStore(svc.db).apply([change], 7);
    expect((await svc.api().get(`/api/repair-orders/${order.id}/`).expect(200)).body.vip).toBe(true);
    const token = await estimateToken(order.id);
    expect((await svc.api().get(`/public/estimates/${token}`).set(gateway).expect(200)).body.vehicle).toBe(
      '2018 Toyota Camry',
    );
  });

  it('changes customer, mileage and concern while being worked', async () => {
    const order = await newOrder();
    const res = await svc
      .api('service')
      .put(`/api/repair-orders/${order.id}/`)
      .send({ customer: { phone: '555-000-1111' }, mileage: 42_100, concern: 'Brakes and a squeak' })
      .expect(200);
    expect(res.body).toMatchObject({
      customer: { name: 'Jane Doe', phone: '555-000-1111', email: 'jane@example.com' },
      mileage: 42_100,
      concern: 'Brakes and a squeak',
    });
    await svc.api('technician').put(`/api/repair-orders/${order.id}/`).send({ mileage: 1 }).expect(403);
    await svc.api('service').put('/api/repair-orders/987654/').send({ mileage: 1 }).expect(404);
  });
});

describe('lines and money', () => {
  it('prices labor at the shop rate unless given, parts and fees by quantity, half-up to the cent', async () => {
    await svc.api('manager').put('/api/shop-settings/').send({ labor_rate: 119.99 }).expect(200);
    const order = await newOrder();
    const labor = await addLine(order.id, { kind: 'labor', description: 'Diagnose noise', hours: 0.1 });
    expect(labor).toEqual({
      id: labor.id,
      kind: 'labor',
      description: 'Diagnose noise',
      hours: 0.1,
      rate: 119.99,
      part_number: null,
      quantity: 1,
      unit_price: null,
      amount: 12,
      technician: null,
      status: 'proposed',
      approval: null,
      clocked_hours: 0,
      backordered: false,
    });
    const own = await addLine(order.id, { kind: 'labor', description: 'Brakes', hours: '1.5', rate: '120.50' });
    expect(own.amount).toBe(180.75);
    const part = await addLine(order.id, {
      kind: 'part',
      description: 'Oil',
      part_number: 'OIL-5W30',
      quantity: 4.5,
      unit_price: 7.99,
    });
    expect(part).toMatchObject({ quantity: 4.5, unit_price: 7.99, amount: 35.96, part_number: 'OIL-5W30' });
    const fee = await addLine(order.id, { kind: 'fee', description: 'Shop supplies', unit_price: 3.5 });
    expect(fee).toMatchObject({ quantity: 1, amount: 3.5, hours: null, rate: null });
    await svc.api('manager').put('/api/shop-settings/').send({ labor_rate: 120 }).expect(200);
    // Proposed lines are not billed yet.
    const read = (await svc.api().get(`/api/repair-orders/${order.id}/`).expect(200)).body as RepairOrder;
    expect(read.totals.total).toBe(0);
    expect(read.lines.map((line) => line.id)).toEqual([labor.id, own.id, part.id, fee.id]);
  });

  it("prices labor at the shop's current rate when another replica changed it", async () => {
    await svc.api('manager').put('/api/shop-settings/').send({ labor_rate: 120 }).expect(200);
    const order = await newOrder();
    // This process learns the rate from its first labor line at the shop rate.
    expect((await addLine(order.id, { kind: 'labor', description: 'Inspect', hours: 1 })).amount).toBe(120);
    expect((await addLine(order.id, { kind: 'labor', description: 'Inspect again', hours: 1 })).amount).toBe(120);
    // Another replica's manager saves a new rate: this process is not told.
    await audited(svc.db, TEST_SETUP, (tx) =>
      tx.update(shopSettings).set({ laborRate: '99.95' }).where(eq(shopSettings.id, 1)),
    );
    const after = await addLine(order.id, { kind: 'labor', description: 'Brakes', hours: 0.5 });
    expect(after).toMatchObject({ rate: 99.95, amount: 49.98 });
    await svc.api('manager').put('/api/shop-settings/').send({ labor_rate: 120 }).expect(200);
    expect((await addLine(order.id, { kind: 'labor', description: 'Rotors', hours: 2 })).amount).toBe(240);
    const read = (await svc.api().get(`/api/repair-orders/${order.id}/`).expect(200)).body as RepairOrder;
    expect(read.lines.map((line) => line.rate)).toEqual([120, 120, 99.95, 120]);
  });

  it("takes a listed part's description and price unless given", async () => {
    await svc
      .api('manager')
      .post('/api/parts/')
      .send({ number: 'BP-2201', description: 'Front brake pads', price: 89.99, on_hand: 5 })
      .expect(201);
    const order = await newOrder();
    const listed = await addLine(order.id, { kind: 'part', part_number: 'bp-2201', quantity: 2 });
    expect(listed).toMatchObject({ description: 'Front brake pads', unit_price: 89.99, quantity: 2, amount: 179.98 });
    const priced = await addLine(order.id, {
      kind: 'part',
      part_number: 'BP-2201',
      unit_price: 79.99,
      description: 'Pads (sale)',
    });
    expect(priced).toMatchObject({ description: 'Pads (sale)', unit_price: 79.99, amount: 79.99 });
  });

  it('refuses a line without what its kind needs, naming the fields', async () => {
    const order = await newOrder();
    const labor = await postLine(order.id, { kind: 'labor' }).expect(400);
    expect(labor.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['description', 'hours']);
    const part = await postLine(order.id, { kind: 'part', part_number: 'NOPE-1' }).expect(400);
    expect(part.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['description', 'unit_price']);
    const values = await postLine(order.id, {
      kind: 'labor',
      description: 'x',
      hours: 0.15,
      rate: -1,
      technician: 987654,
    }).expect(400);
    expect(values.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['hours', 'rate']);
    const technician = await postLine(order.id, {
      kind: 'labor',
      description: 'x',
      hours: 1,
      technician: 987654,
    }).expect(400);
    expect(technician.body.errors).toEqual([{ path: 'technician', message: 'Choose a technician from the list' }]);
    await postLine(order.id, { kind: 'tires' }).expect(400);
    await postLine(987654, SMALL_FEE).expect(404);
    // No such order comes before what the line lacks, however the line is priced.
    for (const line of [{ kind: 'labor' }, { kind: 'fee' }, { ...SMALL_FEE, technician: 1 }]) {
      await postLine(987654, line).expect(404);
    }
    await postLine(order.id, SMALL_FEE, 'sales').expect(403);
  });

  it('lets technicians propose lines, changes and deletes only proposed ones', async () => {
    const order = await newOrder();
    const proposed = await addLine(order.id, { kind: 'labor', description: 'Rotate tires', hours: 0.5 }, 'technician');
    expect(proposed.status).toBe('proposed');
    const changed = await svc
      .api('service')
      .put(`/api/repair-orders/${order.id}/lines/${proposed.id}/`)
      .send({ hours: 0.7 })
      .expect(200);
    expect(changed.body).toMatchObject({ hours: 0.7, rate: 120, amount: 84, description: 'Rotate tires' });
    await svc
      .api('technician')
      .put(`/api/repair-orders/${order.id}/lines/${proposed.id}/`)
      .send({ hours: 1 })
      .expect(403);
    const other = await newOrder();
    // Another order's line is not found under this order.
    await svc.api('service').put(`/api/repair-orders/${other.id}/lines/${proposed.id}/`).send({ hours: 1 }).expect(404);
    await svc.api('service').delete(`/api/repair-orders/${other.id}/lines/${proposed.id}/`).expect(404);
    await decide(order.id, [{ line: proposed.id, approved: true }]).expect(200);
    const refused = await svc
      .api('service')
      .put(`/api/repair-orders/${order.id}/lines/${proposed.id}/`)
      .send({ hours: 2 })
      .expect(409);
    expect(refused.body.message).toMatch(/Only a proposed line can be changed/);
    await svc.api('service').delete(`/api/repair-orders/${order.id}/lines/${proposed.id}/`).expect(409);
    const extra = await addLine(order.id, { kind: 'fee', description: 'Disposal', unit_price: 5 });
    expect(extra.status).toBe('proposed');
    const deleted = await svc.api('service').delete(`/api/repair-orders/${order.id}/lines/${extra.id}`).expect(200);
    expect(deleted.body).toEqual(extra);
    const read = (await svc.api().get(`/api/repair-orders/${order.id}/`).expect(200)).body as RepairOrder;
    expect(read.lines.map((line) => line.id)).toEqual([proposed.id]);
  });

  it('taxes the sum once at the shop rate, counting approved and done lines only', async () => {
    await svc.api('manager').put('/api/shop-settings/').send({ tax_rate: 8.875 }).expect(200);
    try {
      const order = await newOrder();
      const a = await addLine(order.id, { kind: 'fee', description: 'A', unit_price: 0.06 });
      const b = await addLine(order.id, { kind: 'fee', description: 'B', unit_price: 0.06 });
      const c = await addLine(order.id, { kind: 'fee', description: 'C', unit_price: 0.06 });
      const d = await addLine(order.id, { kind: 'part', description: 'D', unit_price: 999.99, quantity: 2 });
      const e = await addLine(order.id, { kind: 'labor', description: 'E', hours: 0.1, rate: 119.99 });
      const res = await decide(order.id, [
        { line: a.id, approved: true },
        { line: b.id, approved: true },
        { line: c.id, approved: true },
        { line: d.id, approved: false },
        { line: e.id, approved: true },
      ]).expect(200);
      // 0.18 + 12.00 = 12.18; × 8.875 % = 1.080975 → 1.08
      expect(res.body.totals).toEqual({
        labor: 12,
        parts: 0,
        fees: 0.18,
        subtotal: 12.18,
        tax: 1.08,
        total: 13.26,
        paid: 0,
        balance: 13.26,
      });
      expect(res.body.status).toBe('in_progress');
      // The declined line stays on the order.
      expect(res.body.lines.find((line: RepairOrderLine) => line.id === d.id).status).toBe('declined');
    } finally {
      await svc.api('manager').put('/api/shop-settings/').send({ tax_rate: 0 }).expect(200);
    }
  });

  it('keeps large amounts exact', async () => {
    const order = await newOrder();
    const big = await addLine(order.id, { kind: 'labor', description: 'Rebuild', hours: 999.9, rate: 9999.99 });
    expect(big.amount).toBe(9_998_990.0);
    const parts = await addLine(order.id, {
      kind: 'part',
      description: 'Engines',
      quantity: 10_000,
      unit_price: 1_000_000,
    });
    expect(parts.amount).toBe(10_000_000_000);
    const res = await decide(order.id, [
      { line: big.id, approved: true },
      { line: parts.id, approved: true },
    ]).expect(200);
    expect(res.body.totals.total).toBe(10_009_998_990);
  });
});

describe('approvals, the clock, invoicing and payment', () => {
  it('runs an order from write-up to closed, with every 409 on the way', async () => {
    const tess = await addTechnician(svc, 'Tess');
    const tom = await addTechnician(svc, 'Tom');
    const asTess = await technicianHeaders(tess.id);
    const asTom = await technicianHeaders(tom.id);
    const order = await newOrder();
    const brakes = await assignedLabor(order.id, tess.id, 'Front brakes', 1.5);
    const pads = await addLine(order.id, { kind: 'part', description: 'Brake pads', quantity: 1, unit_price: 89.99 });
    const wipers = await addLine(order.id, { kind: 'part', description: 'Wipers', quantity: 2, unit_price: 19.99 });

    const link = await svc.api('service').post(`/api/repair-orders/${order.id}/estimate/`).expect(200);
    expect(link.body.approval_url).toMatch(/^http:\/\/localhost:3000\/approve\/[A-Za-z0-9_-]{43}$/);
    expect(new Date(link.body.expires_at).getTime() - Date.now()).toBeGreaterThan(6.9 * 86_400_000);
    expect((await svc.api().get(`/api/repair-orders/${order.id}/`)).body.status).toBe('estimate');

    // Nothing is approved: the clock and done refuse.
    await clock(order.id, brakes.id, asTess, 'on').expect(409);
    await svc.api('technician').post(`/api/repair-orders/${order.id}/approvals/`).send({}).expect(403);
    const invalid = await svc
      .api('service')
      .post(`/api/repair-orders/${order.id}/approvals/`)
      .send({ decisions: [{ line: brakes.id, approved: 'yes' }], method: 'email' })
      .expect(400);
    expect(invalid.body.errors.map((e: { path: string }) => e.path).sort()).toEqual([
      'decisions.0.approved',
      'method',
      'name',
    ]);

    const approved = await svc
      .api('service')
      .post(`/api/repair-orders/${order.id}/approvals/`)
      .send({
        decisions: [
          { line: brakes.id, approved: true },
          { line: pads.id, approved: true },
          { line: wipers.id, approved: false },
        ],
        name: 'Jane Doe',
        method: 'in_person',
      })
      .expect(200);
    expect(approved.body.status).toBe('in_progress');
    const brakesLine = approved.body.lines.find((line: RepairOrderLine) => line.id === brakes.id);
    expect(brakesLine.approval).toEqual({
      by: 'advisor',
      name: 'Jane Doe',
      method: 'in_person',
      at: brakesLine.approval.at,
    });
    expect(approved.body.totals).toMatchObject({ labor: 180, parts: 89.99, fees: 0, subtotal: 269.99, total: 269.99 });
    const again = await decide(order.id, [{ line: wipers.id, approved: true }]).expect(409);
    expect(again.body.message).toMatch(/Wipers\) is already declined/);

    // The technician clocks on their own line only; one running clock each.
    await clock(order.id, brakes.id, asTom, 'on').expect(403);
    await lineDone(order.id, brakes.id, asTom).expect(403);
    await clock(order.id, brakes.id, asTess, 'sideways').expect(400);
    const on = await svc
      .api()
      .post(`/api/repair-orders/${order.id}/lines/${brakes.id}/clock`)
      .set(asTess)
      .send({ action: 'on' })
      .expect(200);
    expect(on.body).toMatchObject({ id: brakes.id, technician: tess.id, clocked_hours: 0, hours: 1.5 });
    const elsewhere = await newOrder();
    const other = await assignedLabor(elsewhere.id, tess.id, 'Alignment', 1);
    await decide(elsewhere.id, [{ line: other.id, approved: true }]).expect(200);
    const busy = await clock(elsewhere.id, other.id, asTess, 'on').expect(409);
    expect(busy.body.message).toContain(`line ${brakes.id} (Front brakes) of repair order ${order.id}`);

    // Invoicing now names everything missing.
    const early = await svc.api('service').post(`/api/repair-orders/${order.id}/invoice/`).expect(409);
    expect(early.body.message).toContain(`line ${brakes.id} (Front brakes) is not done`);
    expect(early.body.message).toContain(`line ${pads.id} (Brake pads) is not done`);
    expect(early.body.message).toContain(`the clock is running on line ${brakes.id}`);
    const late = await addLine(order.id, { kind: 'fee', description: 'Disposal', unit_price: 4 });
    const undecided = await svc.api('service').post(`/api/repair-orders/${order.id}/invoice/`).expect(409);
    expect(undecided.body.message).toContain(`line ${late.id} (Disposal) is not decided`);
    await decide(order.id, [{ line: late.id, approved: true }]).expect(200);

    // A time on the clock: an hour and a half ago.
    await audited(svc.db, TEST_SETUP, (tx) =>
      tx
        .update(lineClockEntries)
        .set({ startedAt: new Date(Date.now() - 90 * 60_000) })
        .where(eq(lineClockEntries.lineId, brakes.id)),
    );
    const off = await clock(order.id, brakes.id, asTess, 'off').expect(200);
    expect(off.body.clocked_hours).toBe(1.5);
    expect(off.body.hours).toBe(1.5);
    await clock(order.id, brakes.id, asTess, 'off').expect(409);

    const done = await lineDone(order.id, brakes.id, asTess).expect(200);
    expect(done.body.status).toBe('done');
    await lineDone(order.id, brakes.id, asTess).expect(409);
    await svc.api('service').post(`/api/repair-orders/${order.id}/lines/${pads.id}/done/`).expect(200);
    expect((await svc.api().get(`/api/repair-orders/${order.id}/`)).body.status).toBe('in_progress');
    await svc.api('service').post(`/api/repair-orders/${order.id}/lines/${late.id}/done/`).expect(200);
    expect((await svc.api().get(`/api/repair-orders/${order.id}/`)).body.status).toBe('ready');

    const invoiced = await svc.api('service').post(`/api/repair-orders/${order.id}/invoice/`).expect(200);
    expect(invoiced.body).toMatchObject({ status: 'invoiced', closed_at: null });
    expect(invoiced.body.invoiced_at).toEqual(expect.any(String));
    expect(invoiced.body.totals).toMatchObject({ subtotal: 273.99, total: 273.99, balance: 273.99 });

    // An invoiced order's lines, prices and totals never change.
    await svc.api('service').put(`/api/repair-orders/${order.id}/`).send({ mileage: 1 }).expect(409);
    await svc.api('service').delete(`/api/repair-orders/${order.id}/`).expect(409);
    await postLine(order.id, SMALL_FEE).expect(409);
    await svc.api('manager').put('/api/shop-settings/').send({ tax_rate: 10 }).expect(200);
    expect((await svc.api().get(`/api/repair-orders/${order.id}/`)).body.totals.tax).toBe(0);
    await svc.api('manager').put('/api/shop-settings/').send({ tax_rate: 0 }).expect(200);

    const over = await svc
      .api('service')
      .post(`/api/repair-orders/${order.id}/payments/`)
      .send({ amount: 274, method: 'card' })
      .expect(400);
    expect(over.body.errors[0]).toMatchObject({ path: 'amount' });
    await svc
      .api('service')
      .post(`/api/repair-orders/${order.id}/payments/`)
      .send({ amount: 0, method: 'cash' })
      .expect(400);
    await svc
      .api('service')
      .post(`/api/repair-orders/${order.id}/payments/`)
      .send({ amount: 1, method: 'iou' })
      .expect(400);
    await svc
      .api('technician')
      .post(`/api/repair-orders/${order.id}/payments/`)
      .send({ amount: 1, method: 'cash' })
      .expect(403);
    const part = await svc
      .api('service')
      .post(`/api/repair-orders/${order.id}/payments/`)
      .send({ amount: 100, method: 'cash' })
      .expect(201);
    expect(part.body).toMatchObject({ status: 'invoiced', totals: { paid: 100, balance: 173.99 } });
    const rest = await svc
      .api('service')
      .post(`/api/repair-orders/${order.id}/payments/`)
      .send({ amount: '173.99', method: 'check', reference: 'Check 1042' })
      .expect(201);
    expect(rest.body).toMatchObject({ status: 'closed', totals: { paid: 273.99, balance: 0 } });
    expect(rest.body.closed_at).toEqual(expect.any(String));
    expect(rest.body.payments.map((p: { amount: number; method: string }) => [p.amount, p.method])).toEqual([
      [100, 'cash'],
      [173.99, 'check'],
    ]);
    await svc
      .api('service')
      .post(`/api/repair-orders/${order.id}/payments/`)
      .send({ amount: 1, method: 'cash' })
      .expect(409);

    // Every step is in the trail, with who did it.
    const entries = await trail(`entity=repair_order&entity_id=${order.id}`);
    expect(entries.map((entry) => entry.action)).toEqual(
      expect.arrayContaining(['create', 'estimate', 'decide', 'invoice', 'payment']),
    );
    const lineEntries = await trail(`entity=repair_order_line&entity_id=${brakes.id}`);
    expect(lineEntries.map((entry) => entry.action)).toEqual(expect.arrayContaining(['create', 'decide', 'done']));
    const clockEntries = (await trail('entity=line_clock')).filter(
      (entry) => 'id' in entry.actor && entry.actor.id === `tech-${tess.id}`,
    );
    expect(clockEntries.map((entry) => entry.action).sort()).toEqual(['clock_off', 'clock_on']);
    expect(clockEntries[0]?.actor).toEqual({
      kind: 'person',
      id: `tech-${tess.id}`,
      name: 'Tess Technician',
      role: 'technician',
    });
    const serialized = JSON.stringify(await trail(`entity=repair_order&entity_id=${order.id}`));
    expect(serialized).not.toContain('approval_token_hash');
  });

  it('lets one of two concurrent decisions on a line win, and one of two clocks of a technician', async () => {
    const tech = await addTechnician(svc, 'Racer');
    const asTech = await technicianHeaders(tech.id);
    const order = await newOrder();
    const line = await assignedLabor(order.id, tech.id, 'Race', 1);
    const [a, b] = await Promise.all([
      decide(order.id, [{ line: line.id, approved: true }]),
      decide(order.id, [{ line: line.id, approved: false }]),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const second = await newOrder();
    const other = await assignedLabor(second.id, tech.id, 'Race 2', 1);
    await decide(second.id, [{ line: other.id, approved: true }]).expect(200);
    const winner = [a, b].find((res) => res.status === 200);
    if (!winner) throw new Error('neither decision was accepted');
    const approvedLine = (winner.body as RepairOrder).lines[0];
    if (approvedLine?.status !== 'approved') {
      // The decline won: approve the first order's work through a new line so both can be clocked.
      const again = await assignedLabor(order.id, tech.id, 'Race 3', 1);
      await decide(order.id, [{ line: again.id, approved: true }]).expect(200);
      line.id = again.id;
    }
    const clocks = await Promise.all([
      clock(order.id, line.id, asTech, 'on'),
      clock(second.id, other.id, asTech, 'on'),
    ]);
    expect(clocks.map((res) => res.status).sort()).toEqual([200, 409]);
  });

  it('voids an order with a reason before it is invoiced, and its link stops working', async () => {
    const order = await newOrder();
    const token = await estimateToken(order.id);
    await svc.api().get(`/public/estimates/${token}`).set(gateway).expect(200);
    await svc.api('technician').delete(`/api/repair-orders/${order.id}/`).expect(403);
    const voided = await svc
      .api('service')
      .delete(`/api/repair-orders/${order.id}/?reason=Customer%20declined`)
      .expect(200);
    expect(voided.body).toMatchObject({ status: 'void', void_reason: 'Customer declined' });
    await svc.api().get(`/public/estimates/${token}`).set(gateway).expect(404);
    await svc.api('service').delete(`/api/repair-orders/${order.id}/`).expect(409);
    await postLine(order.id, SMALL_FEE).expect(409);
    await svc.api('service').post(`/api/repair-orders/${order.id}/invoice/`).expect(409);
    const withBody = await newOrder();
    const res = await svc
      .api('service')
      .delete(`/api/repair-orders/${withBody.id}/`)
      .send({ reason: 'Duplicate' })
      .expect(200);
    expect(res.body.void_reason).toBe('Duplicate');
    const [entry] = await trail(`entity=repair_order&entity_id=${withBody.id}`);
    expect(entry).toMatchObject({ action: 'void', reason: 'Duplicate' });
  });

  it('invoices a 0-line order at zero', async () => {
    const order = await newOrder();
    const res = await svc.api('service').post(`/api/repair-orders/${order.id}/invoice/`).expect(200);
    expect(res.body.totals).toEqual(emptyOrderTotals);
    await svc
      .api('service')
      .post(`/api/repair-orders/${order.id}/payments/`)
      .send({ amount: 0.01, method: 'cash' })
      .expect(400);
  });
});

describe('the list', () => {
  it('filters by status, VIN, technician and words, newest first, paged with X-Total-Count', async () => {
    const tech = await addTechnician(svc, 'Lister');
    const vin = 'JH4KA8260MC012345';
    const first = await newOrder({ vin, customer: { name: 'Quinn Lister' } });
    const second = await newOrder({ vin, concern: 'Check engine light' });
    await assignedLabor(second.id, tech.id, 'Scan', 0.5);
    await estimateToken(second.id);
    const byVin = await svc.api('technician').get(`/api/repair-orders/?vin=${vin.toLowerCase()}`).expect(200);
    expect(byVin.body.repair_orders.map((o: RepairOrder) => o.id)).toEqual([second.id, first.id]);
    expect(byVin.headers['x-total-count']).toBe('2');
    const page = await svc.api().get(`/api/repair-orders/?vin=${vin}&limit=1&offset=1`).expect(200);
    expect(page.body.repair_orders.map((o: RepairOrder) => o.id)).toEqual([first.id]);
    expect(page.headers['x-total-count']).toBe('2');
    const estimate = await svc.api().get(`/api/repair-orders/?vin=${vin}&status=estimate`).expect(200);
    expect(estimate.body.repair_orders.map((o: RepairOrder) => o.id)).toEqual([second.id]);
    const byTech = await svc.api().get(`/api/repair-orders/?technician=${tech.id}`).expect(200);
    expect(byTech.body.repair_orders.map((o: RepairOrder) => o.id)).toEqual([second.id]);
    const words = await svc.api().get('/api/repair-orders/?q=quinn%20lis').expect(200);
    expect(words.body.repair_orders.map((o: RepairOrder) => o.id)).toEqual([first.id]);
    await svc.api().get('/api/repair-orders/?status=lost').expect(400);
    await svc.api('sales').get('/api/repair-orders/').expect(403);
    const csv = await svc.api().get(`/api/repair-orders/?vin=${vin}`).set('Accept', 'text/csv').expect(200);
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
  });
});

describe('approval tokens and clocked time', () => {
  it('are 256 random bits, stored only as their SHA-256', async () => {
    const order = await newOrder();
    const token = await estimateToken(order.id);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(token, 'base64url')).toHaveLength(32);
    const [row] = await svc.db.select().from(repairOrders).where(eq(repairOrders.id, order.id));
    expect(row?.approvalTokenHash).toBe(createHash('sha256').update(token).digest('hex'));
    expect(JSON.stringify(row)).not.toContain(token);
    const tokens = new Set(await Promise.all([1, 2, 3].map(() => estimateToken(order.id))));
    expect(tokens.size).toBe(3);
    expect(approvalUrl('https://carcar.example.com/', 'abc')).toBe('https://carcar.example.com/approve/abc');
  });

  it('counts clocked time in tenths of an hour, half up', () => {
    expect(clockedTenths(0)).toBe(0);
    expect(clockedTenths(179)).toBe(0);
    expect(clockedTenths(180)).toBe(1);
    expect(clockedTenths(5400)).toBe(15);
    expect(clockedTenths(-5)).toBe(0);
  });
});

describe("the customer's approval link", () => {
  it('shows only the estimate, lets the customer decide each line once, and records where from', async () => {
    const order = await newOrder();
    const labor = await addLine(order.id, { kind: 'labor', description: 'Front brakes', hours: 1 });
    const part = await addLine(order.id, { kind: 'part', description: 'Pads', unit_price: 50 });
    const other = await newOrder({ customer: { name: 'Somebody Else' } });
    const otherLine = await addLine(other.id, { kind: 'fee', description: 'Not yours', unit_price: 1 });
    const token = await estimateToken(order.id);

    const shown = await svc.api().get(`/public/estimates/${token}/`).set(gateway).expect(200);
    expect(shown.headers['cache-control']).toBe('no-store');
    // The page's new total needs the tax rate: a header, leaving the JSON as the contract says.
    expect(shown.headers['x-carcar-tax-rate']).toBe('0');
    expect(Object.keys(shown.body).sort()).toEqual(['customer', 'inspection', 'lines', 'totals', 'vehicle', 'vin']);
    expect(shown.body.customer).toEqual({ name: 'Jane Doe' });
    expect(shown.body.vehicle).toBeNull();
    expect(shown.body.lines.map((line: RepairOrderLine) => [line.id, line.amount])).toEqual([
      [labor.id, 120],
      [part.id, 50],
    ]);
    expect(JSON.stringify(shown.body)).not.toMatch(/555-123-4567|jane@example.com|Sid Service/);

    // Staff credentials do not open the public routes; the gateway's does not open staff ones.
    await svc.api('admin').get(`/public/estimates/${token}`).expect(403);
    await svc.api().get(`/api/repair-orders/${order.id}/`).set(gateway).expect(403);

    await svc.api().get('/public/estimates/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA').set(gateway).expect(404);
    await svc.api().get('/public/estimates/short').set(gateway).expect(404);

    const foreign = await svc
      .api()
      .post(`/public/estimates/${token}`)
      .set(gateway)
      .set('X-CarCar-Client-Address', '203.0.113.9')
      .send({ decisions: [{ line: otherLine.id, approved: true }], name: 'Jane Doe' })
      .expect(400);
    expect(foreign.body.errors[0].path).toBe('decisions.0.line');
    expect((await svc.api().get(`/api/repair-orders/${other.id}/`)).body.lines[0].status).toBe('proposed');
    await svc.api().post(`/public/estimates/${token}`).set(gateway).send({ decisions: [] }).expect(400);

    const decided = await svc
      .api()
      .post(`/public/estimates/${token}/`)
      .set(gateway)
      .set('X-CarCar-Client-Address', '203.0.113.9')
      .send({
        decisions: [
          { line: labor.id, approved: true },
          { line: part.id, approved: false },
        ],
        name: 'Jane D.',
      })
      .expect(200);
    expect(decided.headers['cache-control']).toBe('no-store');
    expect(decided.body.totals).toMatchObject({ subtotal: 120, total: 120 });
    const laborLine = decided.body.lines.find((line: RepairOrderLine) => line.id === labor.id);
    expect(laborLine).toMatchObject({
      status: 'approved',
      approval: { by: 'customer', name: 'Jane D.', method: 'link' },
    });
    const twice = await svc
      .api()
      .post(`/public/estimates/${token}`)
      .set(gateway)
      .send({ decisions: [{ line: labor.id, approved: false }], name: 'Jane Doe' })
      .expect(409);
    expect(twice.body.message).toMatch(/already approved/);
    expect((await svc.api().get(`/api/repair-orders/${order.id}/`)).body.status).toBe('in_progress');

    const [entry] = (await trail(`entity=repair_order_line&entity_id=${labor.id}`)).filter(
      (e) => e.action === 'decide',
    );
    expect(entry?.reason).toContain('203.0.113.9');
    expect(entry?.reason).toContain('Jane D.');
    expect(entry?.changes.approval_address).toEqual([null, '203.0.113.9']);
    expect(entry?.actor).toEqual({ service: 'carcar-gateway' });

    // Sending the estimate again makes a new link; the old one dies.
    const fresh = await estimateToken(order.id);
    expect(fresh).not.toBe(token);
    await svc.api().get(`/public/estimates/${token}`).set(gateway).expect(404);
    await svc.api().get(`/public/estimates/${fresh}`).set(gateway).expect(200);

    // Seven days later it has expired: 410.
    await audited(svc.db, TEST_SETUP, (tx) =>
      tx
        .update(repairOrders)
        .set({ approvalExpiresAt: new Date(Date.now() - 1000) })
        .where(eq(repairOrders.id, order.id)),
    );
    const gone = await svc.api().get(`/public/estimates/${fresh}`).set(gateway).expect(410);
    expect(gone.body).toMatchObject({ code: 'gone' });
    await svc
      .api()
      .post(`/public/estimates/${fresh}`)
      .set(gateway)
      .send({ decisions: [{ line: part.id, approved: true }], name: 'Jane' })
      .expect(410);
  });
});
