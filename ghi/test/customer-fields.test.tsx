// @vitest-environment jsdom
import type { IncomingMessage, ServerResponse } from 'node:http';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { appHarness, send, staffMember } from './app-harness';

// A customer's fields, wherever staff type them (the customers list's Add customer drawer and the
// customer's own page): someone else's name, address and phone, so the browser must offer none of
// the staff member's own. The drawer's address once asked for the street address.

const CUSTOMER = {
  id: 1,
  href: '/api/customers/1/',
  first_name: 'Ada',
  last_name: 'Byron',
  address: '12 Analytical Row',
  phone_number: '555-010-0199',
};

function handle(req: IncomingMessage, res: ServerResponse) {
  const url = new URL(req.url ?? '/', 'http://stub');
  if (url.pathname === '/auth/me') return send(res, 200, staffMember('sales', { name: 'Sam Seller' }));
  if (url.pathname === '/sales/api/customers/') return send(res, 200, { customers: [CUSTOMER] });
  if (url.pathname === '/sales/api/customers/1/') return send(res, 200, CUSTOMER);
  if (url.pathname === '/sales/api/sales/') return send(res, 200, { sales: [] }, { 'X-Total-Count': '0' });
  return send(res, 404, { message: 'Does not exist', code: 'not_found' });
}

const harness = appHarness(handle);

const FIELDS = ['First name', 'Last name', 'Address', 'Phone number'];

function autocompleteOf(scope: HTMLElement): Record<string, string | null> {
  return Object.fromEntries(
    FIELDS.map((label) => [label, within(scope).getByLabelText(label).getAttribute('autocomplete')]),
  );
}

const off = Object.fromEntries(FIELDS.map((label) => [label, 'off']));

describe("a customer's fields", () => {
  it('offer no autofill in the Add customer drawer, the first name focused', { timeout: 15_000 }, async () => {
    render(harness().mount('/sales/customers').ui);
    // The page is loaded lazily: its first render can take over findBy's default second on a busy machine.
    await userEvent.click(await screen.findByRole('button', { name: 'Add customer' }, { timeout: 10_000 }));
    const drawer = await screen.findByRole('dialog');
    await within(drawer).findByLabelText('Address');
    expect(autocompleteOf(drawer)).toEqual(off);
    await waitFor(() => expect(document.activeElement).toBe(within(drawer).getByLabelText('First name')));
  });

  it("offer no autofill on the customer's page", { timeout: 15_000 }, async () => {
    render(harness().mount('/sales/customers/1').ui);
    const form = await screen.findByRole('form', { name: 'Edit the customer' }, { timeout: 10_000 });
    expect(autocompleteOf(form)).toEqual(off);
  });
});
