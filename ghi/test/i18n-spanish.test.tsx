// @vitest-environment jsdom
import type { IncomingMessage, ServerResponse } from 'node:http';
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import english from '../src/locales/en/common.json';
import spanish from '../src/locales/es/common.json';
import { type AppHarness, send, staffMember, startAppHarness } from './app-harness';

// A dealership in Madrid: its locale and currency come from /config.js (DEALERSHIP_LOCALE=es-ES,
// DEALERSHIP_CURRENCY=EUR), read once when the app's modules load, as in a deployment. The
// language is each user's: English here until the menu says Español.
window.__CARCAR_CONFIG__ = { ...window.__CARCAR_CONFIG__, locale: 'es-ES', currency: 'EUR' };

function handle(req: IncomingMessage, res: ServerResponse) {
  const path = new URL(req.url ?? '/', 'http://stub').pathname;
  if (path === '/auth/me') return send(res, 200, staffMember('manager', { name: 'Marta Ruiz' }));
  if (path === '/sales/api/reports/sales-by-month/') {
    return send(res, 200, { rows: [{ month: '2026-11', sales: 2, revenue: 12345.5, average_price: 6172.75 }] });
  }
  if (path === '/sales/api/reports/sales-by-salesperson/') return send(res, 200, { rows: [] });
  return send(res, 404, { message: 'Does not exist', code: 'not_found' });
}

let harness: AppHarness;
beforeAll(async () => {
  window.localStorage.clear();
  harness = await startAppHarness(handle);
});
afterAll(() => harness.close());
afterEach(cleanup);

/** Every text of one group of a catalogue, flattened. */
const texts = (group: Record<string, string>) => Object.values(group);

describe('the app in Spanish, with money in the dealership’s currency', () => {
  it('switches from English to Spanish on the menu, remembers it, and formats euros the Spanish way', async () => {
    render(harness.mount('/reports/sales?from=2026-11-01&to=2026-11-30').ui);
    expect(await screen.findByRole('heading', { name: 'Sales report', level: 1 }, { timeout: 10_000 })).toBeTruthy();
    expect(document.documentElement.lang).toBe('en');
    // Money follows the dealership, whatever the language: 12.345,50 € (a no-break space before €).
    const table = await screen.findByRole('table', { name: 'Sales by month' }, { timeout: 10_000 });
    expect(
      within(table)
        .getAllByRole('cell')
        .map((cell) => cell.textContent),
    ).toContain('12.345,50\u00a0€');

    // The language is chosen in the account menu, opened from the bar.
    await userEvent.click(screen.getByRole('button', { name: /^Account: / }));
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Language' }), 'Español');

    expect(
      await screen.findByRole('heading', { name: 'Informe de ventas', level: 1 }, { timeout: 10_000 }),
    ).toBeTruthy();
    expect(document.documentElement.lang).toBe('es');
    expect(window.localStorage.getItem('carcar.language')).toBe('es');
    expect(screen.getByRole('button', { name: 'Cerrar sesión' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Vendedores' })).toBeTruthy();
    expect(screen.getByRole('combobox', { name: 'Idioma' })).toBeTruthy();
    const spanishTable = screen.getByRole('table', { name: 'Ventas por mes' });
    const cells = within(spanishTable)
      .getAllByRole('cell')
      .map((cell) => cell.textContent);
    expect(cells).toContain('12.345,50\u00a0€');
    expect(cells).toContain('6172,75\u00a0€');
    expect(within(spanishTable).getByRole('columnheader', { name: 'Ingresos' })).toBeTruthy();

    // No word of the shell is left in English (words both languages spell alike aside).
    const shell = [english.nav, english.account, english.shell].flatMap(texts);
    const same = new Set([spanish.nav, spanish.account, spanish.shell].flatMap(texts));
    const navigation = screen.getByRole('navigation', { name: 'Principal' }).textContent ?? '';
    const header = screen.getByRole('banner').textContent ?? '';
    const leftOver = shell.filter((text) => !same.has(text) && (navigation.includes(text) || header.includes(text)));
    expect(leftOver).toEqual([]);
  });

  it('starts in the remembered language, else the browser’s, else English', async () => {
    const { initialLanguage } = await import('../src/lib/i18n');
    window.localStorage.setItem('carcar.language', 'es');
    expect(initialLanguage()).toBe('es');
    window.localStorage.setItem('carcar.language', 'en');
    expect(initialLanguage()).toBe('en');
    window.localStorage.removeItem('carcar.language');
    const languages = Object.getOwnPropertyDescriptor(Navigator.prototype, 'languages');
    try {
      Object.defineProperty(window.navigator, 'languages', { configurable: true, get: () => ['es-MX', 'en'] });
      expect(initialLanguage()).toBe('es');
      Object.defineProperty(window.navigator, 'languages', { configurable: true, get: () => ['fr-FR', 'de'] });
      expect(initialLanguage()).toBe('en');
    } finally {
      // The own property shadowed the prototype's getter: removing it restores jsdom's.
      Reflect.deleteProperty(window.navigator, 'languages');
      if (languages) expect(window.navigator.languages).toEqual(languages.get?.call(window.navigator));
    }
  });
});
