// @vitest-environment jsdom
import type { IncomingMessage, ServerResponse } from 'node:http';
import { sampleVin } from '@carcar/common/vin/vin';
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type AppHarness, send, staffMember, startAppHarness } from './app-harness';

// The printed papers against a stand-in gateway over real HTTP: each carries the dealership's name
// as the deployment's /config.js gives it (the gateway's DEALERSHIP_NAME), not a name built in.

const NAME = 'Lovelace & Babbage Motors';
const VIN = sampleVin(700_321);

const sale = {
  id: 12,
  price: 24500,
  sold_at: '2027-12-02T10:00:00Z',
  voided_at: null,
  void_reason: null,
  automobile: { vin: VIN, sold: true },
  salesperson: { id: 9, first_name: 'Sam', last_name: 'Carter', employee_id: 'S-200', active: true },
  customer: { id: 31, first_name: 'Olivia', last_name: 'Brown', address: '1 Road', phone_number: '555-0100' },
};
const appointment = {
  id: 7,
  date_time: '2027-12-03T09:00:00Z',
  duration_minutes: 60,
  reason: 'Brakes',
  status: 'created',
  vin: VIN,
  customer: 'Olivia Brown',
  technician: { id: 4, first_name: 'Ada', last_name: 'Lovelace', employee_id: 'T-100', active: true },
  vip: true,
  cancel_reason: null,
};

function handle(req: IncomingMessage, res: ServerResponse) {
  const path = new URL(req.url ?? '/', 'http://stub').pathname;
  if (path === '/auth/me') {
    return send(res, 200, staffMember('manager', { name: 'Max Manager', email: 'max@dealer.test' }));
  }
  if (path === '/sales/api/sales/12/') return send(res, 200, sale);
  if (path === '/sales/api/automobiles/') return send(res, 200, { autos: [] });
  if (path === '/service/api/appointments/7/') return send(res, 200, appointment);
  return send(res, 404, { message: `Nothing at ${path}.` });
}

let harness: AppHarness;

beforeAll(async () => {
  // What the gateway's /config.js sets before the app's modules load.
  window.__CARCAR_CONFIG__ = { dealershipName: NAME };
  harness = await startAppHarness(handle);
});

afterAll(() => harness.close());

afterEach(cleanup);

async function paper(path: string, title: string) {
  render(harness.mount(path).ui);
  // The papers are pages of their own, loaded when opened: a busy machine takes a while.
  return screen.findByRole('article', { name: title }, { timeout: 10_000 });
}

describe("the dealership's name on the printed papers", () => {
  it('heads the buyer’s order', async () => {
    const bill = await paper('/sales/12/print', 'Buyer’s order');
    expect(within(bill).getByText(NAME)).toBeDefined();
    expect(within(bill).getByText(/Sale #12/)).toBeDefined();
    expect(screen.queryByText('CarCar Motors')).toBeNull();
  });

  it('heads the service work order', async () => {
    const order = await paper('/service/appointments/7/print', 'Service work order');
    expect(within(order).getByText(NAME)).toBeDefined();
    expect(within(order).getByText(/Work order 7/)).toBeDefined();
    expect(screen.queryByText('CarCar Motors')).toBeNull();
  });
});
