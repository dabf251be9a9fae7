// @vitest-environment jsdom
import type { IncomingMessage, ServerResponse } from 'node:http';
import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { send, spanishAppHarness, staffMember } from './app-harness';

// A breadcrumb is named in the reader's language, never by the English aria-label that Pico's own
// rules once selected; its class is what print.css hides on paper.

function handle(req: IncomingMessage, res: ServerResponse) {
  const path = new URL(req.url ?? '/', 'http://stub').pathname;
  if (path === '/auth/me') return send(res, 200, staffMember('manager', { name: 'Marta Ruiz' }));
  return send(res, 404, { message: 'Does not exist', code: 'not_found' });
}

const harness = spanishAppHarness(handle);

describe('the breadcrumb in Spanish', () => {
  it('is named “Ruta de navegación” and carries its class', async () => {
    render(harness().mount('/inventory/automobiles/import').ui);
    const crumb = await screen.findByRole('navigation', { name: 'Ruta de navegación' }, { timeout: 10_000 });
    expect(crumb.classList.contains('breadcrumb')).toBe(true);
    expect(within(crumb).getByRole('link').getAttribute('href')).toBe('/inventory/automobiles');
    expect(document.querySelector('nav[aria-label="breadcrumb"]')).toBeNull();
  });
});
