// @vitest-environment jsdom
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Role } from '@carcar/common/contract/permissions';
import type { RepairOrder, RepairOrderLine } from '@carcar/common/contract/repair-orders';
import { sampleVin } from '@carcar/common/vin/vin';
import { cleanup, render, screen, waitFor as waitForOnce, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { appHarness, type MountedApp, send, staffMember } from './app-harness';
import { orderLine, orderTotals, repairOrder } from './fixtures';

// The repair-order pages against a stand-in gateway over real HTTP: what the app sends the Service
// API for each step of an order (write-up, lines, estimate, approvals, invoice, payments, void, the
// technician's clock) and what it makes of the answers, 409s included.

const VIN = sampleVin(880_001);
const OTHER_VIN = sampleVin(880_002);
const ADA = 4;

function order(id: number, fields: Partial<RepairOrder> = {}): RepairOrder {
  return repairOrder({
    id,
    vin: VIN,
    customer: { name: 'Jane Doe', phone: '+1 555 010 0000', email: null },
    concern: 'Grinding noise when braking',
    advisor: { id: '2', name: 'Ava Advisor' },
    ...fields,
  });
}

const ada = { id: ADA, first_name: 'Ada', last_name: 'Lovelace', employee_id: 'T-100', active: true };

interface Stub {
  role: Role;
  orders: RepairOrder[];
  requests: { method: string; path: string; body: unknown }[];
  /** An answer to give instead of the usual one, by "METHOD path". */
  override: Map<string, { status: number; body: unknown }>;
}
const stub: Stub = { role: 'service', orders: [], requests: [], override: new Map() };

async function bodyOf(req: IncomingMessage): Promise<unknown> {
  let text = '';
  for await (const chunk of req) text += String(chunk);
  return text ? JSON.parse(text) : undefined;
}

const listed = (res: ServerResponse, rows: RepairOrder[], limit: number | null, offset: number) =>
  send(
    res,
    200,
    { repair_orders: limit === null ? rows : rows.slice(offset, offset + limit) },
    {
      'X-Total-Count': String(rows.length),
    },
  );

async function handle(req: IncomingMessage, res: ServerResponse) {
  const url = new URL(req.url ?? '/', 'http://stub');
  const path = url.pathname;
  const method = req.method ?? 'GET';
  const body = await bodyOf(req);
  stub.requests.push({ method, path: `${path}${url.search}`, body });
  const special = stub.override.get(`${method} ${path}`);
  if (special) return send(res, special.status, special.body);
  if (path === '/auth/me') {
    return send(
      res,
      200,
      staffMember(stub.role, {
        name: stub.role === 'technician' ? 'Ada Lovelace' : 'Ava Advisor',
        technician_id: stub.role === 'technician' ? ADA : null,
      }),
    );
  }
  if (path === '/service/api/technicians/') return send(res, 200, { technicians: [ada] });
  if (path === '/service/api/shop-settings/') {
    return method === 'PUT' ? send(res, 200, body) : send(res, 200, { labor_rate: 125, tax_rate: 8.25 });
  }
  if (path === '/service/api/repair-orders/' && method === 'GET') {
    const p = url.searchParams;
    const q = (p.get('q') ?? '').toLowerCase();
    const rows = stub.orders
      .filter((o) => !p.get('status') || o.status === p.get('status'))
      .filter((o) => !p.get('vin') || o.vin === p.get('vin'))
      .filter((o) => !p.get('technician') || o.lines.some((l) => l.technician === Number(p.get('technician'))))
      .filter((o) => !q || `${o.customer.name} ${o.concern} ${o.vin}`.toLowerCase().includes(q))
      .sort((a, b) => b.id - a.id);
    return listed(res, rows, p.get('limit') ? Number(p.get('limit')) : null, Number(p.get('offset') ?? 0));
  }
  if (path === '/service/api/repair-orders/' && method === 'POST') {
    const created = order(90, { status: 'open' });
    stub.orders.push(created);
    return send(res, 201, created);
  }
  const one = /^\/service\/api\/repair-orders\/(\d+)\/(.*)$/.exec(path);
  if (one) {
    const found = stub.orders.find((o) => o.id === Number(one[1]));
    if (!found) return send(res, 404, { message: 'Does not exist', code: 'not_found' });
    const rest = one[2] ?? '';
    if (rest === '' && method === 'GET') return send(res, 200, found);
    if (rest === 'estimate/') {
      return send(res, 200, { approval_url: '/approve/tok123', expires_at: '2027-03-08T09:00:00Z' });
    }
    if (rest === 'lines/' && method === 'POST') return send(res, 201, orderLine(77, body as Partial<RepairOrderLine>));
    if (rest === 'approvals/') return send(res, 200, found);
    if (rest === 'payments/') {
      const paid = found.totals.paid + (body as { amount: number }).amount;
      const after = { ...found, totals: { ...found.totals, paid, balance: found.totals.total - paid } };
      return send(res, 201, after);
    }
    if (rest === '' && method === 'PUT') {
      // The fields given change; the customer's are merged as the API does.
      const change = body as Partial<Pick<RepairOrder, 'customer' | 'mileage' | 'concern'>>;
      const updated = { ...found, ...change, customer: { ...found.customer, ...change.customer } };
      stub.orders = stub.orders.map((o) => (o.id === found.id ? updated : o));
      return send(res, 200, updated);
    }
    if (rest === '' && method === 'DELETE') return send(res, 200, { ...found, status: 'void' });
    if (/^lines\/\d+\/(clock|done)\/$/.test(rest)) return send(res, 200, found.lines[0]);
    if (/^lines\/\d+\/$/.test(rest) && method === 'PUT') return send(res, 200, found.lines[0]);
  }
  if (path === '/service/api/appointments/7/') {
    return send(res, 200, {
      id: 7,
      date_time: '2027-03-01T09:00:00Z',
      duration_minutes: 60,
      reason: 'Brakes squeal',
      status: 'created',
      vin: VIN,
      customer: 'Jane Doe',
      technician: ada,
      vip: false,
      cancel_reason: null,
    });
  }
  if (path === `/inventory/api/automobiles/${VIN}/`) return send(res, 404, { message: 'Does not exist' });
  if (path === '/service/api/appointments/' || path === '/sales/api/sales/') {
    return send(res, 200, { appointments: [], sales: [] }, { 'X-Total-Count': '0' });
  }
  return send(res, 404, { message: `Nothing at ${path}.` });
}

const harness = appHarness(handle, () => {
  stub.role = 'service';
  stub.orders = [];
  stub.requests = [];
  stub.override.clear();
});
beforeEach(() => {
  localStorage.clear();
});

function open(path: string, role: Role = 'service'): MountedApp {
  stub.role = role;
  const app = harness().mount(path);
  render(app.ui);
  return app;
}

/** Waits as long as a busy machine needs for what a click sets off (a request and its answer). */
const waitFor = <T,>(check: () => T | Promise<T>) => waitForOnce(check, slow);

const sent = (method: string, path: string) => stub.requests.filter((r) => r.method === method && r.path === path);
// The pages are lazy chunks and every step is a request: a busy machine takes a while.
const slow = { timeout: 20_000 };

describe('the repair orders list', () => {
  it('counts each status, filters by status, search and VIN, and opens an order from its row', async () => {
    stub.orders = [
      order(1, { status: 'closed', customer: { name: 'Old Customer', phone: null, email: null } }),
      order(2, { status: 'in_progress', vin: OTHER_VIN, concern: 'Oil change' }),
      order(3, { status: 'in_progress' }),
    ];
    const app = open('/service/repair-orders');
    const table = await screen.findByRole('table', { name: 'Repair orders' }, slow);
    // Newest first, as the API answers.
    const links = within(table).getAllByRole('link', { name: /^RO \d+, / });
    expect(links.map((l) => l.textContent)).toEqual(['RO 3', 'RO 2', 'RO 1']);
    const statuses = screen.getByRole('navigation', { name: 'Repair orders by status' });
    await within(statuses).findByRole('link', { name: 'In progress 2' }, slow);
    expect(within(statuses).getByRole('link', { name: 'Closed 1' })).toBeDefined();
    expect(within(statuses).getByRole('link', { name: 'All 3' })).toBeDefined();

    const user = userEvent.setup();
    await user.click(within(statuses).getByRole('link', { name: 'In progress 2' }));
    await waitFor(() => expect(app.location()).toBe('/service/repair-orders?status=in_progress'));
    await screen.findByText('2 repair orders, in progress', {}, slow);

    await user.type(screen.getByLabelText('VIN'), OTHER_VIN.toLowerCase());
    await waitFor(() => expect(app.location()).toContain(`vin=${OTHER_VIN}`));
    await screen.findByText('1 repair order, in progress', {}, slow);
    expect(
      stub.requests.some((r) => r.path.includes(`vin=${OTHER_VIN}`) && r.path.includes('status=in_progress')),
    ).toBe(true);

    await user.click(screen.getByRole('link', { name: 'RO 2, Jane Doe' }));
    await waitFor(() => expect(app.location()).toBe('/service/repair-orders/2'));
    await screen.findByRole('heading', { level: 1, name: /RO 2: Jane Doe/ }, slow);
  });

  it('offers New repair order to an advisor, not to a technician', async () => {
    open('/service/repair-orders');
    await screen.findByText('No repair orders yet.', {}, slow);
    expect(screen.getByRole('button', { name: 'New repair order' })).toBeDefined();
    expect(screen.getByRole('navigation', { name: 'Main' }).textContent).toContain('New repair order');
    cleanup();
    open('/service/repair-orders', 'technician');
    await screen.findByRole('heading', { level: 1, name: 'Repair orders' }, slow);
    expect(screen.queryByRole('button', { name: 'New repair order' })).toBeNull();
    expect(screen.getByRole('navigation', { name: 'Main' }).textContent).not.toContain('New repair order');
    expect(screen.getByRole('navigation', { name: 'Main' }).textContent).toContain('Repair orders');
  });
});

describe('a walk-in', () => {
  it('checks the form in words, sends the customer nested, and opens the new order', async () => {
    const app = open('/service/repair-orders/new');
    const form = await screen.findByRole('form', { name: 'New repair order' }, slow);
    const user = userEvent.setup();
    await user.click(within(form).getByRole('button', { name: 'Open repair order' }));
    await screen.findByText('A VIN has 17 characters', {}, slow);
    expect(screen.getByText('Enter the customer’s name')).toBeDefined();
    expect(sent('POST', '/service/api/repair-orders/')).toEqual([]);

    await user.type(within(form).getByLabelText('VIN'), VIN.toLowerCase());
    await user.type(within(form).getByLabelText('Mileage'), '42150');
    await user.type(within(form).getByLabelText('Customer name'), 'Jane Doe');
    await user.type(within(form).getByLabelText('Phone (optional)'), '+1 555 010 0000');
    await user.type(within(form).getByLabelText('Concern'), 'Grinding noise when braking');
    await user.click(within(form).getByRole('button', { name: 'Open repair order' }));
    await waitFor(() => expect(app.location()).toBe('/service/repair-orders/90'));
    expect(sent('POST', '/service/api/repair-orders/')[0]?.body).toEqual({
      vin: VIN,
      customer: { name: 'Jane Doe', phone: '+1 555 010 0000' },
      mileage: 42150,
      concern: 'Grinding noise when braking',
    });
  });

  it('puts the API’s field errors next to the fields (customer.name is the name box)', async () => {
    stub.override.set('POST /service/api/repair-orders/', {
      status: 400,
      body: {
        message: 'Invalid request',
        code: 'validation_error',
        errors: [{ path: 'customer.name', message: 'The name is too odd' }],
      },
    });
    open('/service/repair-orders/new');
    const form = await screen.findByRole('form', { name: 'New repair order' }, slow);
    const user = userEvent.setup();
    await user.type(within(form).getByLabelText('VIN'), VIN);
    await user.type(within(form).getByLabelText('Mileage'), '10');
    await user.type(within(form).getByLabelText('Customer name'), 'X');
    await user.type(within(form).getByLabelText('Concern'), 'Noise');
    await user.click(within(form).getByRole('button', { name: 'Open repair order' }));
    const message = await screen.findByText('The name is too odd', {}, slow);
    expect(within(form).getByLabelText('Customer name').getAttribute('aria-describedby')).toBe(message.id);
  });
});

describe('the repair order page', () => {
  const brakes = orderLine(11, {
    description: 'Replace front pads',
    hours: 1.5,
    rate: 125,
    amount: 187.5,
    technician: ADA,
  });
  const rotors = orderLine(12, { description: 'Resurface rotors', hours: 1, rate: 125, amount: 125 });
  const pads = orderLine(13, {
    kind: 'part',
    description: 'Brake pad set',
    hours: null,
    rate: null,
    part_number: 'BP-100',
    quantity: 2,
    unit_price: 45.5,
    amount: 91,
  });

  it('shows the lines with their figures and the totals, and adds labor at the shop’s rate', async () => {
    stub.orders = [
      order(5, {
        lines: [brakes, { ...rotors, status: 'declined' }, { ...pads, status: 'approved' }],
        totals: orderTotals({ parts: 91, subtotal: 91, tax: 7.51, total: 98.51, balance: 98.51 }),
      }),
    ];
    open('/service/repair-orders/5');
    const lines = await screen.findByRole('table', { name: 'Lines of this repair order' }, slow);
    const pad = within(lines).getByTestId('line-11');
    expect(pad.textContent).toContain('1.5 h × $125.00');
    expect(pad.textContent).toContain('$187.50');
    // The technician's name once the technicians are in (a picker while the line can change hands).
    await waitFor(() => expect(pad.textContent).toContain('Ada Lovelace'));
    expect(pad.textContent).toContain('Proposed');
    expect(within(lines).getByTestId('line-13').textContent).toContain('2 × $45.50');
    expect(within(lines).getByTestId('line-12').textContent).toContain('Declined');
    expect(screen.getByTestId('total-tax').textContent).toBe('$7.51');
    expect(screen.getByTestId('total-balance').textContent).toBe('$98.51');

    const form = screen.getByRole('form', { name: 'Add a line' });
    const rate = within(form).getByLabelText('Rate per hour') as HTMLInputElement;
    await waitFor(() => expect(rate.value).toBe('125.00'));
    const user = userEvent.setup();
    await user.type(within(form).getByLabelText('Description'), 'Brake fluid flush');
    await user.type(within(form).getByLabelText('Hours'), '0.7');
    await user.selectOptions(within(form).getByLabelText('Technician'), 'Ada Lovelace');
    // 0.7 h × $125.00 = $87.50, as the API will compute it.
    expect(within(form).getByText('$87.50')).toBeDefined();
    await user.click(within(form).getByRole('button', { name: 'Add labor line' }));
    await waitFor(() =>
      expect(sent('POST', '/service/api/repair-orders/5/lines/')[0]?.body).toEqual({
        kind: 'labor',
        description: 'Brake fluid flush',
        hours: 0.7,
        rate: 125,
        technician: ADA,
      }),
    );

    await user.click(within(form).getByRole('radio', { name: 'Part' }));
    await user.type(await within(form).findByLabelText('Part number (optional)', {}, slow), 'BP-100');
    await user.clear(within(form).getByLabelText('Quantity'));
    await user.type(within(form).getByLabelText('Quantity'), '4.5');
    await user.click(within(form).getByRole('button', { name: 'Add part line' }));
    await waitFor(() =>
      expect(sent('POST', '/service/api/repair-orders/5/lines/')[1]?.body).toEqual({
        kind: 'part',
        part_number: 'BP-100',
        quantity: 4.5,
      }),
    );
  });

  it('sends the estimate and shows the approval link to copy', async () => {
    stub.orders = [order(5, { lines: [brakes] })];
    open('/service/repair-orders/5');
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Send estimate' }, slow));
    const link = (await screen.findByLabelText('Link', {}, slow)) as HTMLInputElement;
    expect(link.value).toBe(`${window.location.origin}/approve/tok123`);
    expect(screen.getByRole('region', { name: 'Approval link for Jane Doe' })).toBeDefined();
    expect(screen.getByRole('button', { name: 'Copy link' })).toBeDefined();
    expect(sent('POST', '/service/api/repair-orders/5/estimate/')).toHaveLength(1);
  });

  it('assigns a technician in the table, and records a phone approval: one line approved, one declined', async () => {
    stub.orders = [order(5, { status: 'estimate', lines: [brakes, rotors] })];
    open('/service/repair-orders/5');
    const user = userEvent.setup();
    // Who works a line is chosen in the table, even before the customer decides.
    const picker = await screen.findByLabelText('Technician for Resurface rotors', {}, slow);
    await within(picker).findByRole('option', { name: 'Ada Lovelace' }, slow);
    await user.selectOptions(picker, 'Ada Lovelace');
    await waitFor(() =>
      expect(sent('PUT', '/service/api/repair-orders/5/lines/12/')[0]?.body).toEqual({ technician: ADA }),
    );
    await user.click(screen.getByRole('button', { name: 'Record approval' }));
    const form = screen.getByRole('form', { name: "Record the customer's decision" });
    await user.click(within(form).getByRole('button', { name: 'Save decisions' }));
    expect(within(form).getByRole('alert').textContent).toBe('Choose Approve or Decline for at least one line.');
    await user.click(
      within(within(form).getByRole('group', { name: 'Decision on Replace front pads' })).getByLabelText('Approve'),
    );
    await user.click(
      within(within(form).getByRole('group', { name: 'Decision on Resurface rotors' })).getByLabelText('Decline'),
    );
    await user.clear(within(form).getByLabelText('Decided by'));
    await user.type(within(form).getByLabelText('Decided by'), 'John Doe');
    await user.click(within(form).getByRole('button', { name: 'Save decisions' }));
    await waitFor(() =>
      expect(sent('POST', '/service/api/repair-orders/5/approvals/')[0]?.body).toEqual({
        decisions: [
          { line: 11, approved: true },
          { line: 12, approved: false },
        ],
        name: 'John Doe',
        method: 'phone',
      }),
    );
  });

  it('says in words why it cannot be invoiced yet (the API’s 409)', async () => {
    stub.orders = [order(5, { status: 'in_progress', lines: [{ ...brakes, status: 'approved' }] })];
    const why = 'Repair order 5 cannot be invoiced yet: labor line 11 (Replace front pads) is not done';
    stub.override.set('POST /service/api/repair-orders/5/invoice/', {
      status: 409,
      body: { message: why, code: 'conflict' },
    });
    open('/service/repair-orders/5');
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Invoice…' }, slow));
    await user.click(
      within(screen.getByRole('dialog', { name: 'Invoice this repair order?' })).getByRole('button', {
        name: 'Invoice',
      }),
    );
    const refusal = await screen.findByTestId('invoice-refusal', {}, slow);
    expect(refusal.textContent).toBe(`Not ready to invoice. ${why}`);
    // An advisor marks an approved line done from here (a part fitted, a technician's job).
    await user.click(screen.getByRole('button', { name: 'Mark done: Replace front pads' }));
    await waitFor(() => expect(sent('POST', '/service/api/repair-orders/5/lines/11/done/')).toHaveLength(1));
  });

  it('takes a payment starting at the balance, and a second one for the rest', async () => {
    stub.orders = [
      order(5, {
        status: 'invoiced',
        invoiced_at: '2027-03-02T09:00:00Z',
        lines: [{ ...brakes, status: 'done' }],
        totals: orderTotals({ labor: 187.5, subtotal: 187.5, tax: 15.47, total: 202.97, balance: 202.97 }),
      }),
    ];
    open('/service/repair-orders/5');
    const form = await screen.findByRole('form', { name: 'Take payment' }, slow);
    const amount = within(form).getByLabelText('Amount') as HTMLInputElement;
    expect(amount.value).toBe('202.97');
    // Invoiced: nothing but payments and printing.
    expect(screen.queryByRole('form', { name: 'Add a line' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Void…' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Print invoice' })).toBeDefined();
    const user = userEvent.setup();
    await user.clear(amount);
    await user.type(amount, '100');
    await user.selectOptions(within(form).getByLabelText('Method'), 'Check');
    await user.type(within(form).getByLabelText('Reference (optional)'), '1042');
    await user.click(within(form).getByRole('button', { name: 'Take payment' }));
    await waitFor(() =>
      expect(sent('POST', '/service/api/repair-orders/5/payments/')[0]?.body).toEqual({
        amount: 100,
        method: 'check',
        reference: '1042',
      }),
    );
    await waitFor(() =>
      expect(
        (within(screen.getByRole('form', { name: 'Take payment' })).getByLabelText('Amount') as HTMLInputElement).value,
      ).toBe('102.97'),
    );
  });

  it('voids with a reason after asking', async () => {
    stub.orders = [order(5, { lines: [brakes] })];
    open('/service/repair-orders/5');
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Void…' }, slow));
    const dialog = screen.getByRole('dialog', { name: 'Void this repair order?' });
    await user.click(within(dialog).getByRole('button', { name: 'Void repair order' }));
    expect(within(dialog).getByText('Say why the order is voided: the reason is kept with it.')).toBeDefined();
    await user.type(within(dialog).getByLabelText('Reason for voiding (required)'), 'Customer took the car elsewhere');
    await user.click(within(dialog).getByRole('button', { name: 'Void repair order' }));
    await waitFor(() =>
      expect(sent('DELETE', '/service/api/repair-orders/5/')[0]?.body).toEqual({
        reason: 'Customer took the car elsewhere',
      }),
    );
  });

  it('edits the write-up until it is invoiced', async () => {
    stub.orders = [order(5)];
    open('/service/repair-orders/5');
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Edit write-up' }, slow));
    const form = screen.getByRole('form', { name: 'Edit the write-up' });
    await user.clear(within(form).getByLabelText('Mileage'));
    await user.type(within(form).getByLabelText('Mileage'), '42200');
    await user.type(within(form).getByLabelText('Email (optional)'), 'jane@example.com');
    // An emptied phone is cleared, not kept.
    await user.clear(within(form).getByLabelText('Phone (optional)'));
    await user.click(within(form).getByRole('button', { name: 'Save write-up' }));
    await screen.findByText('42,200 miles', {}, slow);
    expect(sent('PUT', '/service/api/repair-orders/5/')[0]?.body).toEqual({
      customer: { name: 'Jane Doe', phone: null, email: 'jane@example.com' },
      mileage: 42200,
      concern: 'Grinding noise when braking',
    });
    cleanup();
    stub.orders = [order(6, { status: 'invoiced', invoiced_at: '2027-03-02T09:00:00Z' })];
    open('/service/repair-orders/6');
    await screen.findByRole('heading', { name: 'Write-up' }, slow);
    expect(screen.queryByRole('button', { name: 'Edit write-up' })).toBeNull();
  });

  it('says so for an order that does not exist', async () => {
    open('/service/repair-orders/404');
    await screen.findByRole('heading', { name: 'Repair order not found' }, slow);
    expect(screen.getByRole('link', { name: 'Back to repair orders' })).toBeDefined();
  });
});

describe('My work, for a technician', () => {
  it('lists their approved lines, clocks on and off with one clock shown, and marks done', async () => {
    stub.orders = [
      order(5, {
        status: 'in_progress',
        lines: [
          orderLine(11, { description: 'Replace front pads', technician: ADA, status: 'approved', hours: 1.5 }),
          orderLine(12, { description: 'Someone else’s job', technician: 9, status: 'approved' }),
          orderLine(13, { description: 'Rotate tires', technician: ADA, status: 'approved', hours: 0.5 }),
        ],
      }),
    ];
    open('/', 'technician');
    const pads = await screen.findByTestId('my-line-11', {}, slow);
    expect(screen.queryByText('Someone else’s job')).toBeNull();
    expect(stub.requests.some((r) => r.path.startsWith(`/service/api/repair-orders/?technician=${ADA}`))).toBe(true);
    const user = userEvent.setup();
    await user.click(within(pads).getByRole('button', { name: /^Clock on/ }));
    await screen.findByText('On the clock:', {}, slow);
    expect(sent('POST', '/service/api/repair-orders/5/lines/11/clock/')[0]?.body).toEqual({ action: 'on' });
    expect(within(pads).getByRole('button', { name: /^Clock off/ })).toBeDefined();
    // One clock: the other line says so.
    expect(within(screen.getByTestId('my-line-13')).getByText(/Your clock runs on another line/)).toBeDefined();

    await user.click(within(pads).getByRole('button', { name: /^Clock off/ }));
    await waitFor(() => expect(screen.queryByText('On the clock:')).toBeNull());
    expect(sent('POST', '/service/api/repair-orders/5/lines/11/clock/')[1]?.body).toEqual({ action: 'off' });

    await user.click(within(pads).getByRole('button', { name: /^Done/ }));
    await user.click(
      within(screen.getByRole('dialog', { name: 'Mark this line done?' })).getByRole('button', { name: 'Mark done' }),
    );
    await waitFor(() => expect(sent('POST', '/service/api/repair-orders/5/lines/11/done/')).toHaveLength(1));
  });

  it('shows the clock where the API says it runs when clocking on is refused', async () => {
    stub.orders = [
      order(5, {
        status: 'in_progress',
        lines: [
          orderLine(11, { description: 'Replace front pads', technician: ADA, status: 'approved' }),
          orderLine(13, { description: 'Rotate tires', technician: ADA, status: 'approved' }),
        ],
      }),
    ];
    stub.override.set('POST /service/api/repair-orders/5/lines/13/clock/', {
      status: 409,
      body: { message: 'The clock of technician 4 is already running on line 11', code: 'conflict', line: 11 },
    });
    open('/', 'technician');
    const tires = await screen.findByTestId('my-line-13', {}, slow);
    const user = userEvent.setup();
    await user.click(within(tires).getByRole('button', { name: /^Clock on/ }));
    await screen.findByText('The clock of technician 4 is already running on line 11', {}, slow);
    expect(within(screen.getByTestId('my-line-11')).getByText('On the clock')).toBeDefined();
  });
});

describe('the other pages', () => {
  it('lists the car’s repair orders and its declined work on the vehicle page', async () => {
    stub.orders = [
      order(5, {
        status: 'closed',
        lines: [
          orderLine(11, { description: 'Replace front pads', status: 'done' }),
          orderLine(12, {
            description: 'Resurface rotors',
            status: 'declined',
            amount: 125,
            approval: { by: 'customer', name: 'Jane Doe', method: 'link', at: '2027-03-01T10:00:00Z' },
          }),
        ],
      }),
    ];
    open(`/vehicles/${VIN}`, 'manager');
    const orders = await screen.findByRole('table', { name: 'Repair orders of this car' }, slow);
    expect(within(orders).getByRole('link', { name: 'RO 5' })).toBeDefined();
    const declined = screen.getByRole('table', { name: 'Work declined on this car' });
    expect(declined.textContent).toContain('Resurface rotors');
    expect(declined.textContent).toContain('$125.00');
  });

  it('starts a repair order from an appointment with only the mileage to type', async () => {
    const app = open('/service/appointments/7');
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Start repair order' }, slow));
    const form = screen.getByRole('form', { name: 'Start a repair order' });
    expect(form.textContent).toContain('Brakes squeal');
    await user.type(within(form).getByLabelText('Mileage'), '42,150');
    await user.click(within(form).getByRole('button', { name: 'Open repair order' }));
    await waitFor(() => expect(app.location()).toBe('/service/repair-orders/90'));
    expect(sent('POST', '/service/api/repair-orders/')[0]?.body).toEqual({ appointment: 7, mileage: 42150 });
  });

  it('lets a manager change the shop settings, and not an advisor', async () => {
    open('/service/shop-settings', 'manager');
    const form = await screen.findByRole('form', { name: 'Shop settings' }, slow);
    const rate = within(form).getByLabelText('Labor rate (per hour)') as HTMLInputElement;
    expect(rate.value).toBe('125.00');
    const user = userEvent.setup();
    await user.clear(within(form).getByLabelText('Tax rate (%)'));
    await user.type(within(form).getByLabelText('Tax rate (%)'), '8.875');
    await user.click(within(form).getByRole('button', { name: 'Save settings' }));
    await waitFor(() =>
      expect(sent('PUT', '/service/api/shop-settings/')[0]?.body).toEqual({ labor_rate: 125, tax_rate: 8.875 }),
    );
    cleanup();
    open('/service/shop-settings', 'service');
    await screen.findByRole('heading', { name: 'No access' }, slow);
  });
});
