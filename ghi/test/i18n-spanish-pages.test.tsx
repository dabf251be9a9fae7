// @vitest-environment jsdom
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Role } from '@carcar/common/contract/permissions';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { send, spanishAppHarness, staffMember } from './app-harness';

// Pages of the inventory, admin and reports namespaces, and the shared components' own words
// (the components namespace), for someone who chose Spanish on this browser before.

let role: Role = 'manager';

const car = {
  vin: '1C3CC5FB0AN000001',
  color: 'rojo',
  year: 2010,
  model: { id: 1, name: 'Ledger', picture_url: null, manufacturer: { id: 1, name: 'Records Motors' } },
  sold: false,
  condition: 'used',
  odometer: 12000,
  list_price: 15000,
  cost: null,
  created_at: '2026-12-05T09:00:00.000Z',
  acquired_at: '2026-12-05T09:00:00.000Z',
  days_in_stock: 1,
};

function handle(req: IncomingMessage, res: ServerResponse) {
  const path = new URL(req.url ?? '/', 'http://stub').pathname;
  if (path === '/auth/me') return send(res, 200, staffMember(role, { name: 'Marta Ruiz' }));
  if (path === '/auth/webhooks') return send(res, 200, { webhooks: [] });
  if (path === '/inventory/api/automobiles/') return send(res, 200, { autos: [car] }, { 'X-Total-Count': '1' });
  return send(res, 404, { message: 'Does not exist', code: 'not_found' });
}

// Chosen on this browser before: the app starts in Spanish.
const harness = spanishAppHarness(handle);

const slow = { timeout: 10_000 };

describe('pages in Spanish', () => {
  it('the webhooks page', async () => {
    role = 'admin';
    render(harness().mount('/admin/webhooks').ui);
    // The form opens in a drawer from the list's primary action.
    await userEvent.click(await screen.findByRole('button', { name: 'Crear webhook' }, slow));
    expect(await screen.findByRole('form', { name: 'Crear un webhook' }, slow)).toBeTruthy();
    expect(screen.getByLabelText('URL del receptor')).toBeTruthy();
    expect(within(screen.getByRole('dialog')).getByRole('button', { name: 'Crear webhook' })).toBeTruthy();
    expect(await screen.findByText('Todavía no hay webhooks.', {}, slow)).toBeTruthy();
  });

  it('the stock by age, with the buckets, days and condition', async () => {
    role = 'manager';
    render(harness().mount('/inventory/aging').ui);
    expect(await screen.findByRole('heading', { level: 1, name: 'Existencias por antigüedad' }, slow)).toBeTruthy();
    const table = await screen.findByRole(
      'table',
      { name: 'Automóviles sin vender, del más antiguo al más reciente' },
      slow,
    );
    const cells = within(table)
      .getAllByRole('cell')
      .map((cell) => cell.textContent);
    expect(cells).toContain('1 día');
    expect(cells).toContain('Usado, 12,000 mi');
    expect(within(table).getByRole('columnheader', { name: 'Adquirido' })).toBeTruthy();
    expect(screen.getByRole('link', { name: '0–30 días: 1 automóvil' })).toBeTruthy();
  });

  it('No access names the missing permission in Spanish', async () => {
    role = 'sales';
    render(harness().mount('/admin/webhooks').ui);
    expect(await screen.findByRole('heading', { level: 1, name: 'Sin acceso' }, slow)).toBeTruthy();
    expect(screen.getByText(/administrar usuarios y tokens de API/)).toBeTruthy();
  });
});
