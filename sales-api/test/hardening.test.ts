import type { Role } from '@carcar/common/contract/permissions';
import { sampleVin } from '@carcar/common/vin/vin';
import { type AuthHeaders, asRole } from '@carcar/testing/credentials';
import { count } from 'drizzle-orm';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { salesRecords } from '../src/db/schema.js';
import { addCustomer, addSalesperson, type SalesApi, startSalesApi, stockCars } from './helpers.js';

// Findings of the penetration test (issue 25) that concern sales: own-only rules on writes, and
// sale numbers a salesperson cannot probe.

let sales: SalesApi;
beforeAll(async () => {
  sales = await startSalesApi();
});
afterAll(() => sales.close());

async function saleCount(): Promise<number> {
  const [row] = await sales.db.select({ n: count() }).from(salesRecords);
  return row?.n ?? 0;
}

/** A sale of `vin` at 20,000 in `salesperson`'s name, recorded as an administrator or `as`: a role, or a credential's headers. */
function recordSale(vin: string, salesperson: { id: number }, customer: { id: number }, as?: Role | AuthHeaders) {
  const post = sales.api(typeof as === 'string' ? as : undefined).post('/api/sales/');
  const body = { automobile: vin, salesperson: salesperson.id, customer: customer.id, price: 20000 };
  return (typeof as === 'object' ? post.set(as) : post).send(body);
}

describe('a salesperson records sales only in their own name', () => {
  it("refuses a sale in a colleague's name with 403 and writes nothing; their own is 201", async () => {
    const [theirs, mine] = [sampleVin(951), sampleVin(952)];
    await stockCars(sales, [theirs, mine]);
    const me = await addSalesperson(sales);
    const colleague = await addSalesperson(sales);
    const buyer = await addCustomer(sales);
    const asMe = await asRole('sales', 'sales-api', { id: 'me-hardening', salesperson_id: me.id });
    const before = await saleCount();

    const refused = await recordSale(theirs, colleague, buyer, asMe).expect(403);
    expect(refused.body.code).toBe('forbidden');
    expect(await saleCount()).toBe(before);

    // Not linked to any salesperson: no sale is theirs to record.
    const unlinked = await asRole('sales', 'sales-api', { id: 'unlinked-hardening' });
    await recordSale(theirs, me, buyer, unlinked).expect(403);

    await recordSale(mine, me, buyer, asMe).expect(201);
    // A manager still records for anyone.
    await recordSale(theirs, colleague, buyer, 'manager').expect(201);
  });

  it("answers a salesperson the same for a colleague's sale and a sale that does not exist", async () => {
    const vin = sampleVin(953);
    await stockCars(sales, [vin]);
    const me = await addSalesperson(sales);
    const colleague = await addSalesperson(sales);
    const buyer = await addCustomer(sales);
    const sold = await recordSale(vin, colleague, buyer).expect(201);
    const asMe = await asRole('sales', 'sales-api', { id: 'me-probe', salesperson_id: me.id });
    const existing = await sales.api().get(`/api/sales/${sold.body.id}/`).set(asMe);
    const missing = await sales.api().get('/api/sales/999999/').set(asMe);
    expect(existing.status).toBe(403);
    expect(missing.status).toBe(existing.status);
    expect(missing.body).toEqual(existing.body);
    // Someone who may read every sale still learns that it does not exist.
    await sales.api('manager').get('/api/sales/999999/').expect(404);
  });
});

describe('#6: deeply nested JSON', () => {
  it('answers a plain 400 to a sale nested 45,000 deep', async () => {
    const deep = `${'['.repeat(45_000)}${']'.repeat(45_000)}`;
    const res = await sales
      .api()
      .post('/api/sales/')
      .set('Content-Type', 'application/json')
      .send(`{"automobile": ${deep}}`)
      .expect(400);
    expect(res.body).toMatchObject({ code: 'validation_error', message: 'The JSON nests more than 32 levels deep' });
  });
});

describe('#10: /healthz tells the sync and outbox state only to a caller with a credential', () => {
  it('answers exactly {"status":"ok"} to anyone, and the details with a valid credential', async () => {
    const anonymous = await request(sales.app).get('/healthz').expect(200);
    expect(anonymous.body).toEqual({ status: 'ok' });
    const forged = await request(sales.app).get('/healthz').set('Authorization', 'Bearer not-a-credential').expect(200);
    expect(forged.body).toEqual({ status: 'ok' });
    const known = await sales.api().get('/healthz').expect(200);
    expect(known.body).toMatchObject({ status: 'ok', outbox: { pending: expect.any(Number) } });
  });
});
