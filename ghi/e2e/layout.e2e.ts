import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, appUrl, checkPage, journey, launch, screenshot } from './browser.js';
import { brokenIdentifiers } from './whole-words.js';

// Issue 26's acceptance, measured as staff see it: every list and record page at a desktop's,
// a tablet's and a phone's width, in light and in dark, fits the screen's width, passes axe, and
// keeps its data near the top. The figures are printed in the test output.

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

interface Visit {
  name: string;
  path: string;
  /** A list: its first row is measured, and must start within 320 px of the top at 1280 px. */
  list?: true;
}

const lists: Visit[] = [
  { name: 'automobiles', path: '/inventory/automobiles', list: true },
  { name: 'vehicle-models', path: '/inventory/models', list: true },
  { name: 'manufacturers', path: '/inventory/manufacturers', list: true },
  { name: 'technicians', path: '/service/technicians', list: true },
  { name: 'salespeople', path: '/sales/salespeople', list: true },
  { name: 'customers', path: '/sales/customers', list: true },
  { name: 'sales', path: '/sales', list: true },
  { name: 'users', path: '/admin/users', list: true },
];

/** A record of each kind the demo data holds, to open its page. */
async function records(): Promise<Visit[]> {
  const gateway = api();
  const { autos } = await gateway.call<{ autos: { vin: string }[] }>('GET', '/inventory/api/automobiles/?limit=1');
  const { sales } = await gateway.call<{ sales: { id: number }[] }>('GET', '/sales/api/sales/?limit=1');
  const { customers } = await gateway.call<{ customers: { id: number }[] }>('GET', '/sales/api/customers/?limit=1');
  // The demo data has no repair orders or parts; other journeys may have added some by now.
  const { repair_orders } = await gateway.call<{ repair_orders: unknown[] }>(
    'GET',
    '/service/api/repair-orders/?limit=1',
  );
  const { parts } = await gateway.call<{ parts: unknown[] }>('GET', '/service/api/parts/?limit=1');
  const { appointments } = await gateway.call<{ appointments: { id: number }[] }>(
    'GET',
    '/service/api/appointments/?limit=1',
  );
  const { users } = await gateway.call<{ users: { id: number }[] }>('GET', '/auth/users');
  const visits: Visit[] = [
    { name: 'repair-orders', path: '/service/repair-orders', ...(repair_orders.length > 0 && { list: true as const }) },
    { name: 'parts', path: '/service/parts', ...(parts.length > 0 && { list: true as const }) },
    { name: 'dashboard', path: '/' },
    { name: 'service-board', path: '/service/appointments' },
    { name: 'activity', path: '/activity' },
  ];
  // Every other page an administrator reaches, each at the three widths and in both schemes.
  visits.push(
    { name: 'stock-by-age', path: '/inventory/aging' },
    { name: 'import-automobiles', path: '/inventory/automobiles/import' },
    { name: 'my-work', path: '/my-work' },
    { name: 'book-appointment', path: '/service/appointments/new' },
    { name: 'service-history', path: '/service/history' },
    { name: 'due-for-service', path: '/service/due' },
    { name: 'new-repair-order', path: '/service/repair-orders/new' },
    { name: 'shop-settings', path: '/service/shop-settings' },
    { name: 'inspection-checklist', path: '/service/inspection-checklist' },
    { name: 'import-parts', path: '/service/parts/import' },
    { name: 'record-sale', path: '/sales/new' },
    { name: 'salesperson-history', path: '/sales/history' },
    { name: 'sales-report', path: '/reports/sales' },
    { name: 'technicians-report', path: '/reports/technicians' },
    { name: 'repair-orders-report', path: '/reports/repair-orders' },
    { name: 'front-gross', path: '/reports/gross' },
    { name: 'api-tokens', path: '/admin/tokens' },
    { name: 'webhooks', path: '/admin/webhooks' },
  );
  const { technicians } = await gateway.call<{ technicians: { id: number }[] }>('GET', '/service/api/technicians/');
  const { salespeople } = await gateway.call<{ salespeople: { id: number }[] }>('GET', '/sales/api/salespeople/');
  if (technicians[0]) visits.push({ name: 'technician', path: `/service/technicians/${technicians[0].id}` });
  if (salespeople[0]) visits.push({ name: 'salesperson', path: `/sales/salespeople/${salespeople[0].id}` });
  if (autos[0]) visits.push({ name: 'vehicle', path: `/vehicles/${autos[0].vin}` });
  if (appointments[0]) {
    visits.push(
      { name: 'appointment', path: `/service/appointments/${appointments[0].id}` },
      { name: 'work-order', path: `/service/appointments/${appointments[0].id}/print` },
    );
  }
  if (users[0]) visits.push({ name: 'user', path: `/admin/users/${users[0].id}` });
  if (sales[0]) visits.push({ name: 'bill-of-sale', path: `/sales/${sales[0].id}/print` });
  if (sales[0]) visits.push({ name: 'sale', path: `/sales/${sales[0].id}` });
  if (customers[0]) visits.push({ name: 'customer', path: `/sales/customers/${customers[0].id}` });
  return visits;
}

