// @vitest-environment jsdom
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Role } from '@carcar/common/contract/permissions';
import { sampleVin } from '@carcar/common/vin/vin';
import { cleanup, render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { send, spanishAppHarness, staffMember } from './app-harness';
import { movement, orderLine, orderTotals, part, repairOrder } from './fixtures';

// The workshop's pages for someone who chose Español: the parts counter, the inspection sheet and
// a technician's My work, with the API's codes (conditions, movement reasons) in Spanish words.

const ADA = 4;

const parts = [
  part('BP-1001', { description: 'Front brake pads', on_hand: 1, reorder_point: 4 }),
  part('OF-22', { description: 'Oil filter', on_hand: -2, reorder_point: 3 }),
];

const movements = [movement(2, { reason: 'void', repair_order: 11 })];

const line = orderLine(11, {
  description: 'Replace front pads',
  hours: 1.5,
  amount: 180,
  technician: ADA,
  status: 'approved',
});

const order = repairOrder({
  vin: sampleVin(880_301),
  status: 'in_progress',
  lines: [line],
  inspection: [{ id: 31, name: 'Front brakes', condition: 'red', note: 'Pads at 2 mm', photos: [] }],
  totals: orderTotals({ labor: 180, subtotal: 180, total: 180, balance: 180 }),
});

const stub = { role: 'service' as Role };

function handle(req: IncomingMessage, res: ServerResponse) {
  const url = new URL(req.url ?? '/', 'http://stub');
  const path = url.pathname;
  if (path === '/auth/me') return send(res, 200, staffMember(stub.role, { name: 'Ada Lovelace', technician_id: ADA }));
  if (path === '/service/api/parts/') {
    const low = url.searchParams.get('low') === 'true';
    const rows = parts.filter((p) => !low || p.on_hand <= p.reorder_point);
    return send(res, 200, { parts: rows }, { 'X-Total-Count': String(rows.length) });
  }
  if (path === '/service/api/parts/BP-1001/') return send(res, 200, parts[0]);
  if (path === '/service/api/parts/BP-1001/movements/') {
    return send(res, 200, { movements }, { 'X-Total-Count': String(movements.length) });
  }
  if (path === '/service/api/inspection-template/') {
    return send(res, 200, { items: [{ name: 'Front brakes' }, { name: 'Wiper blades' }] });
  }
  if (path === '/service/api/repair-orders/5/') return send(res, 200, order);
  if (path === '/service/api/repair-orders/') {
    return send(res, 200, { repair_orders: [order] }, { 'X-Total-Count': '1' });
  }
  if (path === '/service/api/appointments/') return send(res, 200, { appointments: [] }, { 'X-Total-Count': '0' });
  return send(res, 404, { message: `Nothing at ${path}.` });
}

// Chosen on this browser before: the app starts in Spanish.
const harness = spanishAppHarness(handle);

const slow = { timeout: 10_000 };

function open(path: string, role: Role) {
  stub.role = role;
  render(harness().mount(path).ui);
}

describe('the workshop in Spanish', () => {
  it('shows the parts list and a part’s ledger in Spanish, stock words and movement reasons too', async () => {
    open('/service/parts', 'service');
    expect(await screen.findByRole('heading', { level: 1, name: 'Repuestos' }, slow)).toBeDefined();
    const table = await screen.findByRole('table', { name: 'Repuestos' }, slow);
    expect(within(table).getByRole('columnheader', { name: 'Número de repuesto' })).toBeDefined();
    expect(within(table).getByText('Bajo')).toBeDefined();
    expect(within(table).getByText('Pedido pendiente')).toBeDefined();
    const filters = screen.getByRole('navigation', { name: 'Repuestos por existencias' });
    await within(filters).findByRole('link', { name: 'Existencias bajas 2' }, slow);
    expect(screen.getByRole('button', { name: 'Nuevo repuesto' })).toBeDefined();
    cleanup();

    open('/service/parts/BP-1001', 'service');
    expect(await screen.findByRole('region', { name: 'Recibir existencias' }, slow)).toBeDefined();
    const ledger = await screen.findByRole('table', {
      name: 'Movimientos de existencias de BP-1001, los más recientes primero',
    });
    expect(await within(ledger).findByText('Orden anulada: devuelto al inventario', {}, slow)).toBeDefined();
    expect(within(ledger).getByRole('link', { name: 'OR 11' })).toBeDefined();
    cleanup();

    open('/service/parts/import', 'service');
    await screen.findByRole('heading', { level: 1, name: 'Importar repuestos desde un archivo CSV' }, slow);
    // The column names stay as the file spells them, marked as code inside the Spanish sentence.
    const intro = screen.getByText(/^Un repuesto por fila/);
    expect([...intro.querySelectorAll('code')].map((code) => code.textContent)).toEqual([
      'number',
      'description',
      'price',
      'cost',
      'on_hand',
      'reorder_point',
    ]);
  });

  it('shows the inspection sheet with the conditions in Spanish words', async () => {
    open('/service/repair-orders/5/inspection', 'technician');
    expect(await screen.findByRole('heading', { level: 1, name: 'Inspección, OR 5' }, slow)).toBeDefined();
    expect(screen.getByText('1 de 2 revisados')).toBeDefined();
    expect(screen.getByText('42,150 millas', { exact: false })).toBeDefined();
    const brakes = screen.getByRole('article', { name: 'Front brakes' });
    expect(within(brakes).getByText('Urgente')).toBeDefined();
    expect(within(brakes).getByRole('button', { name: 'Añadir al presupuesto: Front brakes' })).toBeDefined();
    const wipers = screen.getByRole('radiogroup', { name: 'Estado de Wiper blades' });
    // The chip's label is its radio's label (the library's chip puts it after the input, not around it).
    const good = within(wipers).getByRole('radio', { name: /^Bien/ }) as HTMLInputElement;
    expect(good.labels?.[0]?.textContent).toBe('Bien (verde)');
    expect(screen.getByRole('group', { name: 'Otra cosa que encontró' })).toBeDefined();
  });

  it('shows a technician’s My work in Spanish', async () => {
    open('/', 'technician');
    expect(await screen.findByRole('heading', { level: 1, name: 'Mi trabajo' }, slow)).toBeDefined();
    const pads = await screen.findByTestId('my-line-11', {}, slow);
    expect(within(pads).getByRole('button', { name: 'Iniciar reloj: Replace front pads, OR 5' })).toBeDefined();
    expect(within(pads).getByText('Facturado 1.5 h · registrado 0 h')).toBeDefined();
    expect(within(pads).getByRole('link', { name: 'Inspección (1 revisado)' })).toBeDefined();
    expect(await screen.findByText('No tiene nada reservado para hoy.', {}, slow)).toBeDefined();
  });
});
