// @vitest-environment jsdom
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Role } from '@carcar/common/contract/permissions';
import { sampleVin } from '@carcar/common/vin/vin';
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { appHarness, send, staffMember } from './app-harness';
import { movement, part, repairOrder } from './fixtures';

// The parts counter's pages against a stand-in gateway over real HTTP: the list with its search and
// Low stock count, a new part, receiving stock, a manager's adjustment, the ledger, the CSV import,
// and the dashboard's low-stock card.

const pads = part('BP-1001', { description: 'Front brake pads', price: 89, cost: 41.5, on_hand: 1, reorder_point: 4 });
const oil = part('OIL-5W30', { description: 'Engine oil 5W-30', price: 8.5, on_hand: 40.5, reorder_point: 12 });
const filter = part('OF-22', { description: 'Oil filter', price: 12, on_hand: -2, reorder_point: 3 });

const order = repairOrder({ vin: sampleVin(880_201) });

interface Seen {
  method: string;
  path: string;
  body: string;
}
const stub = { role: 'service' as Role, parts: [pads, oil, filter], requests: [] as Seen[] };

async function handle(req: IncomingMessage, res: ServerResponse) {
  const url = new URL(req.url ?? '/', 'http://stub');
  const method = req.method ?? 'GET';
  let body = '';
  for await (const chunk of req) body += String(chunk);
  stub.requests.push({ method, path: `${url.pathname}${url.search}`, body });
  const path = url.pathname;
  if (path === '/auth/me') return send(res, 200, staffMember(stub.role, { name: 'Ava Advisor' }));
  if (path === '/service/api/parts/' && method === 'GET') {
    const q = (url.searchParams.get('q') ?? '').toLowerCase();
    const low = url.searchParams.get('low') === 'true';
    const rows = stub.parts
      .filter((p) => !q || `${p.number} ${p.description}`.toLowerCase().includes(q))
      .filter((p) => !low || p.on_hand <= p.reorder_point);
    const limit = Number(url.searchParams.get('limit') ?? rows.length);
    return send(res, 200, { parts: rows.slice(0, limit) }, { 'X-Total-Count': String(rows.length) });
  }
  if (path === '/service/api/parts/' && method === 'POST') {
    const input = JSON.parse(body) as { number: string; description: string; price: string };
    const created = part(input.number, { description: input.description, price: Number(input.price) });
    stub.parts.push(created);
    return send(res, 201, created);
  }
  if (path === '/service/api/parts/import/') {
    if (body.includes('BAD')) {
      return send(res, 400, {
        message: 'The file has 1 problem',
        code: 'validation',
        errors: [{ line: 3, path: 'price', message: 'Enter a price' }],
      });
    }
    const dry = url.searchParams.get('dry_run') === 'true';
    return send(res, 200, { created: dry ? 0 : 2, valid: 2, dry_run: dry });
  }
  const one = /^\/service\/api\/parts\/([^/]+)\/(.*)$/.exec(path);
  if (one) {
    const found = stub.parts.find((p) => p.number === decodeURIComponent(one[1] ?? ''));
    if (!found) return send(res, 404, { message: 'There is no such part', code: 'not_found' });
    if (one[2] === '' && method === 'GET') return send(res, 200, found);
    if (one[2] === 'receipts/' || one[2] === 'adjustments/') {
      const moved = { ...found, on_hand: found.on_hand + Number((JSON.parse(body) as { quantity: string }).quantity) };
      stub.parts = stub.parts.map((p) => (p.number === found.number ? moved : p));
      return send(res, 201, moved);
    }
    if (one[2] === 'movements/') {
      return send(
        res,
        200,
        {
          movements: [
            movement(3, {
              quantity: -2,
              reason: 'repair_order',
              repair_order: 12,
              actor: { service: 'carcar-gateway' },
            }),
            movement(2, { quantity: 1, reason: 'void', repair_order: 11 }),
            movement(1, { quantity: 5, reason: 'receipt', cost: 41.5, reference: 'INV-778' }),
          ],
        },
        { 'X-Total-Count': '3' },
      );
    }
  }
  if (path === '/service/api/repair-orders/5/') return send(res, 200, order);
  if (path === '/service/api/repair-orders/5/lines/') return send(res, 201, { id: 9, ...JSON.parse(body) });
  if (path === '/service/api/technicians/') return send(res, 200, { technicians: [] });
  if (path === '/service/api/shop-settings/') return send(res, 200, { labor_rate: 125, tax_rate: 8.25 });
  if (path === '/inventory/api/automobiles/' || path === '/sales/api/sales/' || path === '/service/api/appointments/') {
    return send(res, 200, { automobiles: [], sales: [], appointments: [] }, { 'X-Total-Count': '0' });
  }
  return send(res, 404, { message: `Nothing at ${path}.` });
}

