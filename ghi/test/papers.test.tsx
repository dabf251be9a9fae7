// @vitest-environment jsdom
import type { IncomingMessage, ServerResponse } from 'node:http';
import { sampleVin } from '@carcar/common/vin/vin';
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type AppHarness, send, staffMember, startAppHarness } from './app-harness';
import { olivia, samCarter } from './fixtures';

// The printed papers against a stand-in gateway over real HTTP: each carries the dealership's name
// as the deployment's /config.js gives it (the gateway's DEALERSHIP_NAME), not a name built in,
// and its address and phone (DEALERSHIP_ADDRESS, DEALERSHIP_PHONE) under it; every section's
// labels and values in the one grid; the car in plain words; line items and totals.

const NAME = 'Lovelace & Babbage Motors';
const ADDRESS = ['10 Lake Shore Dr', 'Chicago, IL 60611'];
const PHONE = '(312) 555-0100';
const VIN = sampleVin(700_321);
/** A car inventory never had, with no repair order: the work order has blanks to fill in. */
const OUTSIDE_VIN = sampleVin(700_322);

const car = {
  href: `/api/automobiles/${VIN}/`,
  id: 3,
  color: 'Silver',
  year: 2019,
  vin: VIN,
  model: { id: 2, name: 'Camry', picture_url: null, manufacturer: { id: 1, name: 'Toyota' } },
  sold: true,
  created_at: '2027-01-02T10:00:00Z',
  condition: 'used',
  odometer: 31_250,
  list_price: null,
  acquired_at: '2027-01-02T10:00:00Z',
  days_in_stock: 0,
};

