// @vitest-environment jsdom
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Role } from '@carcar/common/contract/permissions';
import { sampleVin } from '@carcar/common/vin/vin';
import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { appHarness, send, staffMember } from './app-harness';

// Stock by age, the one page about the cars' ages, against a stand-in gateway over real HTTP: what
// it shows each role, and the managers' old report address leading to it.

let role: Role = 'manager';
const requests: string[] = [];

const OLD = sampleVin(810_001);
const FRESH = sampleVin(810_002);

/** A car as inventory answers it: `cost` only to those holding `inventory.cost`. */
function car(vin: string, days: number, acquired: string, cost: number | null, seesCost: boolean) {
  return {
    id: days,
    vin,
    color: 'red',
    year: 2019,
    sold: false,
    model: { id: 1, name: 'Ledger', picture_url: null, manufacturer: { id: 1, name: 'Records Motors' } },
    condition: 'used',
    odometer: 41000,
    list_price: 18000,
    created_at: '2026-12-01T09:00:00.000Z',
    acquired_at: acquired,
    days_in_stock: days,
    ...(seesCost ? { cost } : {}),
  };
}

function handle(req: IncomingMessage, res: ServerResponse) {
  const url = new URL(req.url ?? '/', 'http://stub');
  requests.push(`${url.pathname}${url.search}`);
  if (url.pathname === '/auth/me') return send(res, 200, staffMember(role, { name: 'Morgan Lee' }));
  if (url.pathname === '/inventory/api/automobiles/') {
    const seesCost = role === 'manager' || role === 'admin';
    const autos = [
      car(FRESH, 3, '2026-12-03T10:00:00.000Z', null, seesCost),
      car(OLD, 400, '2025-11-01T10:00:00.000Z', 9500.5, seesCost),
    ];
    return send(res, 200, { autos }, { 'X-Total-Count': '2' });
  }
  return send(res, 404, { message: 'Does not exist', code: 'not_found' });
}

const harness = appHarness(handle, () => {
  requests.length = 0;
});

const slow = { timeout: 10_000 };

const headers = (name: string) =>
  within(screen.getByRole('table', { name }))
    .getAllByRole('columnheader')
    .map((cell) => cell.textContent);

describe('stock by age', () => {
  it('shows a manager the days from acquisition, oldest first, and the cost tied up', async () => {
    role = 'manager';
    render(harness().mount('/inventory/aging').ui);
    await screen.findByRole('heading', { level: 1, name: 'Stock by age' }, slow);
    const list = await screen.findByRole('table', { name: 'Unsold cars, oldest first' }, slow);
    await within(list).findByText('400 days', {}, slow);
    expect(headers('Unsold cars by days in stock')).toEqual(['Days in stock', 'Cars', 'Cost tied up']);
    expect(headers('Unsold cars, oldest first')).toEqual(
      expect.arrayContaining(['In stock', 'Acquired', 'VIN', 'List price', 'Cost']),
    );
    const rows = within(list).getAllByRole('row').slice(1);
    // The car bought last year first, with its cost; the unknown cost said so.
    expect(rows[0]?.textContent).toContain(OLD);
    expect(rows[0]?.textContent).toContain('$9,500.50');
    expect(rows[1]?.textContent).toContain('unknown');
    expect(screen.getByRole('link', { name: 'Over 90 days: 1 car' })).toBeTruthy();
    // One request for the page: the unsold stock, never the managers' report.
    expect(requests.filter((path) => path.startsWith('/inventory/'))).toEqual([
      '/inventory/api/automobiles/?sold=false',
    ]);
  });

  it('shows a salesperson the same ages without any cost column', async () => {
    role = 'sales';
    render(harness().mount('/inventory/aging').ui);
    const list = await screen.findByRole('table', { name: 'Unsold cars, oldest first' }, slow);
    await within(list).findByText('400 days', {}, slow);
    expect(headers('Unsold cars by days in stock')).toEqual(['Days in stock', 'Cars']);
    expect(headers('Unsold cars, oldest first')).not.toContain('Cost');
    expect(screen.queryByText(/Cost/)).toBeNull();
  });

  it('is one entry in the navigation, under Inventory', async () => {
    role = 'manager';
    render(harness().mount('/inventory/aging').ui);
    await screen.findByRole('heading', { level: 1, name: 'Stock by age' }, slow);
    const links = within(screen.getByRole('navigation', { name: 'Main' })).getAllByRole('link');
    const aging = links.filter((link) => /age|aging/i.test(link.textContent ?? ''));
    expect(aging.map((link) => [link.textContent, link.getAttribute('href')])).toEqual([
      ['Stock by age', '/inventory/aging'],
    ]);
  });

  it('is where the old report address leads, for a bookmark', async () => {
    role = 'manager';
    const app = harness().mount('/reports/inventory-aging?from=2026-01-01');
    render(app.ui);
    await screen.findByRole('heading', { level: 1, name: 'Stock by age' }, slow);
    expect(app.location()).toBe('/inventory/aging');
  });
});
