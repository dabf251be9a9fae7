// @vitest-environment jsdom
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AuditEntry } from '@carcar/common/contract/audit';
import { permissionsOf, type Role } from '@carcar/common/contract/permissions';
import { sampleVin } from '@carcar/common/vin/vin';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { appHarness, send, staffMember } from './app-harness';

// The header's "Find a car" and the vehicle page against a stand-in gateway over real HTTP: what
// the app asks each service for, and what it makes of the answers.

const OUTSIDE = sampleVin(500_001);
const STOCK_A = sampleVin(500_123);
const STOCK_B = sampleVin(600_123);
const STOCK_C = sampleVin(700_999);
// Ends as STOCK_A does: two cars for the same six characters.
const STOCK_D = sampleVin(500_123, '1FTFW1E50JF');

const car = (vin: string, color: string) => ({
  id: 1,
  vin,
  color,
  year: 2010,
  sold: false,
  model: { id: 1, name: 'Ledger', picture_url: 'http://x/car.svg', manufacturer: { id: 1, name: 'Records Motors' } },
});
const stock = [car(STOCK_A, 'red'), car(STOCK_B, 'blue'), car(STOCK_C, 'green'), car(STOCK_D, 'redred')];

const person = (id: number, first_name: string, last_name: string) => ({ id, first_name, last_name });
const sam = { ...person(9, 'Sam', 'Carter'), employee_id: 'S-200', active: true };
const olivia = { ...person(31, 'Olivia', 'Brown'), address: '1 Road', phone_number: '555-0100' };
const ada = { ...person(4, 'Ada', 'Lovelace'), employee_id: 'T-100', active: true };

const sales = [
  {
    id: 70,
    price: 24500,
    sold_at: '2027-12-02T10:00:00Z',
    voided_at: '2027-12-02T12:00:00Z',
    void_reason: 'Customer changed mind',
    automobile: { vin: OUTSIDE, sold: false },
    salesperson: sam,
    customer: olivia,
  },
];
const appointments = [
  {
    id: 5,
    date_time: '2027-12-03T09:00:00Z',
    duration_minutes: 60,
    reason: 'Brakes',
    status: 'canceled',
    vin: OUTSIDE,
    customer: 'Olivia Brown',
    technician: ada,
    vip: false,
    cancel_reason: 'Parts not in',
  },
];

const manager = { kind: 'person' as const, id: '2', name: 'Max Manager', role: 'manager' as const };
const trail = (source: string, entries: Array<Partial<AuditEntry> & Pick<AuditEntry, 'id' | 'at' | 'action'>>) =>
  entries.map((e) => ({
    actor: manager,
    entity: source,
    entity_id: '1',
    changes: {},
    request_id: 'r',
    vin: OUTSIDE,
    ...e,
  }));
const audits: Record<string, unknown[]> = {
  inventory: [],
  service: trail('appointment', [
    { id: 2, at: '2027-12-01T09:00:00Z', action: 'cancel', reason: 'Parts not in' },
    {
      id: 1,
      at: '2027-12-01T08:00:00Z',
      action: 'create',
      changes: {
        technician_id: [null, 4],
        date_time: [null, '2027-12-03T09:00:00Z'],
        customer: [null, 'Olivia Brown'],
      },
    },
  ]),
  sales: trail('sale', [
    { id: 8, at: '2027-12-02T12:00:00Z', action: 'void', reason: 'Customer changed mind' },
    {
      id: 7,
      at: '2027-12-02T10:00:00Z',
      action: 'sale',
      actor: { kind: 'person', id: '5', name: 'Sam Carter', role: 'sales' },
      changes: { price: [null, 24500], customer_id: [null, 31], salesperson_id: [null, 9] },
    },
  ]),
};

const stub = { role: 'manager' as Role, requests: [] as string[] };

const listed = (res: ServerResponse, key: string, rows: unknown[]) =>
  send(res, 200, { [key]: rows }, { 'X-Total-Count': String(rows.length) });

function handle(req: IncomingMessage, res: ServerResponse) {
  const url = new URL(req.url ?? '/', 'http://stub');
  stub.requests.push(`${url.pathname}${url.search}`);
  const path = url.pathname;
  if (path === '/auth/me') {
    return send(
      res,
      200,
      staffMember(stub.role, {
        name: stub.role === 'manager' ? 'Max Manager' : 'Sam Carter',
        salesperson_id: stub.role === 'sales' ? 9 : null,
      }),
    );
  }
  if (path === '/inventory/api/automobiles/') {
    const q = (url.searchParams.get('q') ?? '').toUpperCase();
    return listed(
      res,
      'autos',
      stock.filter((c) => c.vin.includes(q) || c.color.toUpperCase().includes(q)),
    );
  }
  const one = /^\/inventory\/api\/automobiles\/([^/]+)\/$/.exec(path);
  if (one) {
    const found = stock.find((c) => c.vin === one[1]);
    return found ? send(res, 200, found) : send(res, 404, { message: 'No such car.' });
  }
  if (path === '/sales/api/sales/') return listed(res, 'sales', url.searchParams.get('vin') === OUTSIDE ? sales : []);
  if (path === '/service/api/appointments/') {
    return listed(res, 'appointments', url.searchParams.get('vin') === OUTSIDE ? appointments : []);
  }
  const audit = /^\/(inventory|service|sales)\/api\/audit\/$/.exec(path);
  if (audit?.[1]) {
    if (!permissionsOf(stub.role).includes('audit.read')) return send(res, 403, { message: 'Not allowed.' });
    return listed(res, 'entries', url.searchParams.get('vin') === OUTSIDE ? (audits[audit[1]] ?? []) : []);
  }
  return send(res, 404, { message: `Nothing at ${path}.` });
}