const harness = appHarness(handle, () => {
  stub.role = 'service';
  stub.parts = [pads, oil, filter];
  stub.requests = [];
});

const slow = { timeout: 10_000 };
const sent = (method: string, path: string) => stub.requests.filter((r) => r.method === method && r.path === path);

function open(path: string, role: Role = 'service') {
  stub.role = role;
  const app = harness().mount(path);
  render(app.ui);
  return app;
}

describe('the parts list', () => {
  it('counts what is low, filters to it, searches, and marks low and backordered stock', async () => {
    const app = open('/service/parts');
    const table = await screen.findByRole('table', { name: 'Parts' }, slow);
    expect(within(table).getAllByRole('row')).toHaveLength(4);
    const filters = screen.getByRole('navigation', { name: 'Parts by stock' });
    const low = await within(filters).findByRole('link', { name: 'Low stock 2' });
    const padsRow = within(table).getByRole('link', { name: 'BP-1001' }).closest('tr') as HTMLElement;
    expect(within(padsRow).getByText('Low')).toBeDefined();
    const filterRow = within(table).getByRole('link', { name: 'OF-22' }).closest('tr') as HTMLElement;
    expect(within(filterRow).getByText('Backordered')).toBeDefined();

    const user = userEvent.setup();
    await user.click(low);
    await waitFor(() => expect(app.location()).toBe('/service/parts?low=true'));
    await screen.findByText('2 parts low on stock', {}, slow);
    expect(stub.requests.some((r) => r.path.startsWith('/service/api/parts/?low=true&limit=25'))).toBe(true);

    await user.type(screen.getByRole('searchbox', { name: 'Search' }), 'brake{Enter}');
    await screen.findByText(/1 part low on stock/, {}, slow);
    expect(stub.requests.some((r) => r.path.includes('q=brake') && r.path.includes('low=true'))).toBe(true);
  });

  it('adds a part with the API’s own checks, and offers writing only to those who may', async () => {
    open('/service/parts');
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'New part' }, slow));
    await user.type(screen.getByLabelText('Part number'), 'bad number!');
    await user.type(screen.getByLabelText('Description'), 'Cabin filter');
    await user.type(screen.getByLabelText('Price'), '24.999');
    await user.click(screen.getByRole('button', { name: 'Add part' }));
    await screen.findByText(/A part number starts with a letter or digit/);
    expect(sent('POST', '/service/api/parts/')).toEqual([]);
    await user.clear(screen.getByLabelText('Part number'));
    await user.type(screen.getByLabelText('Part number'), 'CF-9');
    await user.clear(screen.getByLabelText('Price'));
    await user.type(screen.getByLabelText('Price'), '24.99');
    await user.type(screen.getByLabelText('Opening stock (optional)'), '6');
    await user.click(screen.getByRole('button', { name: 'Add part' }));
    await waitFor(() => expect(sent('POST', '/service/api/parts/')).toHaveLength(1));
    expect(JSON.parse(sent('POST', '/service/api/parts/')[0]?.body ?? '')).toEqual({
      number: 'CF-9',
      description: 'Cabin filter',
      price: '24.99',
      on_hand: '6',
    });
    cleanup();
    open('/service/parts', 'technician');
    await screen.findByRole('table', { name: 'Parts' }, slow);
    expect(screen.queryByRole('button', { name: 'New part' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Import CSV' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Export CSV' })).toBeDefined();
  });
});

