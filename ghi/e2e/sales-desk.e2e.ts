import { sampleVin } from '@carcar/common/vin/vin';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, appUrl, checkPage, chooseCar, eventually, journey, launch, screenshot, staff } from './browser.js';

// Issue 29 from end to end: a manager desks a used car with a customer beside them (the car's
// list price and days in stock, a fee, a trade-in whose VIN fills in its model year, a cell of the
// payment grid chosen as the financing), records it, prints the buyer's order, and voids the sale
// with a reason; the trade-in that entered stock with the sale leaves it again.

let browser: Browser;
let modelId: number;
beforeAll(async () => {
  browser = await launch();
  const models = await api().call<{ models: { id: number }[] }>('GET', '/inventory/api/models/');
  modelId = models.models[0]?.id ?? 0;
});
afterAll(async () => {
  await browser?.close();
});

/** Answers whether inventory holds `vin` (a 404 is "no"). */
async function inStock(vin: string): Promise<boolean> {
  try {
    await api().call('GET', `/inventory/api/automobiles/${vin}/`);
    return true;
  } catch (error) {
    if (String(error).includes('404')) return false;
    throw error;
  }
}

describe('the sales desk', () => {
  for (const [index, width] of [1280, 390].entries()) {
    it(`desks a used car with a trade-in and financing, prints it and voids it at ${width} px`, async () => {
      const car = sampleVin(830_100 + index, '4T1BF1FK0HU');
      const trade = sampleVin(830_200 + index, '1HGCV1F30HA');
      await api().call('POST', '/inventory/api/automobiles/', {
        vin: car,
        color: 'silver',
        year: 2019,
        model_id: modelId,
        condition: 'used',
        odometer: 38400,
        list_price: 21995,
        cost: 18250,
      });
      await journey(
        browser,
        'sales-desk',
        async (page) => {
          await page.goto(`${appUrl}/sales/new`);
          await chooseCar(page, car);
          await page.getByText('38,400 miles').waitFor();
          await page.getByRole('button', { name: 'Use list price' }).click();
          expect(await page.getByLabel('Price (USD)').inputValue()).toBe('21995.00');
          await page.getByLabel('Salesperson', { exact: true }).selectOption({ label: 'Sam Carter' });
          await page.getByLabel('Customer', { exact: true }).selectOption({ index: 1 });
          await page.getByRole('button', { name: 'Add a fee' }).click();
          await page.getByLabel('Fee 1', { exact: true }).fill('Documentation');
          await page.getByLabel('Fee 1 amount (USD)').fill('499');
          await page.getByLabel('Down payment (USD)').fill('2000');
          await page.getByLabel('The customer trades in a car').check();
          await page.getByLabel('Trade-in VIN').fill(trade);
          // The VIN's tenth character is the model year: filled in as typed.
          await expect
            .poll(() => page.getByLabel('Year', { exact: true }).inputValue(), { timeout: 10_000 })
            .toBe('2017');
          await page.getByLabel('Make').fill('Honda');
          await page.getByLabel('Model', { exact: true }).fill('Accord');
          await page.getByLabel('Odometer (miles)').fill('91000');
          await page.getByLabel('Allowance (USD)').fill('9000');
          await page.getByLabel('Payoff owed (USD)').fill('4500.50');
          const cell = page.getByRole('button', { name: /a month for 60 months at 5\.9 %/ });
          await cell.click();
          await page.getByText('Financing chosen: 60 months at 5.9 % APR.').waitFor();
          const monthly = await cell.getAttribute('data-cents');
          await checkPage(page, `sales desk at ${width}`);
          await screenshot(page, `sales-desk-deal-${width}`);
          if (width === 1280) {
            // The same deal on a tablet, before it is recorded.
            await page.setViewportSize({ width: 768, height: 1024 });
            await checkPage(page, 'sales desk at 768');
            await screenshot(page, 'sales-desk-deal-768');
            await page.setViewportSize({ width, height: 900 });
          }
          await page.getByRole('button', { name: 'Record sale' }).click();
          await page.getByRole('link', { name: 'Open the sale' }).click();

          await page.getByRole('table', { name: 'The deal', exact: true }).waitFor();
          const sale = page.getByRole('table', { name: 'The deal', exact: true });
          expect(await sale.textContent()).toContain(`$${(Number(monthly) / 100).toFixed(2)}`);
          await page.locator('dt', { hasText: 'Front gross' }).waitFor();
          await checkPage(page, `sale with a deal at ${width}`);
          await screenshot(page, `sales-desk-sale-${width}`);
          const saleUrl = page.url();

          await page.getByRole('button', { name: 'Print buyer’s order' }).click();
          await page.getByRole('heading', { name: 'Buyer’s order' }).waitFor();
          const paper = (await page.getByRole('article', { name: 'Buyer’s order' }).textContent()) ?? '';
          for (const part of ['Documentation', 'Trade-in allowance', 'Amount financed', 'Monthly payment', trade]) {
            expect(paper).toContain(part);
          }
          expect(paper).not.toContain('Check digit');
          await checkPage(page, `buyer's order at ${width}`);
          await screenshot(page, `sales-desk-buyers-order-${width}`);

          // The trade-in reaches inventory through the sales outbox, as a used car.
          await eventually(page, () => inStock(trade), 30_000);
          await page.goto(saleUrl);
          await page.getByRole('button', { name: 'Void this sale' }).click();
          await page.getByLabel('Reason for voiding').fill('Customer’s financing fell through');
          await page.getByRole('button', { name: 'Void sale' }).click();
          await page.getByTestId('voided-notice').waitFor();
          await checkPage(page, `voided deal at ${width}`);
          await eventually(page, async () => !(await inStock(trade)), 30_000);
        },
        { as: staff.manager, width },
      );
    });
  }

  it('shows the stock by age and the front gross report at 768 px', async () => {
    await journey(
      browser,
      'sales-desk-reports',
      async (page) => {
        await page.goto(`${appUrl}/inventory/aging`);
        await page.getByRole('table', { name: 'Unsold cars by days in stock' }).waitFor();
        await page.getByRole('columnheader', { name: 'Cost tied up' }).waitFor();
        await checkPage(page, 'stock by age');
        await screenshot(page, 'sales-desk-stock-by-age-768');
        await page.goto(`${appUrl}/reports/gross`);
        await page.getByRole('heading', { level: 1, name: 'Front gross' }).waitFor();
        await checkPage(page, 'front gross');
        await page.goto(`${appUrl}/`);
        await page.getByText('Stock by days in stock').waitFor();
        await checkPage(page, 'dashboard with stock ages');
      },
      { as: staff.manager, width: 768 },
    );
  });
});
