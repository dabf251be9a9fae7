// @vitest-environment jsdom
import type { IncomingMessage, ServerResponse } from 'node:http';
import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { appHarness, send, staffMember } from './app-harness';

// A sales record's page for a number no record has, against a stand-in gateway over real HTTP that
// knows no sales, customers or salespeople: the page says what is missing and links back.

function handle(req: IncomingMessage, res: ServerResponse) {
  const path = new URL(req.url ?? '/', 'http://stub').pathname;
  if (path === '/auth/me') {
    return send(res, 200, staffMember('manager', { name: 'Max Manager', email: 'max@dealer.test' }));
  }
  return send(res, 404, { message: 'Does not exist', code: 'not_found' });
}

const harness = appHarness(handle);

async function heading(path: string, name: string) {
  render(harness().mount(path).ui);
  return screen.findByRole('heading', { name }, { timeout: 10_000 });
}

describe('a sales record that does not exist', () => {
  it.each([
    ['/sales/99', 'Sale not found', 'Back to the sales', '/sales'],
    ['/sales/99/print', 'Sale not found', 'Back to the sales', '/sales'],
    ['/sales/customers/99', 'Customer not found', 'Back to the customers', '/sales/customers'],
    ['/sales/salespeople/99', 'Salesperson not found', 'Back to the salespeople', '/sales/salespeople'],
    // Not a number at all: said at once, without asking the API.
    ['/sales/salespeople/abc', 'Salesperson not found', 'Back to the salespeople', '/sales/salespeople'],
  ])('%s says "%s" and links back', async (path, title, back, href) => {
    expect(await heading(path, title)).toBeDefined();
    expect(screen.getByRole('link', { name: back }).getAttribute('href')).toBe(href);
  });
});
