// @vitest-environment jsdom
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { DueCar } from '@carcar/common/contract/service';
import { sampleVin } from '@carcar/common/vin/vin';
import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { appHarness, send, staffMember } from './app-harness';
import { olivia } from './fixtures';

// The advisors' call list against a stand-in gateway over real HTTP: a car sold here and never
// seen by service has no customer in service's answer, so the app asks sales for its buyer.

const SOLD = sampleVin(810_001);
const OLD_STOCK = sampleVin(810_002);
const BOOKED_BEFORE = sampleVin(810_003);

const due = (vin: string, kind: DueCar['kind'], customer: string | null): DueCar => ({
  vin,
  kind,
  customer,
  last_service_at: kind === 'overdue' ? '2026-01-10T09:00:00Z' : null,
  sold_at: kind === 'sold_not_serviced' ? '2026-11-02T10:00:00Z' : null,
  due_since: null,
  canceled_appointment: null,
  car: { year: 2020, color: 'red', model: 'Camry', manufacturer: 'Toyota' },
});
const cars = [
  due(SOLD, 'sold_not_serviced', null),
  // Sold before the sales records began: sales has no live sale of it.
  due(OLD_STOCK, 'sold_not_serviced', null),
  due(BOOKED_BEFORE, 'overdue', 'Olivia Brown'),
];
const nora = {
  id: 41,
  first_name: 'Nora',
  last_name: 'Newcar',
  address: '5 New Rd',
  phone_number: '+1 (555) 030-0041',
};

const requests: string[] = [];

function handle(req: IncomingMessage, res: ServerResponse) {
  const url = new URL(req.url ?? '/', 'http://stub');
  requests.push(`${url.pathname}${url.search}`);
  if (url.pathname === '/auth/me') {
    return send(res, 200, staffMember('service', { name: 'Ava Advisor', email: 'ava@dealer.test' }));
  }
  if (url.pathname === '/service/api/service-due/') {
    return send(res, 200, { cars }, { 'X-Total-Count': String(cars.length) });
  }
  if (url.pathname === '/sales/api/customers/') {
    const vin = url.searchParams.get('vin');
    const q = url.searchParams.get('q');
    const found = vin === SOLD ? [nora] : q === 'Olivia Brown' ? [olivia] : [];
    return send(res, 200, { customers: found }, { 'X-Total-Count': String(found.length) });
  }
  return send(res, 404, { message: `Nothing at ${url.pathname}.` });
}

const harness = appHarness(handle);

const card = (vin: string) => screen.findByRole('listitem', { name: new RegExp(vin) }, { timeout: 10_000 });

describe('Due for service: who to call', () => {
  it("shows the buyer's name and phone, from sales, for a car sold here and never seen by service", async () => {
    render(harness().mount('/service/due').ui);
    const sold = await card(SOLD);
    await within(sold).findByText('Nora Newcar', {}, { timeout: 10_000 });
    const phone = within(sold).getByRole('link', { name: nora.phone_number });
    expect(phone.getAttribute('href')).toBe('tel:+15550300041');
    expect(requests).toContain(`/sales/api/customers/?vin=${SOLD}`);
    // Booking fills the buyer in.
    expect(within(sold).getByRole('button', { name: `Book ${SOLD} for Nora Newcar` })).toBeDefined();

    const unknown = await card(OLD_STOCK);
    await within(unknown).findByText(/the sales records have no live sale of this car/, {}, { timeout: 10_000 });
    expect(within(unknown).getByRole('button', { name: `Book ${OLD_STOCK}` })).toBeDefined();

    // A car service has a customer for is looked up by the name, not by the car.
    const known = await card(BOOKED_BEFORE);
    await within(known).findByRole('link', { name: olivia.phone_number }, { timeout: 10_000 });
    expect(requests).not.toContain(`/sales/api/customers/?vin=${BOOKED_BEFORE}`);
  });
});