describe('one part', () => {
  it('receives stock with cost and reference, and shows the ledger in words', async () => {
    open('/service/parts/BP-1001');
    await screen.findByRole('heading', { level: 1, name: 'BP-1001: Front brake pads' }, slow);
    // An advisor receives but does not adjust.
    expect(screen.queryByRole('heading', { name: 'Adjust stock' })).toBeNull();
    const user = userEvent.setup();
    const receive = screen.getByRole('region', { name: 'Receive stock' });
    await user.type(within(receive).getByLabelText('Quantity'), '6');
    await user.type(within(receive).getByLabelText('Cost of one (optional)'), '40.25');
    await user.type(within(receive).getByLabelText('Reference (optional)'), 'INV-901');
    await user.click(within(receive).getByRole('button', { name: 'Receive' }));
    await waitFor(() => expect(sent('POST', '/service/api/parts/BP-1001/receipts/')).toHaveLength(1));
    expect(JSON.parse(sent('POST', '/service/api/parts/BP-1001/receipts/')[0]?.body ?? '')).toEqual({
      quantity: '6',
      cost: '40.25',
      reference: 'INV-901',
    });
    const ledger = await screen.findByRole('table', { name: 'Stock movements of BP-1001, newest first' });
    const rows = within(ledger).getAllByRole('row').slice(1);
    expect(rows.map((r) => r.textContent)).toEqual([
      expect.stringContaining('-2Repair orderRO 12The customer, through the approval link'),
      expect.stringContaining('+1Order voided: put backRO 11'),
      expect.stringContaining('+5ReceivedINV-778 at $41.50'),
    ]);
    expect(within(ledger).getByRole('link', { name: 'RO 12' }).getAttribute('href')).toBe('/service/repair-orders/12');
  });

  it('lets a manager adjust with a reason, which the form asks for', async () => {
    open('/service/parts/BP-1001', 'manager');
    const adjust = await screen.findByRole('region', { name: 'Adjust stock' }, slow);
    const user = userEvent.setup();
    await user.type(within(adjust).getByLabelText('Change'), '-1');
    await user.click(within(adjust).getByRole('button', { name: 'Adjust' }));
    await within(adjust).findByText('Enter the reason');
    await user.type(within(adjust).getByLabelText('Reason'), 'Damaged in the box');
    await user.click(within(adjust).getByRole('button', { name: 'Adjust' }));
    await waitFor(() => expect(sent('POST', '/service/api/parts/BP-1001/adjustments/')).toHaveLength(1));
    expect(JSON.parse(sent('POST', '/service/api/parts/BP-1001/adjustments/')[0]?.body ?? '')).toEqual({
      quantity: '-1',
      reason: 'Damaged in the box',
    });
  });

  it('says when there is no such part', async () => {
    open('/service/parts/NOPE-1');
    await screen.findByRole('heading', { name: 'Part not found' }, slow);
  });
});

describe('the parts import', () => {
  it('checks the file by a dry run, names a bad row by its line, then imports', async () => {
    open('/service/parts/import');
    const input = (await screen.findByLabelText('CSV file', {}, slow)) as HTMLInputElement;
    const user = userEvent.setup();
    await user.upload(
      input,
      new File(['number,description,price\nA-1,One,1\nBAD,Two,\n'], 'bad.csv', { type: 'text/csv' }),
    );
    await screen.findByText('Line 3, Price: Enter a price.', {}, slow);
    await user.upload(
      input,
      new File(['number,description,price\nA-1,One,1\nB-2,Two,2\n'], 'ok.csv', { type: 'text/csv' }),
    );
    await screen.findByText('All 2 parts in the file are ready to import.', {}, slow);
    await user.click(screen.getByRole('button', { name: 'Import 2 parts' }));
    await screen.findByText('Imported 2 parts.', {}, slow);
    expect(sent('POST', '/service/api/parts/import/?dry_run=true')).toHaveLength(2);
    expect(sent('POST', '/service/api/parts/import/')[0]?.body).toBe(
      'number,description,price\nA-1,One,1\nB-2,Two,2\n',
    );
  });
});

describe('the part picker on a repair order', () => {
  it('finds a part by its description, fills in its description and price, and says its stock', async () => {
    open('/service/repair-orders/5');
    const form = await screen.findByRole('form', { name: 'Add a line' }, slow);
    const user = userEvent.setup();
    await user.click(within(form).getByRole('radio', { name: 'Part' }));
    await user.type(within(form).getByRole('combobox', { name: 'Part number (optional)' }), 'brake');
    await user.click(await screen.findByRole('option', { name: /BP-1001 Front brake pads/ }, slow));
    expect((within(form).getByLabelText('Description') as HTMLInputElement).value).toBe('Front brake pads');
    expect(within(form).getByText('Front brake pads: 1 on hand.')).toBeDefined();
    expect(stub.requests.some((r) => r.path.startsWith('/service/api/parts/?q=brake'))).toBe(true);
    await user.click(within(form).getByRole('button', { name: /Add/ }));
    await waitFor(() => expect(sent('POST', '/service/api/repair-orders/5/lines/')).toHaveLength(1));
    expect(JSON.parse(sent('POST', '/service/api/repair-orders/5/lines/')[0]?.body ?? '')).toMatchObject({
      kind: 'part',
      part_number: 'BP-1001',
      description: 'Front brake pads',
      quantity: 1,
      unit_price: 89,
    });
  });
});

describe('the dashboard', () => {
  it('counts the parts low on stock for an advisor, and not for a technician', async () => {
    open('/');
    const card = (await screen.findByText('Parts low on stock', {}, slow)).closest('article') as HTMLElement;
    const link = await within(card).findByRole('link', { name: '2 parts low on stock: see them' }, slow);
    expect(link.getAttribute('href')).toBe('/service/parts?low=true');
    cleanup();
    open('/', 'technician');
    await screen.findByRole('heading', { level: 1 }, slow);
    expect(screen.queryByText('Parts low on stock')).toBeNull();
  });
});
