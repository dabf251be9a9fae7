import type { AuditEntry } from '@carcar/common/contract/audit';
import type { Part, PartMovement } from '@carcar/common/contract/parts';
import type { RepairOrder, RepairOrderLine } from '@carcar/common/contract/repair-orders';
import { asGateway } from '@carcar/testing/credentials';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { approveLine, orderWithPartLine, type ServiceApi, startServiceApi } from './helpers.js';

// Stock and repair orders: approving a part line takes its quantity from the parts list in the
// approval's transaction (below zero: backordered), voiding the order puts it back.

let svc: ServiceApi;
beforeAll(async () => {
  svc = await startServiceApi();
});
afterAll(() => svc.close());

async function part(number: string, onHand: number): Promise<Part> {
  return (
    await svc
      .api('service')
      .post('/api/parts/')
      .send({ number, description: `Part ${number}`, price: 40, on_hand: onHand })
      .expect(201)
  ).body;
}

async function onHand(number: string): Promise<number> {
  return (await svc.api('technician').get(`/api/parts/${number}/`).expect(200)).body.on_hand;
}

async function movements(number: string): Promise<PartMovement[]> {
  return (await svc.api('technician').get(`/api/parts/${number}/movements/`).expect(200)).body.movements;
}

function lineOf(order: RepairOrder, lineId: number): RepairOrderLine | undefined {
  return order.lines.find((line) => line.id === lineId);
}

describe('stock and repair orders', () => {
  it('takes approved part lines from stock, backorders below zero, and puts them back when the order is voided', async () => {
    await part('PAD-1', 1);
    const first = await orderWithPartLine(svc, 'pad-1', 1);
    const second = await orderWithPartLine(svc, 'PAD-1', '2.5');
    expect(first.line).toMatchObject({ description: 'Part PAD-1', unit_price: 40, backordered: false });

    const afterFirst = (await approveLine(svc, first.order.id, first.line.id).expect(200)).body as RepairOrder;
    expect(lineOf(afterFirst, first.line.id)).toMatchObject({ status: 'approved', backordered: false });
    expect(await onHand('PAD-1')).toBe(0);

    const afterSecond = (await approveLine(svc, second.order.id, second.line.id).expect(200)).body as RepairOrder;
    expect(lineOf(afterSecond, second.line.id)).toMatchObject({ status: 'approved', backordered: true });
    expect(await onHand('PAD-1')).toBe(-2.5);

    expect(await movements('PAD-1')).toMatchObject([
      { quantity: -2.5, reason: 'repair_order', repair_order: second.order.id, actor: { role: 'service' } },
      { quantity: -1, reason: 'repair_order', repair_order: first.order.id },
      { quantity: 1, reason: 'receipt', repair_order: null },
    ]);
    const trail = (await svc.api('manager').get('/api/audit/?entity=part').expect(200)).body.entries as AuditEntry[];
    expect(trail.filter((entry) => 'on_hand' in entry.changes)[0]).toMatchObject({ changes: { on_hand: [0, -2.5] } });

    await svc.api('service').delete(`/api/repair-orders/${second.order.id}/?reason=customer%20left`).expect(200);
    expect(await onHand('PAD-1')).toBe(0);
    const [putBack] = await movements('PAD-1');
    expect(putBack).toMatchObject({ quantity: 2.5, reason: 'void', repair_order: second.order.id });
    // A second void of the same order is refused by the order, and puts nothing back twice.
    await svc.api('service').delete(`/api/repair-orders/${second.order.id}/`);
    expect(await onHand('PAD-1')).toBe(0);
  });

  it('takes stock when the customer approves through the link, and moves nothing for a part not on the list or a declined line', async () => {
    await part('ROTOR-1', 4);
    const { order, line } = await orderWithPartLine(svc, 'ROTOR-1', 2);
    const other = (
      await svc
        .api('service')
        .post(`/api/repair-orders/${order.id}/lines/`)
        .send({ kind: 'part', part_number: 'NOT-STOCKED', description: 'Bought in for this job', unit_price: 15 })
        .expect(201)
    ).body as RepairOrderLine;
    const declined = (
      await svc
        .api('service')
        .post(`/api/repair-orders/${order.id}/lines/`)
        .send({ kind: 'part', part_number: 'ROTOR-1', quantity: 1 })
        .expect(201)
    ).body as RepairOrderLine;
    const link = await svc.api('service').post(`/api/repair-orders/${order.id}/estimate/`).expect(200);
    const token = String(link.body.approval_url).split('/approve/')[1];
    await request(svc.app)
      .post(`/public/estimates/${token}`)
      .set(await asGateway('service-api'))
      .send({
        decisions: [
          { line: line.id, approved: true },
          { line: other.id, approved: true },
          { line: declined.id, approved: false },
        ],
        name: 'Jane Doe',
      })
      .expect(200);
    expect(await onHand('ROTOR-1')).toBe(2);
    expect(await movements('ROTOR-1')).toMatchObject([
      { quantity: -2, reason: 'repair_order', repair_order: order.id },
      { quantity: 4, reason: 'receipt' },
    ]);
  });
});