const sale = {
  id: 12,
  price: 24500,
  sold_at: '2027-12-02T10:00:00Z',
  voided_at: null,
  void_reason: null,
  automobile: { vin: VIN, sold: true },
  salesperson: samCarter,
  customer: olivia,
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
const walkIn = { ...appointment, id: 8, vin: OUTSIDE_VIN, customer: 'Grace Hopper', vip: false };

const approval = { by: 'advisor', name: 'Max Manager', method: 'phone', at: '2027-12-03T09:30:00Z' };
const line = {
  hours: null,
  rate: null,
  part_number: null,
  quantity: 1,
  unit_price: null,
  technician: null,
  approval,
  clocked_hours: 0,
  backordered: false,
};
const repairOrder = {
  id: 15,
  vin: VIN,
  vip: true,
  customer: { name: 'Olivia Brown', phone: '555-0199', email: 'olivia@example.test' },
  mileage: 48_210,
  concern: 'Brakes squeal',
  appointment: 7,
  advisor: null,
  status: 'invoiced',
  lines: [
    {
      ...line,
      id: 1,
      kind: 'labor',
      description: 'Replace front pads',
      hours: 1.5,
      rate: 120,
      amount: 180,
      technician: 4,
      status: 'done',
    },
    {
      ...line,
      id: 2,
      kind: 'part',
      description: 'Brake pads',
      part_number: 'BP-1',
      quantity: 2,
      unit_price: 45,
      amount: 90,
      status: 'done',
    },
    {
      ...line,
      id: 3,
      kind: 'part',
      description: 'Wiper blades',
      quantity: 2,
      unit_price: 20,
      amount: 40,
      status: 'proposed',
      approval: null,
    },
    {
      ...line,
      id: 4,
      kind: 'labor',
      description: 'Resurface rotors',
      hours: 1,
      rate: 120,
      amount: 120,
      status: 'declined',
    },
  ],
  inspection: [],
  payments: [{ id: 1, amount: 100, method: 'card', reference: null, at: '2027-12-03T12:00:00Z', by: 'Max Manager' }],
  totals: { labor: 180, parts: 90, fees: 0, subtotal: 270, tax: 22.28, total: 292.28, paid: 100, balance: 192.28 },
  created_at: '2027-12-03T09:10:00Z',
  invoiced_at: '2027-12-03T11:00:00Z',
  closed_at: null,
  void_reason: null,
};

function handle(req: IncomingMessage, res: ServerResponse) {
  const path = new URL(req.url ?? '/', 'http://stub').pathname;
  if (path === '/auth/me') {
    return send(res, 200, staffMember('manager', { name: 'Max Manager', email: 'max@dealer.test' }));
  }
  if (path === '/sales/api/sales/12/') return send(res, 200, sale);
  if (path === '/sales/api/automobiles/') return send(res, 200, { autos: [] });
  if (path === '/service/api/appointments/7/') return send(res, 200, appointment);
  if (path === '/service/api/appointments/8/') return send(res, 200, walkIn);
  if (path === `/inventory/api/automobiles/${VIN}/`) return send(res, 200, car);
  if (path === '/service/api/repair-orders/') {
    const vin = new URL(req.url ?? '/', 'http://stub').searchParams.get('vin');
    return send(res, 200, { repair_orders: vin === VIN ? [repairOrder] : [] });
  }
  if (path === '/service/api/repair-orders/15/') return send(res, 200, repairOrder);
  if (path === '/service/api/technicians/') return send(res, 200, { technicians: [appointment.technician] });
  return send(res, 404, { message: `Nothing at ${path}.` });
}

let harness: AppHarness;

beforeAll(async () => {
  // What the gateway's /config.js sets before the app's modules load.
  window.__CARCAR_CONFIG__ = { dealershipName: NAME, dealershipAddress: ADDRESS, dealershipPhone: PHONE };
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

/** The paper's rows of one section: each label with its value, as the grid lays them out. */
function factsOf(paper: HTMLElement, section: string): Record<string, string> {
  const region = within(paper).getByRole('region', { name: section });
  const grid = region.querySelector('dl');
  expect(grid?.className, `${section} is laid out in the paper's grid`).toBe('paper-facts');
  const labels = [...(grid?.querySelectorAll('dt') ?? [])];
  return Object.fromEntries(labels.map((dt) => [dt.textContent, dt.nextElementSibling?.textContent ?? '']));
}

/** A totals block's rows, label → figure. */
function totalsOf(paper: HTMLElement, name: string): Record<string, string> {
  const table = within(paper).getByRole('table', { name });
  expect(table.className).toBe('paper-totals');
  return Object.fromEntries(
    within(table)
      .getAllByRole('row')
      .map((row) => [within(row).getByRole('rowheader').textContent, within(row).getByRole('cell').textContent]),
  );
}

describe('the papers’ letterhead, grid and totals', () => {
  it('heads every paper with the configured address and phone under the name, and the paper’s number and date', async () => {
    const bill = await paper('/sales/12/print', 'Buyer’s order');
    const head = bill.querySelector('header');
    if (!head) throw new Error('the paper has no letterhead');
    expect(within(head).getByText(NAME)).toBeDefined();
    for (const line of ADDRESS) expect(within(head).getByText(line)).toBeDefined();
    expect(within(head).getByText(`Phone ${PHONE}`)).toBeDefined();
    expect(within(head).getByRole('heading', { level: 1, name: 'Buyer’s order' })).toBeDefined();
    expect(within(head).getByText('Sale #12')).toBeDefined();
    expect(within(head).getByText('Thu, Dec 2, 2027, 10:00 AM')).toBeDefined();
    cleanup();
    const order = await paper('/service/repair-orders/15/print', 'Invoice');
    expect(within(order).getByText(`Phone ${PHONE}`)).toBeDefined();
    expect(within(order).getByText(ADDRESS[0] ?? '')).toBeDefined();
  });

  it('lays every section of the buyer’s order in one grid and names the car in plain words', async () => {
    const bill = await paper('/sales/12/print', 'Buyer’s order');
    expect(bill.querySelectorAll('dl').length).toBe(bill.querySelectorAll('dl.paper-facts').length);
    expect(factsOf(bill, 'Buyer')).toEqual({ Name: 'Olivia Brown', Address: '1 Road', Phone: '555-0100' });
    expect(factsOf(bill, 'Sold by')).toEqual({ Salesperson: 'Sam Carter', 'Employee ID': 'S-200' });
    // The sales service does not know this car (its list is empty): inventory's odometer still reads.
    expect(factsOf(bill, 'Vehicle')).toEqual({ VIN, Mileage: '31,250 miles' });
    expect(totalsOf(bill, 'The deal, line by line')).toEqual({ 'Sale price': '$24,500.00' });
    expect(bill.textContent).not.toMatch(/Check digit|Maker code|Built in|by VIN/);
  });

  it('gives the work order the repair order’s phone, mileage, line items and totals', async () => {
    const order = await paper('/service/appointments/7/print', 'Service work order');
    expect(order.querySelectorAll('dl').length).toBe(order.querySelectorAll('dl.paper-facts').length);
    expect(factsOf(order, 'Customer')).toEqual({
      Name: 'Olivia Brown',
      Phone: '555-0199',
      VIP: 'Yes: bought or stocked here',
    });
    expect(factsOf(order, 'Vehicle')).toEqual({
      Vehicle: '2019 Toyota Camry',
      VIN,
      Color: 'Silver',
      Mileage: '48,210 miles',
    });
    expect(factsOf(order, 'Work')).toMatchObject({
      Reason: 'Brakes',
      Technician: 'Ada Lovelace',
      'Repair order': '#15',
    });
    const items = within(order).getByRole('table', { name: 'Line items' });
    const rows = within(items).getAllByRole('row').slice(1);
    expect(
      rows.map((row) =>
        within(row)
          .getAllByRole('cell')
          .map((cell) => cell.textContent),
      ),
    ).toEqual([
      ['Labor: Replace front pads', '1.5 h × $120.00', '$180.00'],
      ['Part: Brake pads (BP-1)', '2 × $45.00', '$90.00'],
    ]);
    // Figures right-aligned in their columns.
    for (const row of rows) {
      const cells = within(row).getAllByRole('cell');
      expect(cells.map((cell) => cell.className)).toEqual(['', 'num', 'num']);
    }
    expect(totalsOf(order, 'Totals')).toEqual({ Subtotal: '$270.00', Tax: '$22.28', Total: '$292.28' });
    expect(within(order).getByText('1 more line awaits the customer’s approval.')).toBeDefined();
    expect(order.textContent).not.toContain('Resurface rotors');
    expect(order.textContent).not.toMatch(/Check digit|Maker code|Built in|by VIN/);
  });

  it('leaves a work order without a repair order blanks for the phone and mileage, and says it has no line items', async () => {
    const order = await paper('/service/appointments/8/print', 'Service work order');
    const customer = within(order).getByRole('region', { name: 'Customer' });
    expect(within(customer).getByText('Phone').nextElementSibling?.querySelector('.paper-write-in')).not.toBeNull();
    const vehicle = factsOf(order, 'Vehicle');
    expect(Object.keys(vehicle)).toEqual(['VIN', 'Mileage']);
    expect(factsOf(order, 'Work')['Repair order']).toBe('None yet');
    expect(
      within(order).getByText('This appointment has no repair order yet, so no line items: write the work done below.'),
    ).toBeDefined();
  });

  it('totals the invoice (subtotal, tax, total, paid, balance) under its line items', async () => {
    const order = await paper('/service/repair-orders/15/print', 'Invoice');
    expect(factsOf(order, 'Vehicle')).toEqual({
      Vehicle: '2019 Toyota Camry',
      VIN,
      Color: 'Silver',
      Mileage: '48,210 miles',
    });
    const work = within(order).getByRole('table', { name: 'Work done' });
    expect(within(work).getAllByRole('row')).toHaveLength(3);
    expect(within(work).getByText('$180.00').className).toBe('num');
    expect(totalsOf(order, 'Totals')).toEqual({
      Labor: '$180.00',
      Parts: '$90.00',
      Fees: '$0.00',
      Subtotal: '$270.00',
      Tax: '$22.28',
      Total: '$292.28',
      Paid: '$100.00',
      Balance: '$192.28',
    });
    expect(order.textContent).not.toMatch(/Check digit|Maker code|Built in|by VIN/);
  });
});
