// @vitest-environment jsdom
import type { IncomingMessage, ServerResponse } from 'node:http';
import { priceOnlyTerms } from '@carcar/common/contract/deal';
import { sampleVin } from '@carcar/common/vin/vin';
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type AppHarness, send, staffMember, startAppHarness } from './app-harness';
import { dealAnswer, sale, samCarter, tradedCivic } from './fixtures';

// The sales pages and the dashboard for a user who chose Español: the words are the catalogue's
// Spanish, the money still the dealership's dollars.

const VIN = sampleVin(700_654);
const TRADE = sampleVin(700_655);

// A voided sale with a trade-in, financed; its deal's figures as the Sales API computes them.
const voided = sale(
  VIN,
  dealAnswer({
    ...priceOnlyTerms(2_450_000),
    tradeAllowance: 900_000,
    taxRate: 72_500,
    financing: { apr: 59_000, termMonths: 60 },
  }),
  {
    sold_at: '2027-12-02T10:00:00Z',
    voided_at: '2027-12-03T10:00:00Z',
    void_reason: 'Financing fell through',
    front_gross: 1000,
    automobile: { vin: VIN, sold: false },
    salesperson: { ...samCarter, active: false },
    trade_in: tradedCivic(TRADE, { color: null, odometer: 91000, allowance: 9000, payoff: null }),
  },
);

function handle(req: IncomingMessage, res: ServerResponse) {
  const path = new URL(req.url ?? '/', 'http://stub').pathname;
  if (path === '/auth/me') return send(res, 200, staffMember('manager', { name: 'Marta Ruiz' }));
  if (path === '/sales/api/sales/12/') return send(res, 200, voided);
  if (path === '/sales/api/sales/') return send(res, 200, { sales: [voided] });
  if (path === '/sales/api/automobiles/') return send(res, 200, { autos: [] });
  return send(res, 404, { message: 'Does not exist', code: 'not_found' });
}

let harness: AppHarness;
beforeAll(async () => {
  window.localStorage.clear();
  harness = await startAppHarness(handle);
  const { setLanguage } = await import('../src/lib/i18n');
  await setLanguage('es');
});
afterAll(async () => {
  const { setLanguage } = await import('../src/lib/i18n');
  await setLanguage('en');
  window.localStorage.clear();
  harness.close();
});
afterEach(cleanup);

describe('the sales pages in Spanish', () => {
  it('shows a voided sale with its deal', async () => {
    render(harness.mount('/sales/12').ui);
    const heading = await screen.findByRole('heading', { level: 1, name: /Venta 12/ }, { timeout: 20_000 });
    expect(heading.textContent).toContain('Anulada');
    expect(screen.getByTestId('voided-notice').textContent).toContain('Motivo: Financing fell through');
    const deal = screen.getByRole('table', { name: 'La operación' });
    expect(within(deal).getByRole('rowheader', { name: 'Pago mensual' })).toBeTruthy();
    expect(within(deal).getByText('60 meses')).toBeTruthy();
    expect(screen.getByText('Utilidad bruta de la venta', { selector: 'dt' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Imprimir la orden de compra' })).toBeTruthy();
  });

  it('prints the buyer’s order in Spanish', async () => {
    render(harness.mount('/sales/12/print').ui);
    const paper = await screen.findByRole('article', { name: 'Orden de compra' }, { timeout: 20_000 });
    const text = paper.textContent ?? '';
    expect(text).toContain('ANULADA: esta venta se anuló el');
    expect(text).toContain('Vehículo en parte de pago');
    expect(text).toContain('Firma: comprador');
    expect(text).not.toContain('The deal');
  });

  it('opens the sales desk in Spanish', async () => {
    render(harness.mount('/sales/new').ui);
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Registrar una venta' }, { timeout: 20_000 }),
    ).toBeTruthy();
    expect(screen.getByRole('group', { name: 'Pagos' })).toBeTruthy();
    expect(screen.getByRole('columnheader', { name: 'Plazo' })).toBeTruthy();
    expect(screen.getByText('Ingrese el precio para ver la operación.')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Registrar la venta' })).toBeTruthy();
  });

  it('heads the dashboard in Spanish', async () => {
    render(harness.mount('/').ui);
    expect(await screen.findByRole('heading', { level: 1, name: 'Panel' }, { timeout: 20_000 })).toBeTruthy();
    expect(await screen.findByRole('heading', { name: 'Ventas por vendedor' })).toBeTruthy();
  });
});
