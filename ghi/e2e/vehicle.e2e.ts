import { sampleVin } from '@carcar/common/vin/vin';
import { type GatewayClient, signIn } from '@carcar/testing/gateway';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, appUrl, checkPage, journey, launch, type Staff, screenshot, staff } from './browser.js';

// One car's life, each step by the person who does it at the dealership: Max Manager buys it in and
// corrects its color, Sid Service books it in with Ada Lovelace, who finishes the job, Sam Carter
// sells it, Max voids the sale with a reason, Sam sells it again. The car's page then tells all of
// it to a manager, in order, with who and why; a salesperson sees the car without the history.
const VIN = sampleVin(970_001);
const VOID_REASON = 'Customer changed their mind';

let browser: Browser;
const as = (who: Staff): Promise<GatewayClient> => signIn(appUrl, who.email, who.password);

async function until(check: () => Promise<boolean>, what: string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`not within ${timeoutMs} ms: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
}

const salesCopyHas = async (sold: boolean) =>
  (await api().call<{ autos: unknown[] }>('GET', `/sales/api/automobiles/?sold=${sold}&vin=${VIN}`)).autos.length === 1;

beforeAll(async () => {
  browser = await launch();
  const max = await as(staff.manager);
  const sid = await as(staff.advisor);
  const ada = await as(staff.ada);
  const sam = await as(staff.sam);

  const { models } = await max.call<{ models: { id: number }[] }>('GET', '/inventory/api/models/');
  const model = models[0];
  if (!model) throw new Error('the demo data has no vehicle model');
  await max.call('POST', '/inventory/api/automobiles/', { vin: VIN, color: 'red', year: 2010, model_id: model.id });
  await max.call('PUT', `/inventory/api/automobiles/${VIN}/`, { color: 'blue' });

  const { technicians } = await sid.call<{ technicians: { id: number; employee_id: string }[] }>(
    'GET',
    '/service/api/technicians/',
  );
  const adaRecord = technicians.find((t) => t.employee_id === 'T-100');
  const appointment = await sid.call<{ id: number }>('POST', '/service/api/appointments/', {
    vin: VIN,
    customer: 'Olivia Brown',
    date_time: '2032-03-05T09:00',
    technician: adaRecord?.id,
    reason: 'First service',
  });
  await ada.call('PUT', `/service/api/appointments/${appointment.id}/finish/`);

  const me = await sam.call<{ salesperson_id: number }>('GET', '/auth/me');
  const olivia = await sam.call<{ id: number }>('POST', '/sales/api/customers/', {
    first_name: 'Olivia',
    last_name: 'Brown',
    address: '12 Timeline Road',
    phone_number: '555-0170',
  });
  const noah = await sam.call<{ id: number }>('POST', '/sales/api/customers/', {
    first_name: 'Noah',
    last_name: 'Green',
    address: '14 Timeline Road',
    phone_number: '555-0171',
  });
  await until(() => salesCopyHas(false), 'sales learns of the car');
  const first = await sam.call<{ id: number }>('POST', '/sales/api/sales/', {
    automobile: VIN,
    salesperson: me.salesperson_id,
    customer: olivia.id,
    price: 24500,
  });
  await max.call('DELETE', `/sales/api/sales/${first.id}/`, { reason: VOID_REASON });
  await until(() => salesCopyHas(false), 'the car is for sale again');
  await sam.call('POST', '/sales/api/sales/', {
    automobile: VIN,
    salesperson: me.salesperson_id,
    customer: noah.id,
    price: 23900,
  });
  // The outbox tells inventory: sold, unsold, sold again.
  await until(async () => {
    const { entries } = await api().call<{ entries: { action: string }[] }>('GET', `/inventory/api/audit/?vin=${VIN}`);
    return entries.filter((e) => e.action === 'sold').length === 2 && entries.some((e) => e.action === 'unsold');
  }, 'inventory marks the car sold, unsold and sold again');
});
afterAll(async () => {
  await browser?.close();
});

/** The timeline's sentences, top (newest) to bottom. */
const timeline = (page: Page) =>
  page.getByRole('list', { name: 'History of changes to this car' }).getByRole('listitem').allTextContents();

describe.each([1280, 390])('the vehicle page at %i px', (width) => {
  it('opens from the last 6 characters in the header and tells a manager the whole story, with who and why', async () => {
    await journey(
      browser,
      'vehicle-manager',
      async (page) => {
        const search = page.getByRole('searchbox', { name: 'Find a car' });
        await search.fill(VIN.slice(-6).toLowerCase());
        await search.press('Enter');
        await page.waitForURL(`${appUrl}/vehicles/${VIN}`);
        await page.getByRole('heading', { level: 1, name: /^2010 / }).waitFor();

        // The VIN decoded, the sales (the voided one with its reason), the workshop visit.
        const facts = page.locator('dl.facts-grid');
        expect(await facts.textContent()).toContain('North America');
        expect(await facts.textContent()).toContain('correct');
        const sales = page.getByRole('table', { name: 'Sales of this car' });
        await sales.locator('tbody tr', { hasText: 'Noah Green' }).waitFor();
        expect(await sales.locator('tbody tr', { hasText: 'Olivia Brown' }).textContent()).toContain(
          `Voided ${VOID_REASON}`,
        );
        const visit = page.getByRole('table', { name: 'Service appointments of this car' }).locator('tbody tr');
        expect(await visit.textContent()).toMatch(/First service.*Olivia Brown.*Ada Lovelace.*Finished/);

        await page.getByRole('heading', { name: 'History of changes' }).waitFor();
        const lines = await timeline(page);
        const at = (text: string) => {
          const index = lines.findIndex((line) => line.includes(text));
          expect(index, `"${text}" in the history:\n${lines.join('\n')}`).toBeGreaterThanOrEqual(0);
          return index;
        };
        // Newest first: each step below the one that came after it.
        const steps = [
          'Sam CarterSalesperson recorded the sale to Noah Green for $23,900.00',
          `Max ManagerManager voided the sale: ${VOID_REASON}`,
          'Sam CarterSalesperson recorded the sale to Olivia Brown for $24,500.00',
          'Ada LovelaceTechnician finished the appointment',
          'Sid ServiceService advisor booked an appointment for Olivia Brown with Ada Lovelace for Fri, Mar 5, 2032, 9:00 AM (First service)',
          'Max ManagerManager changed the color from red to blue',
          'Max ManagerManager added the car to inventory (2010, red)',
        ].map(at);
        expect(steps).toEqual([...steps].sort((a, b) => a - b));
        expect(lines.filter((line) => line.includes('SystemAutomatic marked the car sold'))).toHaveLength(2);
        at('SystemAutomatic put the car back in stock');
        await checkPage(page, 'vehicle page for a manager');
        await screenshot(page, `vehicle-manager-page-${width}`);
      },
      { width, as: staff.manager },
    );
  });
});

describe('the vehicle page for other staff, and the activity page', () => {
  it('shows a salesperson the car and its sales, without the history of changes', async () => {
    await journey(
      browser,
      'vehicle-salesperson',
      async (page) => {
        await page.goto(`${appUrl}/vehicles/${VIN}`);
        await page.getByRole('heading', { level: 1, name: /^2010 / }).waitFor();
        await page.getByRole('table', { name: 'Sales of this car' }).locator('tbody tr').first().waitFor();
        await page.waitForLoadState('networkidle');
        expect(await page.getByRole('heading', { name: 'History of changes' }).count()).toBe(0);
        await checkPage(page, 'vehicle page for a salesperson');
      },
      { as: staff.sam },
    );
  });

  it('shows an outside car as not in inventory, and finds nothing for an unknown ending', async () => {
    const outside = sampleVin(970_002);
    await journey(
      browser,
      'vehicle-outside',
      async (page) => {
        const search = page.getByRole('searchbox', { name: 'Find a car' });
        await search.fill('ZZZZZ9');
        await search.press('Enter');
        await page.getByRole('status').filter({ hasText: 'No car found whose VIN ends in ZZZZZ9.' }).waitFor();
        await search.fill(outside);
        await page.getByRole('button', { name: 'Find', exact: true }).click();
        await page.waitForURL(`${appUrl}/vehicles/${outside}`);
        await page.getByTestId('outside-car').getByText('Not in our inventory').waitFor();
        await page.getByText('No service appointments for this car.').waitFor();
        await checkPage(page, 'outside car');
      },
      { as: staff.manager },
    );
  });

  it('lists the latest changes for a manager, filtered by record type', async () => {
    await journey(
      browser,
      'activity',
      async (page) => {
        await page.goto(`${appUrl}/activity`);
        const count = page.getByRole('status').filter({ hasText: /Showing \d+ of [\d,]+ changes/ });
        await count.waitFor();
        // The demo data alone is more than a page: "Load more" asks each service for its next page.
        const numbers = async () => {
          const [, shown, total] = (await count.textContent())?.match(/Showing ([\d,]+) of ([\d,]+)/) ?? [];
          return { shown: Number(shown?.replace(/,/g, '')), total: Number(total?.replace(/,/g, '')) };
        };
        const before = await numbers();
        expect(before.total).toBeGreaterThan(before.shown);
        await page.getByRole('button', { name: 'Load more' }).click();
        await expect.poll(async () => (await numbers()).shown).toBeGreaterThan(before.shown);
        await page.getByLabel('Record type').selectOption({ label: 'Sales' });
        await page
          .getByRole('status')
          // Unfiltered, the count also names "Sales: N" among the other trails; filtered, it names only sales.
          .filter({ hasText: /\(Sales: \d+\)/ })
          .waitFor();
        const latest = page.getByRole('list', { name: 'Latest changes' }).getByRole('listitem').first();
        expect(await latest.textContent()).toContain('Sam CarterSalesperson recorded the sale to Noah Green');
        await checkPage(page, 'activity');
      },
      { as: staff.manager },
    );
  });
});
