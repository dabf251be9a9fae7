import type { AuditEntry } from '@carcar/common/contract/audit';
import { sampleVin } from '@carcar/common/vin/vin';
import { auditReader, refusal, rewriteAttempts } from '@carcar/testing/audit';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addCustomer, addSalesperson, type SalesApi, startSalesApi, stockCars } from './helpers.js';

let sales: SalesApi;
let trail: ReturnType<typeof auditReader>;
beforeAll(async () => {
  sales = await startSalesApi();
  trail = auditReader((path) => sales.api('manager').get(path));
});
afterAll(() => sales.close());

const MAX = { kind: 'person', id: 'test-manager', name: 'Max Manager', role: 'manager' };

describe('the audit trail of the sales API', () => {
  it('records each write once: people, customers, the sale and its void with the reason', async () => {
    const vin = sampleVin(5101);
    await stockCars(sales, [vin]);
    let personId = 0;
    let customerId = 0;
    let saleId = 0;
    const manager = () => sales.api('manager');
    const steps: Array<[() => Promise<unknown>, () => Partial<AuditEntry>]> = [
      [
        async () => {
          personId = (
            await manager()
              .post('/api/salespeople/')
              .send({ first_name: 'Sue', last_name: 'Sales', employee_id: 'AUD-1' })
              .expect(201)
          ).body.id;
        },
        () => ({
          action: 'create',
          entity: 'salesperson',
          entity_id: String(personId),
          changes: expect.objectContaining({ first_name: [null, 'Sue'] }),
        }),
      ],
      [
        async () => {
          customerId = (
            await manager()
              .post('/api/customers/')
              .send({ first_name: 'Cat', last_name: 'Buyer', address: '1 Elm St', phone_number: '555-0100' })
              .expect(201)
          ).body.id;
        },
        () => ({ action: 'create', entity: 'customer', entity_id: String(customerId) }),
      ],
      [
        () => manager().put(`/api/customers/${customerId}/`).send({ phone_number: '555-0199' }).expect(200),
        () => ({ action: 'update', entity: 'customer', changes: { phone_number: ['555-0100', '555-0199'] } }),
      ],
      [
        async () => {
          saleId = (
            await manager()
              .post('/api/sales/')
              .send({ automobile: vin, salesperson: personId, customer: customerId, price: 19999 })
              .expect(201)
          ).body.id;
        },
        () => ({
          action: 'sale',
          entity: 'sale',
          entity_id: String(saleId),
          vin,
          changes: expect.objectContaining({
            price: [null, 19999],
            salesperson_id: [null, personId],
            customer_id: [null, customerId],
          }),
        }),
      ],
      [
        () => manager().delete(`/api/sales/${saleId}/`).send({ reason: 'customer changed mind' }).expect(200),
        () => ({
          action: 'void',
          entity: 'sale',
          vin,
          reason: 'customer changed mind',
          changes: expect.objectContaining({ void_reason: [null, 'customer changed mind'] }),
        }),
      ],
      [
        async () =>
          manager()
            .delete(`/api/customers/${(await addCustomer(sales)).id}/`)
            .expect(200),
        () => ({ action: 'delete', entity: 'customer' }),
      ],
    ];
    for (const [step, expected] of steps) {
      const written = await trail.during(step);
      // The customer delete step adds the customer first (as the admin), then deletes it.
      const mine = written.filter((entry) => entry.actor && 'id' in entry.actor && entry.actor.id === MAX.id);
      expect(mine).toHaveLength(1);
      expect(mine[0]).toMatchObject({ actor: MAX, ...expected() });
    }
  });

  it('writes nothing for a refused request: a sold car, no permission, a referenced salesperson', async () => {
    const vin = sampleVin(5102);
    await stockCars(sales, [vin]);
    const person = await addSalesperson(sales);
    const buyer = await addCustomer(sales);
    const sale = { automobile: vin, salesperson: person.id, customer: buyer.id, price: 1000 };
    const saleId = (await sales.api().post('/api/sales/').send(sale).expect(201)).body.id;
    const written = await trail.during(async () => {
      await sales.api().post('/api/sales/').send(sale).expect(409);
      await sales
        .api()
        .post('/api/sales/')
        .send({ ...sale, price: -1 })
        .expect(400);
      await sales.api('sales').delete(`/api/sales/${saleId}/`).expect(403);
      await sales.api().delete(`/api/salespeople/${person.id}/`).expect(409);
      await sales.api().delete('/api/sales/999999/').expect(404);
    });
    expect(written).toEqual([]);
  });

  it('cannot be rewritten, and refuses a change that does not say who makes it', async () => {
    expect(await rewriteAttempts(sales.db, 'sales')).toEqual([
      expect.stringMatching(/append-only/),
      expect.stringMatching(/append-only/),
      expect.stringMatching(/append-only/),
    ]);
    expect(
      await refusal(
        sales.db,
        sql`insert into sales.salespeople (first_name, last_name, employee_id) values ('No', 'Body', 'X-1')`,
      ),
    ).toMatch(/must say who makes it/);
  });
});
