// @vitest-environment jsdom
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Role } from '@carcar/common/contract/permissions';
import { decodeVin } from '@carcar/common/contract/vin';
import { sampleVin } from '@carcar/common/vin/vin';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { dealTerms } from '../src/features/sales/deal-form';
import { appHarness, send, staffMember } from './app-harness';
import { deskDeals, withTradeIn } from './desk-deals';
import { dealAnswer, sale, tradedCivic } from './fixtures';

// The sales desk against a stand-in gateway over real HTTP: the car's facts from inventory, the
// dealership's tax rate, the trade-in's VIN checked as typed, the payment grid showing the cents
// the Sales API stores for the same deal (desk-deals.ts, checked against the real API in
// deal-grid-api.test.ts), a chosen cell sent as financing, and the API's 400 placed by its field.
// Then the sale's page and printed buyer's order: the whole deal, and front gross for managers only.

const CAR = sampleVin(820_001);
const TRADE = '1HGCM82633A004352';
let role: Role = 'sales';
let posts: Record<string, unknown>[] = [];
let refuseNextPost = false;

const stockCar = {
  href: `/api/automobiles/${CAR}/`,
  id: 5,
  color: 'white',
  year: 2021,
  vin: CAR,
  model: { id: 2, name: 'RAV4', picture_url: '', manufacturer: { id: 1, name: 'Toyota' } },
  sold: false,
  created_at: '2026-09-01T10:00:00Z',
  condition: 'used',
  odometer: 41250,
  list_price: 27500,
  acquired_at: '2026-09-01T10:00:00Z',
  days_in_stock: 96,
};

// The recorded sale is the desk's first deal, with its figures as the Sales API computes them.
const recorded = sale(CAR, dealAnswer(dealTerms(withTradeIn.fields, withTradeIn.financing)), {
  trade_in: tradedCivic(TRADE, { color: 'blue', odometer: 98000, allowance: 8000, payoff: 10000 }),
  fees: [{ name: 'Documentation', amount: 500 }],
});

async function handle(req: IncomingMessage, res: ServerResponse) {
  const url = new URL(req.url ?? '/', 'http://stub');
  const path = url.pathname;
  if (path === '/auth/me') return send(res, 200, staffMember(role, { name: 'Sam Carter', salesperson_id: 9 }));
  if (path === '/sales/api/deal-settings/') return send(res, 200, { tax_rate: 7.25 });
  if (path === '/sales/api/automobiles/') {
    const car = { vin: CAR, sold: false, year: 2021, color: 'white', model: 'RAV4', manufacturer: 'Toyota' };
    return send(res, 200, { autos: [car] });
  }
  if (path === '/sales/api/salespeople/') return send(res, 200, { salespeople: [recorded.salesperson] });
  if (path === '/sales/api/customers/') return send(res, 200, { customers: [recorded.customer] });
  if (path === `/inventory/api/automobiles/${CAR}/`) return send(res, 200, stockCar);
  if (path.startsWith('/inventory/api/vins/'))
    return send(res, 200, decodeVin(decodeURIComponent(path.split('/')[4] ?? '')));
  if (path.startsWith('/inventory/api/automobiles/')) return send(res, 404, { message: 'No such automobile.' });
  if (path === '/sales/api/sales/' && req.method === 'POST') {
    let text = '';
    for await (const chunk of req) text += chunk;
    posts.push(JSON.parse(text));
    if (refuseNextPost) {
      refuseNextPost = false;
      return send(res, 400, {
        message: 'Check the trade-in',
        code: 'invalid',
        errors: [{ path: 'trade_in.vin', message: 'This VIN is in stock and unsold: it cannot be traded in' }],
      });
    }
    return send(res, 201, recorded);
  }
  if (path === '/sales/api/sales/12/') {
    return send(res, 200, role === 'manager' ? { ...recorded, front_gross: 3999.5 } : recorded);
  }
  return send(res, 404, { message: `Nothing at ${path}.` });
}

const harness = appHarness(handle);
beforeEach(() => {
  posts = [];
  role = 'sales';
});

const type = (label: string | RegExp, value: string) =>
  fireEvent.change(screen.getByLabelText(label, { selector: 'input' }), { target: { value } });

/** The grid cell of `term` months in the first rate column, after typing `apr` there. */
async function cell(apr: string, term: number) {
  type('Rate 1 (APR %)', apr);
  // Another rate column may hold the same rate: the first column's cell.
  const cells = await screen.findAllByRole('button', {
    name: new RegExp(`a month for ${term} months at ${apr.replace('.', '\\.')} %`),
  });
  return cells[0] as HTMLElement;
}

