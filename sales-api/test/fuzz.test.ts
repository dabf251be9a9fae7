import { sampleVin } from '@carcar/common/vin/vin';
import { fuzzService, fuzzSettings } from '@carcar/testing/fuzz';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { addCustomer, addSalesperson, type SalesApi, startSalesApi, stockCars } from './helpers.js';

let sales: SalesApi;
beforeAll(async () => {
  // No rate limit: the fuzzer writes thousands of times a minute from one address.
  sales = await startSalesApi({ writesPerMinute: 0 });
  await stockCars(sales, [sampleVin(1), sampleVin(2), '1HGCM82633A004352']);
  const person = await addSalesperson(sales);
  const customer = await addCustomer(sales);
  await sales
    .api()
    .post('/api/sales/')
    .send({ automobile: sampleVin(1), salesperson: person.id, customer: customer.id, price: 1000 })
    .expect(201);
});
afterAll(() => sales.close());

describe('fuzzing the Sales API', () => {
  it('never answers 5xx, always answers 4xx with the error JSON, and writes nothing it refused', async () => {
    await fuzzService({
      app: sales.app,
      headers: sales.headers,
      db: sales.db,
      schema: 'sales',
      endpoints: [
        { method: 'get', path: '/api/salespeople/' },
        { method: 'post', path: '/api/salespeople/' },
        { method: 'get', path: '/api/salespeople/:id/' },
        { method: 'delete', path: '/api/salespeople/:id/' },
        { method: 'get', path: '/api/customers/' },
        { method: 'post', path: '/api/customers/' },
        { method: 'get', path: '/api/customers/:id/' },
        { method: 'delete', path: '/api/customers/:id/' },
        { method: 'get', path: '/api/sales/' },
        // The list's newer options, which the shared fuzzer's query keys do not name, set here and
        // mixed with the generated query.
        { method: 'get', path: '/api/sales/?include_voided=true&sort=-price' },
        { method: 'get', path: '/api/sales/?sort=price&q=Doe' },
        { method: 'post', path: '/api/sales/' },
        { method: 'get', path: '/api/sales/:id/' },
        { method: 'get', path: '/api/sales/:id/?include_voided=true' },
        { method: 'delete', path: '/api/sales/:id/' },
        { method: 'delete', path: '/api/sales/:id/?reason=Customer%20changed%20their%20mind' },
        { method: 'get', path: '/api/automobiles/' },
      ],
      ...fuzzSettings(1500),
    });
  }, 600_000);
});
