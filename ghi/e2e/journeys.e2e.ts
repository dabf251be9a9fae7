import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible } from './accessibility.js';
import { api, appUrl, chooseCar, eventually, journey, launch } from './browser.js';

// One car goes through the whole dealership: into inventory, into the workshop, out of the door,
// with staff of its own (Katherine Johnson, Jordan Lee, Emma Wilson) beside the seeded demo ones.
const VIN = '1HGCM82633A004352';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const row = (page: Page, text: string) => page.locator('tbody tr', { hasText: text });

describe('staff journeys in Chromium', () => {
  it('adds a manufacturer, a model and an automobile, with live VIN checking', async () => {
    await journey(browser, 'inventory', async (page) => {
      await page.goto(`${appUrl}/inventory/manufacturers`);
      await page.getByRole('button', { name: 'Add manufacturer' }).click();
      await page.getByLabel('Name').fill('E2E Motors');
      await page.getByRole('dialog').getByRole('button', { name: 'Add manufacturer' }).click();
      await row(page, 'E2E Motors').waitFor();
      await page.getByText('Manufacturer added').waitFor();
      await expectAccessible(page, 'manufacturers');

      await page.goto(`${appUrl}/inventory/models`);
      await page.getByRole('button', { name: 'Add model' }).click();
      await page.getByLabel('Model name').fill('Roadster');
      await page.getByLabel('Picture URL').fill('http://localhost:3000/car.svg');
      await page.getByLabel('Manufacturer').selectOption({ label: 'E2E Motors' });
      await page.getByRole('dialog').getByRole('button', { name: 'Add model' }).click();
      await row(page, 'Roadster').waitFor();
      await expectAccessible(page, 'vehicle models');

      await page.goto(`${appUrl}/inventory/automobiles`);
      await page.getByRole('button', { name: 'Add automobile' }).click();
      const form = page.getByRole('dialog');
      const vin = form.getByLabel('VIN');
      await vin.fill('1HGCM82643A004352');
      await expect.poll(() => page.getByTestId('vin-check').textContent()).toContain('should be 3');
      await vin.fill(VIN.toLowerCase());
      await expect.poll(() => page.getByTestId('vin-check').textContent()).toContain('Valid VIN');
      expect(await page.getByTestId('vin-check').textContent()).toContain('Model year: 2003');
      expect(await page.getByTestId('vin-check').textContent()).toContain('North America');
      await form.getByLabel('Color').fill('silver');
      await form.getByLabel('Year').fill('2003');
      await form.getByLabel('Model', { exact: true }).selectOption({ label: 'E2E Motors Roadster' });
      await form.getByRole('button', { name: 'Add automobile' }).click();
      await row(page, VIN).waitFor();
      expect(await row(page, VIN).textContent()).toContain('In stock');
      await expectAccessible(page, 'automobiles');
    });
  });

  it('books an appointment for that VIN, sees it VIP, finishes it and finds it in the history', async () => {
    await journey(browser, 'service', async (page) => {
      await page.goto(`${appUrl}/service/technicians`);
      await page.getByRole('button', { name: 'Add technician' }).click();
      await page.getByLabel('First name').fill('Katherine');
      await page.getByLabel('Last name').fill('Johnson');
      await page.getByLabel('Employee ID').fill('KJ-1');
      await page.getByRole('dialog').getByRole('button', { name: 'Add technician' }).click();
      await row(page, 'KJ-1').waitFor();
      await expectAccessible(page, 'technicians');

      await page.goto(`${appUrl}/service/appointments/new`);
      const book = async (time: string) => {
        await page.getByLabel('VIN').fill(VIN);
        await page.getByLabel('Customer').fill('Jane Doe');
        await page.getByLabel('Date and time').fill(time);
        await page.getByLabel('Technician').selectOption({ label: 'Katherine Johnson' });
        await page.getByLabel('Reason').fill('Oil change');
        await page.getByRole('button', { name: 'Book appointment' }).click();
      };
      // Client-side validation names the fields before anything is sent.
      await page.getByRole('button', { name: 'Book appointment' }).click();
      await page.getByText('Choose a date and time').waitFor();
      await book('2030-05-01T10:00');
      await page.getByText('Appointment booked').waitFor();
      // A double booking: the API's 409 message appears on the form.
      await book('2030-05-01T10:30');
      const conflict = page.locator('form [role="alert"]');
      await conflict.waitFor();
      expect(await conflict.textContent()).toContain('already booked');
      await expectAccessible(page, 'booking form');

      // A list gone stale: a technician removed after the page loaded. The API's 400 names the field,
      // and the message appears under it.
      const temp = await api().call<{ id: number }>('POST', '/service/api/technicians/', {
        first_name: 'Temp',
        last_name: 'Worker',
        employee_id: 'T-TEMP',
      });
      await page.reload();
      await page.getByLabel('VIN').fill(VIN);
      await page.getByLabel('Customer').fill('Jane Doe');
      await page.getByLabel('Date and time').fill('2030-06-01T09:00');
      await page.getByLabel('Technician').selectOption({ label: 'Temp Worker' });
      await page.getByLabel('Reason').fill('Inspection');
      await api().call('DELETE', `/service/api/technicians/${temp.id}/`);
      await page.getByRole('button', { name: 'Book appointment' }).click();
      expect(await page.locator('#field-technician-error').textContent()).toBe('Choose a technician from the list');

      await page.goto(`${appUrl}/service/appointments`);
      // The service poller copies the new car from inventory within a second: the booking turns VIP.
      await eventually(page, async () => ((await row(page, VIN).textContent()) ?? '').includes('VIP'));
      await expectAccessible(page, 'service board');
      await row(page, VIN).getByRole('button', { name: 'Finish' }).click();
      await row(page, VIN).waitFor({ state: 'detached' });

      await page.goto(`${appUrl}/service/history`);
      await page.getByRole('textbox', { name: 'VIN' }).fill(VIN);
      await page.getByRole('button', { name: 'Search' }).click();
      await row(page, 'finished').waitFor();
      expect(await row(page, 'finished').textContent()).toContain('Jane Doe');
      await expectAccessible(page, 'service history');
    });
  });

  it('records a sale: the car leaves the choices, shows sold in inventory and in the salesperson history', async () => {
    await journey(browser, 'sales', async (page) => {
      await page.goto(`${appUrl}/sales/salespeople`);
      await page.getByRole('button', { name: 'Add salesperson' }).click();
      await page.getByLabel('First name').fill('Jordan');
      await page.getByLabel('Last name').fill('Lee');
      await page.getByLabel('Employee ID').fill('JL-1');
      await page.getByRole('dialog').getByRole('button', { name: 'Add salesperson' }).click();
      await row(page, 'JL-1').waitFor();
      await expectAccessible(page, 'salespeople');

      await page.goto(`${appUrl}/sales/customers`);
      await page.getByRole('button', { name: 'Add customer' }).click();
      await page.getByLabel('First name').fill('Emma');
      await page.getByLabel('Last name').fill('Wilson');
      await page.getByLabel('Address').fill('7 Birch Road, Springfield');
      await page.getByLabel('Phone number').fill('abc');
      await page.getByRole('dialog').getByRole('button', { name: 'Add customer' }).click();
      await page.locator('#field-phone_number-error').waitFor();
      await page.getByLabel('Phone number').fill('+1 (555) 010-0301');
      await page.getByRole('dialog').getByRole('button', { name: 'Add customer' }).click();
      await row(page, 'Emma').waitFor();
      await expectAccessible(page, 'customers');

      await page.goto(`${appUrl}/sales/new`);
      await chooseCar(page, VIN);
      await page.getByLabel('Salesperson', { exact: true }).selectOption({ label: 'Jordan Lee' });
      await page.getByLabel('Customer', { exact: true }).selectOption({ label: 'Emma Wilson · +1 (555) 010-0301' });
      await page.getByLabel('Price (USD)').fill('25999.99');
      await page.getByRole('button', { name: 'Record sale' }).click();
      await page.getByText('Sale recorded', { exact: true }).waitFor();
      // The sold car is gone from the choices at once, without a reload.
      await page.getByRole('combobox', { name: 'Automobile' }).fill(VIN);
      await page.getByText('No unsold car in stock matches').waitFor();

      // A car sold by someone else while this form was open: the API's 409 shows on the form.
      const second = '1GC4K0C87FF132904';
      const models = await api().call<{ models: { id: number }[] }>('GET', '/inventory/api/models/');
      await api().call('POST', '/inventory/api/automobiles/', {
        vin: second,
        color: 'red',
        year: 2015,
        model_id: models.models[0]?.id,
      });
      await chooseCar(page, second);
      await page.getByLabel('Salesperson', { exact: true }).selectOption({ label: 'Jordan Lee' });
      await page.getByLabel('Customer', { exact: true }).selectOption({ label: 'Emma Wilson · +1 (555) 010-0301' });
      await page.getByLabel('Price (USD)').fill('18000');
      // Jordan and Emma by name: the seed and the other journey files add staff and customers too.
      const ids = await api().call<{ salespeople: { id: number; employee_id: string }[] }>(
        'GET',
        '/sales/api/salespeople/',
      );
      const buyers = await api().call<{ customers: { id: number; first_name: string }[] }>(
        'GET',
        '/sales/api/customers/?q=Emma',
      );
      await api().call('POST', '/sales/api/sales/', {
        automobile: second,
        salesperson: ids.salespeople.find((person) => person.employee_id === 'JL-1')?.id,
        customer: buyers.customers.find((buyer) => buyer.first_name === 'Emma')?.id,
        price: 17500,
      });
      await page.getByRole('button', { name: 'Record sale' }).click();
      expect(await page.locator('form [role="alert"]').textContent()).toContain('already sold');
      await expectAccessible(page, 'record a sale');

      await page.goto(`${appUrl}/inventory/automobiles`);
      await eventually(page, async () => ((await row(page, VIN).textContent()) ?? '').includes('Sold'));
      await expectAccessible(page, 'automobiles sold');

      await page.goto(`${appUrl}/sales/history`);
      await page.getByLabel('Salesperson', { exact: true }).selectOption({ label: 'Jordan Lee' });
      await row(page, VIN).waitFor();
      expect(await row(page, VIN).textContent()).toContain('Emma Wilson');
      // Both of Jordan's sales: the one through the form and the one a colleague recorded.
      expect(await page.locator('.total').textContent()).toBe('2 sales, total $43,499.99');
      await expectAccessible(page, 'salesperson history');
    });
  });

  it('shows hostile names as plain text and runs none of them', async () => {
    const firstName = '<img src=x onerror="window.__pwned=1">';
    const lastName = '<script>window.__pwned=2</script>';
    const stored = await api().call<{ first_name: string; last_name: string }>('POST', '/sales/api/customers/', {
      first_name: firstName,
      last_name: lastName,
      address: '"><svg onload=window.__pwned=3>',
      phone_number: '555-0199',
    });
    expect(stored).toMatchObject({ first_name: firstName, last_name: lastName });
    await journey(browser, 'hostile', async (page) => {
      await page.goto(`${appUrl}/sales/customers`);
      await row(page, '555-0199').waitFor();
      expect(await row(page, '555-0199').textContent()).toContain(firstName);
      expect(await row(page, '555-0199').textContent()).toContain(lastName);
      await expectAccessible(page, 'customers with hostile names');
      await page.goto(`${appUrl}/sales/new`);
      await page.locator('#field-customer option', { hasText: firstName }).waitFor({ state: 'attached' });
      await expectAccessible(page, 'record a sale with hostile names');
      expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
      expect(await page.locator('img[src="x"], svg[onload]').count()).toBe(0);
    });
  });

  it('shows the dashboard with the month’s figures and a chart', async () => {
    // The seed's sales and the other journeys' count too: the month's total of what the API lists.
    const { sales } = await api().call<{ sales: { price: number; sold_at: string }[] }>('GET', '/sales/api/sales/');
    const now = new Date();
    const revenue = sales
      .filter((sale) => {
        const date = new Date(sale.sold_at);
        return date.getFullYear() === now.getFullYear() && date.getMonth() === now.getMonth();
      })
      .reduce((sum, sale) => sum + sale.price, 0);
    expect(revenue).toBeGreaterThanOrEqual(43_499.99);
    const dollars = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' }).format(revenue);
    await journey(browser, 'dashboard', async (page) => {
      await page.goto(appUrl);
      await page.getByRole('heading', { name: 'Dashboard' }).waitFor();
      await page.getByRole('img', { name: 'Revenue by salesperson, all time' }).waitFor();
      expect(await page.locator('.stat', { hasText: 'Revenue this month' }).textContent()).toContain(dollars);
      await expectAccessible(page, 'dashboard');
    });
  });

  it('is usable on a tablet: at 768 px wide no page scrolls sideways', async () => {
    await journey(browser, 'tablet', async (page) => {
      await page.setViewportSize({ width: 768, height: 1024 });
      for (const path of ['/', '/inventory/automobiles', '/service/appointments/new', '/sales/new', '/sales']) {
        await page.goto(`${appUrl}${path}`, { waitUntil: 'networkidle' });
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        expect(overflow, path).toBeLessThanOrEqual(0);
        await expectAccessible(page, `tablet ${path}`);
      }
    });
  });
});
