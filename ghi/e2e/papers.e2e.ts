import { readFileSync } from 'node:fs';
import { sampleVin } from '@carcar/common/vin/vin';
import { parse } from 'csv-parse/sync';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, appUrl, checkPage, journey, launch, screenshot, staff } from './browser.js';

// A manager's papers: the stock as a spreadsheet, new stock from one, and the bill of sale and the
// work order as Chromium prints them (A4 and Letter), at a desk and on a phone.

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

interface Car {
  vin: string;
  color: string;
  year: number;
  sold: boolean;
}

async function stockExists(vin: string): Promise<boolean> {
  return api()
    .call('GET', `/inventory/api/automobiles/${vin}/`)
    .then(
      () => true,
      (error: unknown) => {
        if (String(error).includes('answered 404')) return false;
        throw error;
      },
    );
}

/**
 * A list's Export CSV: a button in view, or an item of the list's More menu (opened here), as the
 * list-page pattern puts secondary actions there.
 */
async function exportCsv(page: Page): Promise<Locator> {
  const main = page.getByRole('main');
  await main
    .getByRole('button', { name: /^(Export CSV|More)$/ })
    .first()
    .waitFor();
  const button = main.getByRole('button', { name: 'Export CSV' });
  if (await button.isVisible()) return button;
  await main.getByRole('button', { name: 'More' }).click();
  const item = page.getByRole('menuitem', { name: 'Export CSV' });
  await item.waitFor();
  return item;
}

/** Prints the page as paper, checks it is one sheet in A4 and in Letter, and answers its text. */
async function printed(page: Page, name: string): Promise<string> {
  await page.emulateMedia({ media: 'print' });
  // On paper only the sheet: no navigation, header, or buttons.
  expect(await page.locator('nav[aria-label="Main"]').isVisible()).toBe(false);
  expect(await page.getByRole('banner').first().isVisible()).toBe(false);
  expect(await page.getByRole('button', { name: 'Print' }).isVisible()).toBe(false);
  await screenshot(page, `${name}-print`);
  for (const format of ['A4', 'Letter'] as const) {
    const pdf = await page.pdf({ format, printBackground: false });
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.length).toBeGreaterThan(1000);
    // Page objects are written uncompressed: one is one sheet.
    expect(pdf.toString('latin1').match(/\/Type\s*\/Page\b/g), `${name} on ${format}`).toHaveLength(1);
  }
  const text = ((await page.locator('article.paper').textContent()) ?? '').replace(/\s+/g, ' ');
  await page.emulateMedia({ media: 'screen' });
  return text;
}

