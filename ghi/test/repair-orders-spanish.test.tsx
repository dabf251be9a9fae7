// @vitest-environment jsdom
import type { IncomingMessage, ServerResponse } from 'node:http';
import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import english from '../src/locales/en/repairOrders.json';
import spanish from '../src/locales/es/repairOrders.json';
import { send, spanishAppHarness, staffMember } from './app-harness';
import { orderLine, repairOrder } from './fixtures';

// An advisor who chose Español: the repair order's page and the list, against a stand-in gateway,
// with no word of the repairOrders catalogue left in English.

const order = repairOrder({
  customer: { name: 'Juana Pérez', phone: null, email: null },
  concern: 'Ruido al frenar',
  advisor: { id: '2', name: 'Ana Asesora' },
  status: 'estimate',
  lines: [orderLine(11, { description: 'Cambiar pastillas delanteras', hours: 1.5, rate: 125, amount: 187.5 })],
});

function handle(req: IncomingMessage, res: ServerResponse) {
  const path = new URL(req.url ?? '/', 'http://stub').pathname;
  if (path === '/auth/me') return send(res, 200, staffMember('service', { name: 'Ana Asesora' }));
  if (path === '/service/api/technicians/') return send(res, 200, { technicians: [] });
  if (path === '/service/api/shop-settings/') return send(res, 200, { labor_rate: 125, tax_rate: 8.25 });
  if (path === '/service/api/repair-orders/5/') return send(res, 200, order);
  if (path === '/service/api/repair-orders/') {
    return send(res, 200, { repair_orders: [order] }, { 'X-Total-Count': '1' });
  }
  return send(res, 404, { message: 'Does not exist', code: 'not_found' });
}

// Chosen on this browser before: the app starts in Spanish.
const harness = spanishAppHarness(handle);

const slow = { timeout: 20_000 };

type Catalogue = { [key: string]: string | Catalogue };
const leaves = (node: Catalogue): string[] =>
  Object.values(node).flatMap((value) => (typeof value === 'string' ? [value] : leaves(value)));

/** The catalogue's English words that Spanish spells otherwise, and that need no {{value}} filled in. */
const englishOnly = (() => {
  const same = new Set(leaves(spanish));
  return new Set(leaves(english).filter((text) => !same.has(text) && !text.includes('{{')));
})();

/** Every text the page shows or names on its own: a leaf element's words, labels, titles. */
function shownTexts(root: HTMLElement): string[] {
  const texts: string[] = [];
  for (const element of root.querySelectorAll('*')) {
    if (element.children.length === 0 && element.textContent) texts.push(element.textContent.trim());
    for (const name of ['aria-label', 'title', 'data-label']) {
      const value = element.getAttribute(name);
      if (value) texts.push(value.trim());
    }
  }
  return texts;
}

describe('the repair orders in Spanish', () => {
  it('shows an order in Spanish, its statuses and kinds included', async () => {
    render(harness().mount('/service/repair-orders/5').ui);
    expect(await screen.findByRole('heading', { level: 1, name: /OR 5: Juana Pérez/ }, slow)).toBeDefined();
    expect(screen.getByText('Presupuesto enviado')).toBeDefined();
    const lines = screen.getByRole('table', { name: 'Líneas de esta orden de reparación' });
    expect(within(lines).getByRole('columnheader', { name: 'Descripción' })).toBeDefined();
    expect(within(lines).getByTestId('line-11').textContent).toContain('Mano de obra');
    expect(within(lines).getByTestId('line-11').textContent).toContain('Propuesta');
    expect(screen.getByRole('button', { name: 'Reenviar presupuesto' })).toBeDefined();
    expect(screen.getByRole('form', { name: 'Agregar una línea' })).toBeDefined();
    expect(screen.getByText('42,150 millas')).toBeDefined();
    const leftOver = shownTexts(screen.getByRole('main')).filter((text) => englishOnly.has(text));
    expect(leftOver).toEqual([]);
  });

  it('lists the orders in Spanish, counted', async () => {
    render(harness().mount('/service/repair-orders?status=estimate').ui);
    expect(await screen.findByRole('heading', { level: 1, name: 'Órdenes de reparación' }, slow)).toBeDefined();
    expect(await screen.findByText('1 orden de reparación, presupuesto enviado', {}, slow)).toBeDefined();
    expect(screen.getByRole('navigation', { name: 'Órdenes de reparación por estado' })).toBeDefined();
    expect(screen.getByRole('link', { name: 'OR 5, Juana Pérez' })).toBeDefined();
    const leftOver = shownTexts(screen.getByRole('main')).filter((text) => englishOnly.has(text));
    expect(leftOver).toEqual([]);
  });
});