describe('the deal screen', () => {
  it('shows the car, fills the tax rate and the trade-in, and its grid shows the API’s cents', async () => {
    render(harness().mount('/sales/new').ui);
    const tax = await screen.findByLabelText('Tax rate (%)', {}, { timeout: 10_000 });
    await waitFor(() => expect((tax as HTMLInputElement).value).toBe('7.25'));
    type('Automobile', CAR);
    await screen.findByText('96 days');
    expect(screen.getByText(/Used · 41,250 miles/)).toBeDefined();
    fireEvent.click(screen.getByRole('button', { name: 'Use list price' }));
    expect((screen.getByLabelText('Price (USD)') as HTMLInputElement).value).toBe('27500.00');

    for (const deal of deskDeals) {
      const f = deal.fields;
      type('Price (USD)', f.price);
      type('Tax rate (%)', f.taxRate);
      type('Down payment (USD)', f.downPayment);
      // The fee rows: as many as the deal has.
      while (screen.queryAllByRole('button', { name: /^Remove fee/ }).length > 0) {
        fireEvent.click(screen.getAllByRole('button', { name: /^Remove fee/ })[0] as HTMLElement);
      }
      for (const [index, fee] of f.fees.entries()) {
        fireEvent.click(screen.getByRole('button', { name: 'Add a fee' }));
        type(`Fee ${index + 1}`, fee.name);
        type(`Fee ${index + 1} amount (USD)`, fee.amount);
      }
      const trading = screen.getByLabelText('The customer trades in a car') as HTMLInputElement;
      if (Boolean(f.tradeIn) !== trading.checked) fireEvent.click(trading);
      if (f.tradeIn) {
        type('Trade-in VIN', TRADE);
        await screen.findByText('VIN looks right.', {}, { timeout: 10_000 });
        // The VIN's model year is read as typed (2003 for this VIN) and fills an empty Year.
        await waitFor(() => expect((screen.getByLabelText('Year') as HTMLInputElement).value).toBe('2003'));
        type('Year', f.tradeIn.year);
        type('Make', f.tradeIn.make);
        type('Model', f.tradeIn.model);
        type('Odometer (miles)', f.tradeIn.odometer);
        type('Allowance (USD)', f.tradeIn.allowance);
        type('Payoff owed (USD)', f.tradeIn.payoff);
      }
      const button = await cell(deal.financing.apr, deal.financing.termMonths);
      expect(button.getAttribute('data-cents'), deal.name).toBe(String(Math.round(deal.api.monthly_payment * 100)));
      expect(button.textContent).toBe(
        `$${deal.api.monthly_payment.toLocaleString('en-US', { minimumFractionDigits: 2 })}`,
      );
      fireEvent.click(button);
      const summary = screen.getByRole('region', { name: 'The deal' });
      const figures = within(summary)
        .getAllByRole('definition')
        .map((dd) => dd.textContent);
      expect(figures).toContain(`$${deal.api.amount_financed.toLocaleString('en-US', { minimumFractionDigits: 2 })}`);
      expect(figures).toContain(`$${deal.api.total_of_payments.toLocaleString('en-US', { minimumFractionDigits: 2 })}`);
    }
  });

  it('records the deal with the chosen financing, and puts the API’s 400 next to its field', async () => {
    render(harness().mount('/sales/new').ui);
    const tax = await screen.findByLabelText('Tax rate (%)', {}, { timeout: 10_000 });
    await waitFor(() => expect((tax as HTMLInputElement).value).toBe('7.25'));
    type('Automobile', CAR);
    await screen.findByText('96 days');
    const selects = await screen.findAllByRole('option', { name: 'Sam Carter' });
    expect(selects.length).toBeGreaterThan(0);
    fireEvent.change(screen.getByLabelText('Salesperson'), { target: { value: '9' } });
    await screen.findByRole('option', { name: /Olivia Brown/ });
    fireEvent.change(screen.getByLabelText('Customer'), { target: { value: '31' } });
    type('Price (USD)', '25000');
    fireEvent.click(screen.getByRole('button', { name: 'Add a fee' }));
    type('Fee 1', 'Documentation');
    type('Fee 1 amount (USD)', '500');
    type('Down payment (USD)', '1000');
    fireEvent.click(screen.getByLabelText('The customer trades in a car'));
    type('Trade-in VIN', TRADE.toLowerCase());
    type('Make', 'Honda');
    type('Model', 'Civic');
    type('Year', '2015');
    type('Odometer (miles)', '98000');
    type('Allowance (USD)', '8000');
    type('Payoff owed (USD)', '10000');
    fireEvent.click(await screen.findByRole('button', { name: /\$535\.56 a month for 60 months at 5\.9 %/ }));
    expect(screen.getByText(/Financing chosen: 60 months at 5\.9 % APR/)).toBeDefined();

    refuseNextPost = true;
    fireEvent.click(screen.getByRole('button', { name: 'Record sale' }));
    const placed = await screen.findByText(
      'This VIN is in stock and unsold: it cannot be traded in',
      {},
      { timeout: 10_000 },
    );
    expect(placed.id).toBe('field-trade_in.vin-error');
    expect(screen.getByLabelText('Trade-in VIN').getAttribute('aria-invalid')).toBe('true');
    expect(posts[0]).toEqual({
      automobile: CAR,
      salesperson: 9,
      customer: 31,
      price: '25000',
      trade_in: {
        vin: TRADE,
        year: 2015,
        make: 'Honda',
        model: 'Civic',
        odometer: 98000,
        allowance: '8000',
        payoff: '10000',
      },
      fees: [{ name: 'Documentation', amount: '500' }],
      tax_rate: '7.25',
      down_payment: '1000',
      financing: { apr: '5.9', term_months: 60 },
    });

    fireEvent.click(screen.getByRole('button', { name: 'Record sale' }));
    await screen.findByRole('link', { name: 'print the buyer’s order' }, { timeout: 10_000 });
    expect(posts).toHaveLength(2);
  });
});