const harness = appHarness(handle, () => {
  stub.role = 'manager';
  stub.requests = [];
});

function open(path: string, role: Role = 'manager') {
  stub.role = role;
  const app = harness().mount(path);
  render(app.ui);
  return app;
}

async function find(text: string) {
  const user = userEvent.setup();
  const box = await screen.findByRole('searchbox', { name: 'Find a car' });
  await user.clear(box);
  await user.type(box, `${text}{Enter}`);
  return user;
}

describe('Find a car, in the header', () => {
  it('opens the one car whose VIN ends with what was typed', async () => {
    const app = open('/');
    await find(STOCK_C.slice(-6).toLowerCase());
    await waitFor(() => expect(app.location()).toBe(`/vehicles/${STOCK_C}`));
    expect(stub.requests).toContain(`/inventory/api/automobiles/?q=${STOCK_C.slice(-6)}&limit=50`);
  });

  it('lists several matches to choose from, by keyboard, and Escape closes the list', async () => {
    const app = open('/');
    const user = await find('0123');
    await screen.findByText('Type the whole VIN or at least its last 6 characters.');

    await find('500123');
    const list = await screen.findByRole('list', { name: 'Cars found' });
    const choices = within(list).getAllByRole('link');
    expect(choices.map((link) => link.textContent)).toEqual([
      expect.stringContaining(STOCK_A),
      expect.stringContaining(STOCK_D),
    ]);
    expect(screen.getByText('2 cars match: choose one.')).toBeDefined();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('list', { name: 'Cars found' })).toBeNull();

    await find('500123');
    await screen.findByRole('list', { name: 'Cars found' });
    // The button, then the first match: reached with Tab, opened with Enter.
    await user.tab();
    await user.tab();
    expect(document.activeElement?.textContent).toContain(STOCK_A);
    await user.keyboard('{Enter}');
    await waitFor(() => expect(app.location()).toBe(`/vehicles/${STOCK_A}`));
    await waitFor(() => expect(screen.queryByRole('list', { name: 'Cars found' })).toBeNull());
  });

  it('says when no car ends so, even where the stock search matches something else', async () => {
    const app = open('/');
    await find('ZZZZZ9');
    await screen.findByText('No car found whose VIN ends in ZZZZZ9.');
    // The inventory search looks at colors too: a color is no VIN.
    await find('REDRED');
    await screen.findByText('No car found whose VIN ends in REDRED.');
    await find('VINVINO');
    await screen.findByText('A VIN has no I, O or Q: check for a 1 or a 0.');
    expect(app.location()).toBe('/');
  });

  it('opens a whole VIN at once, even of a car not in inventory', async () => {
    const app = open('/');
    await find(OUTSIDE);
    await waitFor(() => expect(app.location()).toBe(`/vehicles/${OUTSIDE}`));
    await screen.findByText('Not in our inventory');
  });
});

describe('the vehicle page', () => {
  it('shows an outside car decoded, its voided sale and canceled visit with reasons, and a manager its history', async () => {
    open(`/vehicles/${OUTSIDE}`);
    await screen.findByText('Not in our inventory');
    expect(screen.getByText('North America')).toBeDefined();
    const salesTable = await screen.findByRole('table', { name: 'Sales of this car' });
    expect(await within(salesTable).findByText(/Customer changed mind/)).toBeDefined();
    const visits = await screen.findByRole('table', { name: 'Service appointments of this car' });
    expect(await within(visits).findByText(/Parts not in/)).toBeDefined();

    const history = await screen.findByRole('list', { name: 'History of changes to this car' });
    const lines = (await within(history).findAllByRole('listitem')).map((li) => li.textContent);
    // Newest first across services; ids resolved to the names of the sale and the appointment shown.
    expect(lines).toEqual([
      expect.stringContaining('Max ManagerManager voided the sale: Customer changed mind.'),
      expect.stringContaining('Sam CarterSalesperson recorded the sale to Olivia Brown for $24,500.00.'),
      expect.stringContaining('Max ManagerManager canceled the appointment: Parts not in.'),
      expect.stringContaining(
        'booked an appointment for Olivia Brown with Ada Lovelace for Fri, Dec 3, 2027, 9:00 AM.',
      ),
    ]);
  });

  it('shows a salesperson the car without the history, and asks no trail for it', async () => {
    open(`/vehicles/${OUTSIDE}`, 'sales');
    await screen.findByRole('table', { name: 'Sales of this car' });
    await screen.findByText(/Customer changed mind/);
    expect(screen.queryByRole('heading', { name: 'History of changes' })).toBeNull();
    expect(stub.requests.some((r) => r.includes('/api/audit/'))).toBe(false);
  });

  it('sends the old car address to the new one', async () => {
    const app = open(`/inventory/automobiles/${STOCK_B}`);
    await waitFor(() => expect(app.location()).toBe(`/vehicles/${STOCK_B}`));
    await screen.findByRole('heading', { level: 1, name: '2010 Records Motors Ledger' });
  });
});
