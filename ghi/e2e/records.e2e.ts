import { expectedCheckDigit } from '@carcar/common/vin/vin';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, appUrl, checkPage, journey, launch, screenshot } from './browser.js';

// Correcting records the way staff do: from the record's own page, at a desk (1280 px) and on a phone (390 px).

let browser: Browser;
let modelId: number;
beforeAll(async () => {
  browser = await launch();
  const maker = await api().call<{ id: number }>('POST', `/inventory/api/manufacturers/`, { name: 'Records Motors' });
  const model = await api().call<{ id: number }>('POST', `/inventory/api/models/`, {
    name: 'Ledger',
    picture_url: 'http://localhost:3000/car.svg',
    manufacturer_id: maker.id,
  });
  modelId = model.id;
});
afterAll(async () => {
  await browser?.close();
});

/** A North American VIN with a correct check digit, model year 2018 ('J' with a letter in position 7). */
function vinFor(serial: number): string {
  const draft = `1FTFW1E50JF${String(serial).padStart(6, '0')}`;
  return `${draft.slice(0, 8)}${expectedCheckDigit(draft)}${draft.slice(9)}`;
}

async function addCar(vin: string, color: string): Promise<void> {
  await api().call('POST', `/inventory/api/automobiles/`, { vin, color, year: 2018, model_id: modelId });
}

const widths = [1280, 390] as const;

describe.each(widths)('records at %i px', (width) => {
  it("fixes a car's color from its page", async () => {
    const vin = vinFor(width);
    await addCar(vin, 'blue');
    await journey(
      browser,
      'records-car',
      async (page) => {
        await page.goto(`${appUrl}/inventory/automobiles`);
        await page
          .getByRole('status')
          .filter({ hasText: /\d+ cars?/ })
          .waitFor();
        await checkPage(page, 'automobiles list');
        await screenshot(page, `records-automobiles-${width}`);
        // Newest first: the car just added through the API heads the list; the search finds it too.
        await page.getByLabel('Search').fill(vin.slice(-6));
        await page
          .getByRole('status')
          .filter({ hasText: `matching “${vin.slice(-6)}”` })
          .waitFor();
        await page.getByRole('link', { name: new RegExp(vin) }).click();

        await page.getByRole('heading', { level: 1, name: '2018 Records Motors Ledger' }).waitFor();
        const facts = page.locator('dl.facts-grid');
        expect(await facts.textContent()).toContain('North America');
        expect(await facts.textContent()).toContain('2018');
        expect(await facts.textContent()).toContain('correct');
        await page.getByText('This car has not been sold.').waitFor();
        await checkPage(page, 'car page');

        await page.getByLabel('Color').fill('midnight blue');
        await page.getByRole('button', { name: 'Save changes' }).click();
        await page.getByText('Car details saved').waitFor();
        await page.getByTestId('car-summary').filter({ hasText: 'midnight blue' }).waitFor();
        const stored = await api().call<{ color: string }>('GET', `/inventory/api/automobiles/${vin}/`);
        expect(stored.color).toBe('midnight blue');

        // A mistake is refused in words, next to the field.
        await page.getByLabel('Year').fill('1800');
        await page.getByRole('button', { name: 'Save changes' }).click();
        expect(await page.locator('#field-year-error').textContent()).toMatch(/Enter a year from 1900/);
        await checkPage(page, 'car page with an error');
      },
      { width },
    );
  });

  it('voids a sale with a reason and sees it marked voided, with the reason', async () => {
    const vin = vinFor(width + 1);
    await addCar(vin, 'red');
    // The sales service learns of the car from inventory's feed within a second.
    await expect
      .poll(
        async () => (await api().call<{ autos: unknown[] }>('GET', `/sales/api/automobiles/?vin=${vin}`)).autos.length,
        {
          timeout: 15_000,
        },
      )
      .toBe(1);
    const seller = await api().call<{ id: number }>('POST', `/sales/api/salespeople/`, {
      first_name: 'Rita',
      last_name: `Records${width}`,
      employee_id: `REC-${width}`,
    });
    const buyer = await api().call<{ id: number }>('POST', `/sales/api/customers/`, {
      first_name: 'Victor',
      last_name: `Void${width}`,
      address: '1 Ledger Lane',
      phone_number: '555-0100',
    });
    const sale = await api().call<{ id: number }>('POST', `/sales/api/sales/`, {
      automobile: vin,
      salesperson: seller.id,
      customer: buyer.id,
      price: 21000,
    });
    const reason = 'Financing fell through';
    await journey(
      browser,
      'records-void',
      async (page) => {
        await page.goto(`${appUrl}/sales`);
        await page.getByLabel('Search').fill(`Void${width}`);
        await page.getByRole('status').filter({ hasText: '1 sale matching' }).waitFor();
        await checkPage(page, 'sales list');
        await screenshot(page, `records-sales-${width}`);
        await page.locator('tbody tr', { hasText: vin }).getByRole('link').first().click();

        await page.getByRole('heading', { level: 1, name: `Sale #${sale.id}` }).waitFor();
        await checkPage(page, 'sale page');
        await page.getByRole('button', { name: 'Void this sale' }).click();
        const dialog = page.getByRole('dialog', { name: 'Void this sale?' });
        await dialog.waitFor();
        // The reason is required: confirming without one says so, and nothing is voided.
        await dialog.getByRole('button', { name: 'Void sale' }).click();
        await dialog.getByText('Please say why the sale is voided').waitFor();
        await checkPage(page, 'void dialog');
        await screenshot(page, `records-void-dialog-${width}`);
        await dialog.getByLabel(/Reason for voiding/).fill(reason);
        await dialog.getByRole('button', { name: 'Void sale' }).click();
        await dialog.waitFor({ state: 'hidden' });

        const notice = page.getByTestId('voided-notice');
        await notice.waitFor();
        expect(await notice.textContent()).toContain(`Reason: ${reason}`);
        expect(await page.getByRole('heading', { level: 1 }).textContent()).toContain('Voided');
        await checkPage(page, 'voided sale page');
        await screenshot(page, `records-voided-sale-${width}`);

        // The car's page keeps the deal in its history, voided, with the reason.
        await page.locator('dl.facts-grid').getByRole('link', { name: vin }).click();
        const saleRow = page.locator('tbody tr', { hasText: reason });
        await saleRow.waitFor();
        expect(await saleRow.textContent()).toContain('Voided');
        await checkPage(page, 'car page with a voided sale');
        await screenshot(page, `records-car-voided-sale-${width}`);

        // Voided, the car can be sold again: the sale form offers it as the VIN is typed.
        await page.goto(`${appUrl}/sales/new`);
        await page.getByRole('combobox', { name: 'Automobile' }).fill(vin.slice(0, 12));
        const option = page.getByRole('option', { name: new RegExp(vin) });
        await option.waitFor();
        expect(await option.textContent()).toContain('2018 Records Motors Ledger, red');
        await checkPage(page, 'record a sale with suggestions');
        await screenshot(page, `records-sale-form-${width}`);
        await option.click();
        await page.getByText('2018 Records Motors Ledger, red: in stock, unsold.').waitFor();
        await page.getByRole('button', { name: 'New customer' }).click();
        const newCustomer = page.getByRole('dialog', { name: 'New customer' });
        await newCustomer.waitFor();
        await checkPage(page, 'new customer dialog');
        await page.keyboard.press('Escape');
        await newCustomer.waitFor({ state: 'hidden' });
      },
      { width },
    );
  });
});
