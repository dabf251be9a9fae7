import { fuzzService, fuzzSettings } from '@carcar/testing/fuzz';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { addTechnician, booking, type ServiceApi, startServiceApi } from './helpers.js';

let svc: ServiceApi;
beforeAll(async () => {
  // No rate limit: the fuzzer writes thousands of times a minute from one address.
  svc = await startServiceApi('UTC', { writesPerMinute: 0 });
  const tech = await addTechnician(svc);
  await svc.api().post('/api/appointments/').send(booking(tech.id)).expect(201);
});
afterAll(() => svc.close());

describe('fuzzing the Service API', () => {
  it('never answers 5xx, always answers 4xx with the error JSON, and writes nothing it refused', async () => {
    await fuzzService({
      app: svc.app,
      headers: svc.headers,
      db: svc.db,
      schema: 'service',
      endpoints: [
        { method: 'get', path: '/api/technicians/' },
        { method: 'post', path: '/api/technicians/' },
        { method: 'get', path: '/api/technicians/:id/' },
        { method: 'put', path: '/api/technicians/:id/' },
        { method: 'delete', path: '/api/technicians/:id/' },
        { method: 'get', path: '/api/appointments/' },
        { method: 'post', path: '/api/appointments/' },
        { method: 'get', path: '/api/appointments/:id/' },
        { method: 'delete', path: '/api/appointments/:id/' },
        { method: 'put', path: '/api/appointments/:id/cancel/' },
        { method: 'put', path: '/api/appointments/:id/finish/' },
      ],
      ...fuzzSettings(1500),
    });
  }, 600_000);
});