describe('papers', () => {
  it('a manager exports the stock they filtered as CSV', async () => {
    await journey(
      browser,
      'papers-export',
      async (page) => {
        await page.goto(`${appUrl}/inventory/automobiles?sold=false`);
        await page
          .getByRole('status')
          .filter({ hasText: /\d+ cars? in stock/ })
          .waitFor();
        const [download] = await Promise.all([page.waitForEvent('download'), (await exportCsv(page)).click()]);
        expect(download.suggestedFilename()).toMatch(/^automobiles-\d{4}-\d{2}-\d{2}\.csv$/);
        const rows = parse(readFileSync(await download.path()), { bom: true, columns: true }) as Record<
          string,
          string
        >[];
        // Every car in stock, not only the page on screen, as the API lists them.
        const { autos } = await api().call<{ autos: Car[] }>('GET', '/inventory/api/automobiles/?sold=false&sort=-id');
        expect(autos.length).toBeGreaterThan(0);
        expect(rows.map((row) => row.vin)).toEqual(autos.map((car) => car.vin));
        expect(rows.map((row) => row.color)).toEqual(autos.map((car) => car.color));
        expect(new Set(rows.map((row) => row.sold))).toEqual(new Set(['false']));
        expect(Object.keys(rows[0] ?? {})).toEqual(expect.arrayContaining(['vin', 'year', 'model.name']));
        await checkPage(page, 'automobiles with Export CSV');
      },
      { as: staff.manager },
    );
  });

  it('a manager imports new stock: a bad row is refused with its line and why, the fixed file imports', async () => {
    const [first, second, third] = [sampleVin(880_001), sampleVin(880_002), sampleVin(880_003)];
    const header = 'vin,color,year,manufacturer,model';
    // Line 3's VIN has a wrong check digit (the 9th character).
    const wrongDigit = `${third.slice(0, 8)}${third[8] === '0' ? '1' : '0'}${third.slice(9)}`;
    const bad = [header, `${first},silver,2010,Toyota,Camry`, `${wrongDigit},red,2010,honda,civic`].join('\n');
    const fixed = [header, `${first},silver,2010,Toyota,Camry`, `${second},red,2010,honda,civic`].join('\n');
    await journey(
      browser,
      'papers-import',
      async (page) => {
        await page.goto(`${appUrl}/inventory/automobiles`);
        // The import is a secondary action of the list: an item of its More menu.
        await page.getByRole('main').getByRole('button', { name: 'More' }).click();
        await page.getByRole('menuitem', { name: 'Import cars from a CSV file' }).click();
        await page.getByRole('heading', { name: 'Import cars from a CSV file' }).waitFor();

        const file = page.getByLabel('CSV file');
        await file.setInputFiles({ name: 'stock.csv', mimeType: 'text/csv', buffer: Buffer.from(bad) });
        const alert = page.getByRole('alert');
        await alert.getByText('nothing was imported').waitFor();
        expect(await alert.getByRole('listitem').allTextContents()).toEqual([
          expect.stringMatching(/^Line 3, VIN: The check digit \(9th character\) should be \w for this VIN/),
        ]);
        expect(await page.getByRole('button', { name: /^Import \d/ }).count()).toBe(0);
        await checkPage(page, 'import with a refused row');
        await screenshot(page, 'papers-import-refused');
        expect(await stockExists(first)).toBe(false);

        await file.setInputFiles({ name: 'stock-fixed.csv', mimeType: 'text/csv', buffer: Buffer.from(fixed) });
        await page.getByText('All 2 cars in the file are ready to import.').waitFor();
        expect(await stockExists(first)).toBe(false);
        await page.getByRole('button', { name: 'Import 2 cars' }).click();
        await page.getByText('Imported 2 cars.').waitFor();
        expect(await stockExists(first)).toBe(true);
        expect(await stockExists(second)).toBe(true);
        await checkPage(page, 'import done');

        await page.getByRole('link', { name: 'See them in the automobiles list' }).click();
        await page.getByRole('link', { name: new RegExp(second) }).waitFor();
      },
      { as: staff.manager },
    );
  });

  describe.each([1280, 390])('at %i px', (width) => {
    it('prints a bill of sale with the buyer, the VIN and the price', async () => {
      const { sales } = await api().call<{
        sales: {
          id: number;
          price: number;
          automobile: { vin: string };
          customer: { first_name: string; last_name: string; address: string };
        }[];
      }>('GET', '/sales/api/sales/?limit=1');
      const sale = sales[0];
      if (!sale) throw new Error('the demo data has no sale');
      const price = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' }).format(sale.price);
      await journey(
        browser,
        'papers-bill-of-sale',
        async (page) => {
          await page.goto(`${appUrl}/sales/${sale.id}`);
          await page.getByRole('button', { name: 'Print buyer’s order' }).click();
          await page.getByRole('heading', { name: 'Buyer’s order' }).waitFor();
          await checkPage(page, 'bill of sale');
          const text = await printed(page, `papers-bill-of-sale-${width}`);
          expect(text).toContain('CarCar Motors');
          expect(text).toContain(`${sale.customer.first_name} ${sale.customer.last_name}`);
          expect(text).toContain(sale.customer.address);
          expect(text).toContain(sale.automobile.vin);
          expect(text).toContain(price);
          expect(text).toContain('Signature of the buyer');
          // The car in plain words: nothing decoded from the VIN on what the customer signs.
          expect(text).not.toMatch(/Check digit|Maker code|Built in/);
        },
        { as: staff.manager, width },
      );
    });

    it('prints a work order with the customer, technician, VIN and the work', async () => {
      const { appointments } = await api().call<{
        appointments: { id: number; vin: string; customer: string; reason: string; duration_minutes: number }[];
      }>('GET', '/service/api/appointments/?limit=1');
      const appointment = appointments[0];
      if (!appointment) throw new Error('the demo data has no appointment');
      await journey(
        browser,
        'papers-work-order',
        async (page) => {
          await page.goto(`${appUrl}/service/appointments/${appointment.id}`);
          await page.getByRole('button', { name: 'Print work order' }).click();
          await page.getByRole('heading', { name: 'Service work order' }).waitFor();
          await checkPage(page, 'work order');
          const text = await printed(page, `papers-work-order-${width}`);
          expect(text).toContain(appointment.customer);
          expect(text).toContain(appointment.vin);
          expect(text).toContain(appointment.reason);
          expect(text).toContain(`${appointment.duration_minutes} minutes`);
          expect(text).toContain('Signature of the technician');
          expect(text).not.toMatch(/Check digit|Maker code|Built in/);
          // The repair order's lines, or a sentence saying the appointment has none yet.
          expect(text).toMatch(/Line items ?(Item|This appointment has no repair order yet|The repair order)/);
        },
        { as: staff.manager, width },
      );
    });
  });

  it('on a phone the list pages keep Export CSV within reach and nothing scrolls sideways', async () => {
    await journey(
      browser,
      'papers-lists-phone',
      async (page) => {
        for (const path of ['/inventory/automobiles', '/sales', '/sales/customers', '/service/technicians']) {
          await page.goto(`${appUrl}${path}`);
          expect(await (await exportCsv(page)).isVisible()).toBe(true);
          await page.keyboard.press('Escape');
          await checkPage(page, `${path} at 390 px`);
        }
        await page.goto(`${appUrl}/inventory/automobiles/import`);
        await page.getByLabel('CSV file').setInputFiles({
          name: 'wide.csv',
          mimeType: 'text/csv',
          buffer: Buffer.from(
            `vin,color,year,manufacturer,model\n${sampleVin(880_100)},${'very long color '.repeat(8)},2010,Toyota,Camry\n`,
          ),
        });
        await page.getByRole('region', { name: "The file's rows" }).waitFor();
        await checkPage(page, 'import preview at 390 px');
        await screenshot(page, 'papers-import-390');
      },
      { as: staff.manager, width: 390 },
    );
  });
});
