import { sampleVin } from '@carcar/common/vin/vin';
import { asRole } from '@carcar/testing/credentials';
import { callJson } from '@carcar/testing/http';
import type { SpawnedService } from '@carcar/testing/processes';
import { addInventoryModel, type Stack, startStack } from '@carcar/testing/stack';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { at } from './helpers.js';

// Both services as real processes, as `npm start` runs them, sharing one database on Postgres runs.
let stack: Stack<'service'>;
let inventory: SpawnedService;
let service: SpawnedService;

beforeAll(async () => {
  stack = await startStack({ services: ['service'] });
  ({ inventory, service } = stack.processes);
});
afterAll(async () => {
  await stack?.stop();
});

interface Appointment {
  id: number;
  vip: boolean;
}

describe('inventory and service-api processes', () => {
  it('show an appointment as VIP within 1 second of its car being added to inventory', async () => {
    const health = await callJson<{ status: string; sync: { state: string } }>('GET', `${service.url}/healthz`);
    expect(health.status).toBe('ok');
    const tech = await stack.call<{ id: number }>('service', 'POST', '/api/technicians/', {
      first_name: 'Ada',
      last_name: 'Lovelace',
      employee_id: 'T-1',
    });
    const vin = sampleVin(7);
    const appt = await stack.call<Appointment>('service', 'POST', '/api/appointments/', {
      date_time: at('05-01T14:30:00Z'),
      reason: 'Brakes',
      vin,
      customer: 'Jane Doe',
      technician: tech.id,
    });
    expect(appt.vip).toBe(false);
    const modelId = await addInventoryModel(inventory.url);

    const started = Date.now();
    await stack.call('inventory', 'POST', '/api/automobiles/', { vin, color: 'red', year: 2010, model_id: modelId });
    let vip = false;
    while (!vip && Date.now() - started < 5000) {
      vip = (await stack.call<Appointment>('service', 'GET', `/api/appointments/${appt.id}/`)).vip;
    }
    expect(vip).toBe(true);
    expect(Date.now() - started).toBeLessThan(1000);

    const synced = await callJson<{ sync: { state: string; last_seq: number; last_success_at: string } }>(
      'GET',
      `${service.url}/healthz`,
      undefined,
      // The sync details answer only a caller with a credential.
      await asRole('admin', 'service-api'),
    );
    expect(synced.sync).toMatchObject({
      state: 'ok',
      last_seq: expect.any(Number),
      last_success_at: expect.any(String),
    });
  });
});