interface Measure {
  /** The page's whole height, px. */
  height: number;
  /** The first data row's top from the top of the page, px; null without a table. */
  firstRow: number | null;
  rows: number;
}

async function measure(page: Page): Promise<Measure> {
  return page.evaluate(() => {
    const row = document.querySelector('main tbody tr');
    return {
      height: document.documentElement.scrollHeight,
      firstRow: row ? Math.round(row.getBoundingClientRect().top + window.scrollY) : null,
      rows: document.querySelectorAll('main tbody tr').length,
    };
  });
}

async function open(page: Page, visit: Visit): Promise<void> {
  await page.goto(`${appUrl}${visit.path}`);
  await page.getByRole('heading', { level: 1 }).first().waitFor();
  if (visit.list) await page.locator('main tbody tr').first().waitFor();
}

describe('the split-identifier check', () => {
  it('finds a VIN, an email and a phone number drawn across two lines, and passes them whole', async () => {
    const page = await browser.newPage();
    try {
      const cell = (style: string, text: string) => `<p style="width: 60px; ${style}">${text}</p>`;
      const identifiers = ['1C3CC5FB2AN120174', 'sam.carter@carcar.local', '+1 (555) 010-0101'];
      await page.setContent(identifiers.map((text) => cell('overflow-wrap: anywhere', text)).join(''));
      expect((await brokenIdentifiers(page)).map((broken) => broken.text)).toEqual(identifiers);
      await page.setContent(identifiers.map((text) => cell('white-space: nowrap', text)).join(''));
      expect(await brokenIdentifiers(page)).toEqual([]);
    } finally {
      await page.close();
    }
  });
});

describe.each([1280, 768, 390])('every page at %i px, light and dark', (width) => {
  for (const scheme of ['light', 'dark'] as const) {
    // About 40 pages, each measured and run through axe: 70–80 s on a quiet machine, up to 120 on
    // a busy one, so five minutes rather than the default two.
    it(`fits the width, passes axe and keeps lists near the top (${scheme})`, async () => {
      const visits = [...lists, ...(await records())];
      const figures: string[] = [];
      await journey(
        browser,
        `layout-${scheme}`,
        async (page) => {
          await page.emulateMedia({ colorScheme: scheme });
          for (const visit of visits) {
            await open(page, visit);
            // Every page is checked and every problem reported, not only the first page's.
            await checkPage(page, `${visit.name} at ${width} px`, 'current').catch((error: unknown) => {
              expect.soft(String(error), `${visit.name} at ${width} px, ${scheme}`).toBe('');
            });
            const { height, firstRow, rows } = await measure(page);
            figures.push(`${visit.name}: ${height} px tall, ${rows} rows, first row at ${firstRow ?? '-'} px`);
            await screenshot(page, `layout-${visit.name}-${width}-${scheme}`);
            if (visit.list && width === 1280) {
              expect(firstRow, `${visit.name}: the first row's top at 1280 px`).not.toBeNull();
              expect(firstRow ?? Number.POSITIVE_INFINITY, `${visit.name}: the first row's top`).toBeLessThanOrEqual(
                320,
              );
            }
            // A full page of the car list (20 rows): under 1,000 px on a desktop, 2,000 on a phone.
            if (visit.name === 'automobiles') {
              expect(rows, 'the car list shows a full page (the demo data has 24 cars)').toBe(20);
              if (width === 1280) expect(height, 'a 20-row list at 1280 px').toBeLessThan(1000);
              if (width === 390) expect(height, 'a 20-row list at 390 px').toBeLessThan(2000);
            }
          }
        },
        { width },
      );
      console.log(`At ${width} px, ${scheme}:\n  ${figures.join('\n  ')}`);
    }, 300_000);
  }
});
