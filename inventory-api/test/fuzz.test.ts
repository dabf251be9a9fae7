import { fuzzService, fuzzSettings } from '@carcar/testing/fuzz';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { addAutomobile, type Inventory, seedModel, startInventory, VINS } from './helpers.js';

let inv: Inventory;
beforeAll(async () => {
  // No rate limit: the fuzzer writes thousands of times a minute from one address.
  inv = await startInventory({ writesPerMinute: 0 });
  // Some rows to hit, so ids and VINs in generated paths sometimes exist.
  const model = await seedModel(inv);
  await addAutomobile(inv, VINS[0] as string, model.id);
});
afterAll(() => inv.close());

describe('fuzzing the Inventory API', () => {
  it('never answers 5xx, always answers 4xx with the error JSON, and writes nothing it refused', async () => {
    await fuzzService({
      app: inv.app,
      headers: inv.headers,
      db: inv.db,
      schema: 'inventory',
      endpoints: [
        { method: 'get', path: '/api/manufacturers/' },
        { method: 'post', path: '/api/manufacturers/' },
        { method: 'get', path: '/api/manufacturers/:id/' },
        { method: 'put', path: '/api/manufacturers/:id/' },
        { method: 'delete', path: '/api/manufacturers/:id/' },
        { method: 'get', path: '/api/models/' },
        { method: 'post', path: '/api/models/' },
        { method: 'get', path: '/api/models/:id/' },
        { method: 'put', path: '/api/models/:id/' },
        { method: 'delete', path: '/api/models/:id/' },
        { method: 'get', path: '/api/automobiles/' },
        // `sort`, which the shared fuzzer's query keys do not name, mixed with the generated query.
        { method: 'get', path: '/api/automobiles/?sort=-year' },
        { method: 'get', path: '/api/automobiles/?sort=vin&q=red' },
        { method: 'post', path: '/api/automobiles/' },
        { method: 'get', path: '/api/automobiles/changes/' },
        { method: 'get', path: '/api/automobiles/:vin/' },
        { method: 'put', path: '/api/automobiles/:vin/' },
        { method: 'delete', path: '/api/automobiles/:vin/' },
        { method: 'get', path: '/api/vins/:vin/' },
      ],
      ...fuzzSettings(2000),
    });
  }, 600_000);
});
