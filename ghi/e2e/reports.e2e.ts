import { readFile } from 'node:fs/promises';
import type { SalesByMonthRow } from '@carcar/common/contract/reports';
import { parse } from 'csv-parse/sync';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, appUrl, checkPage, journey, launch, staff } from './browser.js';

// Max Manager opens the sales report from the navigation, reads it, and downloads the month table
// as CSV: the file holds exactly the rows the API answers for the days the page shows.

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe.each([1280, 390])('the sales report at %i px', (width) => {
  it('shows a manager the months with a chart and a table, and downloads them as CSV', async () => {
    await journey(
      browser,
      'reports-sales',
      async (page) => {
        if (width < 992) await page.getByRole('button', { name: 'Menu' }).click();
        await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Sales report' }).click();
        await page.waitForURL(`${appUrl}/reports/sales`);
        await page.getByRole('heading', { level: 1, name: 'Sales report' }).waitFor();
        const from = await page.getByLabel('From').inputValue();
        const to = await page.getByLabel('To').inputValue();
        expect(from).toMatch(/^\d{4}-\d\d-01$/);

        const months = page.getByRole('table', { name: 'Sales by month' }).locator('tbody tr');
        await months.first().waitFor();
        expect(await months.count()).toBe(12);
        await page.getByRole('img', { name: 'Revenue by month' }).waitFor();
        await page.getByRole('img', { name: 'Revenue by salesperson' }).waitFor();
        // The demo sales were made today: this month has them.
        expect(await months.last().textContent()).not.toMatch(/\$0\.00/);
        if (width < 768) {
          // A phone: the year stays rows of one table (not a card a month, most of them zeros),
          // all of it on one screen and within its width.
          expect(await months.first().evaluate((row) => getComputedStyle(row).display)).toBe('table-row');
          const box = await page.getByRole('table', { name: 'Sales by month' }).boundingBox();
          expect(box?.height).toBeLessThan(page.viewportSize()?.height ?? 0);
          expect((box?.x ?? 0) + (box?.width ?? Number.POSITIVE_INFINITY)).toBeLessThanOrEqual(width);
        }
        await checkPage(page, `reports-sales-${width}`);

        const [download] = await Promise.all([
          page.waitForEvent('download'),
          page.getByRole('button', { name: 'Download CSV: Sales by month' }).click(),
        ]);
        expect(download.suggestedFilename()).toBe(`sales-by-month-${from}-to-${to}.csv`);
        const rows = parse(await readFile(await download.path(), 'utf8'), { bom: true, columns: true }) as Record<
          string,
          string
        >[];
        const answer = await api().call<{ rows: SalesByMonthRow[] }>(
          'GET',
          `/sales/api/reports/sales-by-month/?from=${from}&to=${to}`,
        );
        expect(rows).toEqual(
          answer.rows.map((row) => ({
            month: row.month,
            sales: String(row.sales),
            revenue: String(row.revenue),
            average_price: row.average_price === null ? '' : String(row.average_price),
          })),
        );
        expect(rows.some((row) => Number(row.sales) > 0)).toBe(true);
      },
      { as: staff.manager, width },
    );
  });
});

describe('the other reports', () => {
  it("show a manager the technicians' weeks as a chart over its table, and the cars' ages on Stock by age", async () => {
    await journey(
      browser,
      'reports-others',
      async (page) => {
        const nav = page.getByRole('navigation', { name: 'Main' });
        await nav.getByRole('link', { name: 'Technicians’ weeks' }).click();
        await page.getByRole('heading', { level: 1, name: 'Technicians’ weeks' }).waitFor();
        const weeks = page.getByRole('table', { name: 'Appointments per technician and week' }).locator('tbody tr');
        await weeks.first().waitFor();
        expect(await weeks.first().textContent()).toMatch(/(Ada Lovelace|Grace Hopper) \(T-10\d\)/);
        await page.getByRole('img', { name: 'Appointments per week, all technicians' }).waitFor();
        await checkPage(page, 'reports-technicians');

        // The cars' ages have one page, Stock by age under Inventory, with the managers' costs.
        expect(await nav.getByRole('link', { name: 'Inventory aging' }).count()).toBe(0);
        await nav.getByRole('link', { name: 'Stock by age' }).click();
        await page.waitForURL(`${appUrl}/inventory/aging`);
        await page.getByRole('heading', { level: 1, name: 'Stock by age' }).waitFor();
        const cars = page.getByRole('table', { name: 'Unsold cars, oldest first' }).locator('tbody tr');
        await cars.first().waitFor();
        const unsold = await api().call<{ autos: unknown[] }>('GET', '/inventory/api/automobiles/?sold=false&limit=1');
        expect(unsold.autos).toHaveLength(1);
        await page.getByRole('table', { name: 'Unsold cars by days in stock' }).waitFor();
        await page.getByRole('columnheader', { name: 'Cost tied up' }).waitFor();
        await checkPage(page, 'reports-stock-by-age');
        // The report's old address (a bookmark) leads to the same page.
        await page.goto(`${appUrl}/reports/inventory-aging`);
        await page.waitForURL(`${appUrl}/inventory/aging`);
        await page.getByRole('heading', { level: 1, name: 'Stock by age' }).waitFor();
      },
      { as: staff.manager },
    );
  });
});

describe('the reports for anyone else', () => {
  it('are not in a salesperson’s navigation, and their address says No access', async () => {
    await journey(
      browser,
      'reports-salesperson',
      async (page) => {
        const nav = page.getByRole('navigation', { name: 'Main' });
        await nav.getByRole('link', { name: 'Sales', exact: true }).waitFor();
        expect(await nav.getByRole('link', { name: 'Sales report' }).count()).toBe(0);
        await page.goto(`${appUrl}/reports/sales`);
        await page.getByRole('heading', { name: 'No access' }).waitFor();
      },
      { as: staff.sam },
    );
  });
});