describe('a recorded deal', () => {
  it('shows its whole structure on the sale page, front gross to managers only', async () => {
    render(harness().mount('/sales/12').ui);
    const table = await screen.findByRole('table', { name: 'The deal' }, { timeout: 10_000 });
    const text = table.textContent ?? '';
    for (const part of [
      'Vehicle price',
      'Documentation',
      'Trade-in allowance',
      'Sales tax at 7.25 %',
      'Payoff owed',
      'Down payment',
      'Amount financed$27,768.75',
      'Term60 months',
      'Monthly payment$535.56',
      'Total of payments$32,133.60',
    ]) {
      expect(text).toContain(part);
    }
    expect(screen.queryByText('Front gross', { selector: 'dt' })).toBeNull();
    cleanup();
    role = 'manager';
    render(harness().mount('/sales/12').ui);
    // The facts list (the navigation names the Front gross report too).
    const gross = await screen.findByText('Front gross', { selector: 'dt' }, { timeout: 10_000 });
    expect(gross.nextElementSibling?.textContent).toBe('$3,999.50');
  });

  it('prints the buyer’s order with the trade-in and the deal line by line, without VIN decoding', async () => {
    render(harness().mount('/sales/12/print').ui);
    const paper = await screen.findByRole('article', { name: 'Buyer’s order' }, { timeout: 10_000 });
    const text = paper.textContent ?? '';
    expect(text).toContain('2015 Honda Civic');
    expect(text).toContain(TRADE);
    expect(text).toContain('Monthly payment$535.56');
    expect(text).not.toContain('Check digit');
    expect(text).not.toContain('Maker code');
  });
});

describe('voiding a sale', () => {
  it('asks for the reason without an error until Void sale is pressed with the box empty', async () => {
    role = 'manager';
    const user = userEvent.setup();
    render(harness().mount('/sales/12').ui);
    await user.click(await screen.findByRole('button', { name: 'Void this sale' }, { timeout: 10_000 }));
    const dialog = await screen.findByRole('dialog', { name: 'Void this sale?' });
    const reason = within(dialog).getByLabelText('Reason for voiding (required)');
    const missing = 'Please say why the sale is voided: it is kept with the sale.';
    // Fresh: the hint, no error, the box not marked invalid.
    expect(within(dialog).queryByText(missing)).toBeNull();
    expect(reason.getAttribute('aria-invalid')).not.toBe('true');
    expect(within(dialog).getByText(/Kept with the sale for whoever looks at it later/)).toBeDefined();
    // Leaving the box empty is not yet an error either.
    await user.tab();
    expect(within(dialog).queryByText(missing)).toBeNull();
    // Pressing Void sale with nothing typed is.
    await user.click(within(dialog).getByRole('button', { name: 'Void sale' }));
    expect(within(dialog).getByText(missing)).toBeDefined();
    expect(reason.getAttribute('aria-invalid')).toBe('true');
    // Typing clears it.
    await user.type(reason, 'Financing fell through');
    expect(within(dialog).queryByText(missing)).toBeNull();
    // Kept, then opened again: empty and without the error.
    await user.clear(reason);
    await user.click(within(dialog).getByRole('button', { name: 'Void sale' }));
    expect(within(dialog).getByText(missing)).toBeDefined();
    await user.click(within(dialog).getByRole('button', { name: 'Keep the sale' }));
    await user.click(screen.getByRole('button', { name: 'Void this sale' }));
    const again = await screen.findByRole('dialog', { name: 'Void this sale?' });
    expect(within(again).queryByText(missing)).toBeNull();
    expect((within(again).getByLabelText('Reason for voiding (required)') as HTMLTextAreaElement).value).toBe('');
  });
});
