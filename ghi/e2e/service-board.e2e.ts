import { sampleVin } from '@carcar/common/vin/vin';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, appUrl, checkPage, journey, launch, screenshot } from './browser.js';

// The service advisors' day on the board, at a desk (1280 px) and on a phone (390 px). Each width
// has its own technicians, car and day, so the two runs and the other journeys never meet.

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

/** Opens a page of the app once its requests are done, and checks it as every page is checked. */
async function visit(page: Page, path: string, name: string): Promise<void> {
  await page.goto(`${appUrl}${path}`, { waitUntil: 'networkidle' });
  await checkPage(page, name);
}

/** The element is wholly inside the viewport's width: on a phone, nothing to scroll to reach it. */
async function expectInView(page: Page, selector: ReturnType<Page['locator']>, what: string): Promise<void> {
  const box = await selector.boundingBox();
  const width = page.viewportSize()?.width ?? 0;
  expect(box, what).not.toBeNull();
  expect((box?.x ?? -1) >= 0 && (box?.x ?? 0) + (box?.width ?? 0) <= width, `${what} fully visible`).toBe(true);
}

interface Technician {
  id: number;
  first_name: string;
  last_name: string;
}
interface Appointment {
  id: number;
  date_time: string;
  status: string;
  cancel_reason: string | null;
}

for (const width of [1280, 390]) {
  describe(`the service board at ${width} px`, () => {
    // A day of its own for each width, far enough ahead to stay in the future.
    const day = width === 1280 ? '2031-03-04' : '2031-03-05';
    const vin = sampleVin(910_000 + width);

    it('books into a conflict and takes the offered slot, then works the appointments on the board', async () => {
      const tech = await api().call<Technician>('POST', `/service/api/technicians/`, {
        first_name: 'Grace',
        last_name: `Hopper${width}`,
        employee_id: `SB-G-${width}`,
      });
      const manufacturer = await api().call<{ id: number }>('POST', `/inventory/api/manufacturers/`, {
        name: `Board Motors ${width}`,
      });
      const model = await api().call<{ id: number }>('POST', `/inventory/api/models/`, {
        name: 'Hatch',
        picture_url: 'http://localhost:3000/car.svg',
        manufacturer_id: manufacturer.id,
      });
      await api().call('POST', `/inventory/api/automobiles/`, { vin, color: 'teal', year: 2010, model_id: model.id });
      // A colleague booked 10:00 to 11:00 with the same technician already.
      await api().call('POST', `/service/api/appointments/`, {
        vin: sampleVin(920_000 + width),
        customer: 'Earlier Customer',
        date_time: `${day}T10:00`,
        technician: tech.id,
        reason: 'Brakes',
        duration_minutes: 60,
      });

      await journey(
        browser,
        'service-booking',
        async (page) => {
          await visit(page, '/service/appointments/new', 'booking form');
          // VIN autocomplete over the inventory: a few characters, the arrow keys, Enter.
          const vinBox = page.getByRole('combobox', { name: 'VIN' });
          await vinBox.fill(vin.slice(-8));
          const option = page.getByRole('option', { name: new RegExp(vin) });
          await option.waitFor();
          expect(await option.textContent()).toContain('VIP');
          expect(await option.textContent()).toContain(`Board Motors ${width} Hatch`);
          await checkPage(page, 'booking form with suggestions');
          await vinBox.press('ArrowDown');
          expect(await vinBox.getAttribute('aria-activedescendant')).toBe(await option.getAttribute('id'));
          await vinBox.press('Enter');
          expect(await vinBox.inputValue()).toBe(vin);
          expect(await vinBox.getAttribute('aria-expanded')).toBe('false');

          await page.getByLabel('Customer').fill('Jane Roe');
          await page.getByLabel('Date and time').fill(`${day}T10:30`);
          await page.getByLabel('Technician').selectOption({ label: `Grace Hopper${width}` });
          await page.getByLabel('Reason').fill('Oil change');
          await page.getByRole('button', { name: 'Book appointment' }).click();

          // The 409 in words, with the technician's next free start as one click.
          const conflict = page.locator('form [role="alert"]');
          await conflict.waitFor();
          expect(await conflict.textContent()).toContain('already booked from 10:00 AM to 11:00 AM');
          const offer = page.getByRole('button', { name: 'Book at 11:00 AM instead' });
          await checkPage(page, 'booking conflict');
          await screenshot(page, `service-booking-conflict-${width}`);
          await expectInView(page, offer, 'the offered slot');
          await offer.click();
          await page.getByText('Appointment booked').waitFor();

          const booked = await api().call<{ appointments: Appointment[] }>(
            'GET',
            `/service/api/appointments/?vin=${vin}`,
          );
          expect(booked.appointments.map((a) => a.date_time)).toEqual([`${day}T11:00:00.000Z`]);
        },
        { width },
      );

      await journey(
        browser,
        'service-board',
        async (page) => {
          // The day on the board, both appointments in time order, the counts on the views.
          await visit(page, `/service/appointments?view=today&date=${day}&technician=${tech.id}`, 'board day list');
          const rows = page.locator('tbody tr');
          await rows.nth(1).waitFor();
          expect(await rows.count()).toBe(2);
          expect(await rows.nth(0).textContent()).toContain('10:00 AM–11:00 AM');
          expect(await rows.nth(1).textContent()).toContain('11:00 AM–12:00 PM');
          expect(await rows.nth(1).textContent()).toContain('VIP');
          await expectInView(page, rows.nth(1).getByRole('button', { name: 'Finish' }), 'Finish on the board');
          await expectInView(page, rows.nth(1).getByRole('button', { name: 'Cancel…' }), 'Cancel on the board');
          await page.getByText(/^Upcoming\s*2$/).waitFor();
          await screenshot(page, `service-board-day-${width}`);

          // Search by VIN narrows the list.
          await page.getByRole('searchbox', { name: 'Search' }).fill(vin);
          await page.getByRole('searchbox', { name: 'Search' }).press('Enter');
          await expect.poll(() => rows.count()).toBe(1);
          await checkPage(page, 'board searched');

          // The technicians' day: this technician's column, in time order.
          await visit(page, `/service/appointments?view=technicians&date=${day}`, 'board by technician');
          const column = page.locator('.technician-column', { hasText: `Grace Hopper${width}` });
          await column.waitFor();
          const slots = column.locator('li');
          expect(await slots.count()).toBe(2);
          expect(await slots.nth(0).textContent()).toContain('Earlier Customer');
          expect(await slots.nth(1).textContent()).toContain('Jane Roe');
          await screenshot(page, `service-board-technicians-${width}`);

          // The appointment's page: cancel needs a reason, which is kept.
          await column.getByRole('link', { name: 'Earlier Customer' }).click();
          await page.getByRole('heading', { name: 'Earlier Customer: Brakes' }).waitFor();
          await checkPage(page, 'appointment detail');
          await page.getByRole('button', { name: 'Cancel…' }).click();
          const dialog = page.getByRole('dialog', { name: 'Cancel this appointment?' });
          await dialog.waitFor();
          await dialog.getByRole('button', { name: 'Cancel appointment' }).click();
          await dialog.getByText('Say why it is canceled').waitFor();
          await checkPage(page, 'cancel dialog');
          await dialog.getByLabel('Reason for canceling').fill('Customer called to reschedule');
          await dialog.getByRole('button', { name: 'Cancel appointment' }).click();
          await page.getByText('Canceled: “Customer called to reschedule”').waitFor();

          // The other one: VIN to the car's page, and finishing asks first.
          await visit(page, `/service/appointments?view=today&date=${day}&q=${vin}`, 'board again');
          await page.getByRole('link', { name: 'Jane Roe, appointment details' }).click();
          await page.getByRole('heading', { name: 'Jane Roe: Oil change' }).waitFor();
          expect(await page.getByRole('link', { name: vin }).getAttribute('href')).toBe(`/vehicles/${vin}`);
          await page.getByRole('button', { name: 'Finish…' }).click();
          await page
            .getByRole('dialog', { name: 'Finish this appointment?' })
            .getByRole('button', { name: 'Finish appointment' })
            .click();
          await page.getByText('kept in the car’s service history').waitFor();
          await checkPage(page, 'finished appointment');

          const done = await api().call<{ appointments: Appointment[] }>(
            'GET',
            `/service/api/appointments/?technician=${tech.id}&sort=date_time`,
          );
          expect(done.appointments.map((a) => [a.status, a.cancel_reason])).toEqual([
            ['canceled', 'Customer called to reschedule'],
            ['finished', null],
          ]);
        },
        { width },
      );
    });

    it('retires a technician: marked in the list, gone from the booking picker, back once reinstated', async () => {
      const tech = await api().call<Technician>('POST', `/service/api/technicians/`, {
        first_name: 'Retiring',
        last_name: `Tech${width}`,
        employee_id: `SB-R-${width}`,
      });
      const name = `Retiring Tech${width}`;
      await journey(
        browser,
        'service-retire',
        async (page) => {
          const pickerOption = page.locator('#field-technician option', { hasText: name });
          await visit(page, '/service/appointments/new', 'booking form');
          expect(await pickerOption.count()).toBe(1);

          await visit(page, '/service/technicians', 'technicians');
          const row = page.locator('tbody tr', { hasText: `SB-R-${width}` });
          expect(await row.textContent()).toContain('Active');
          await row.getByRole('link', { name }).click();
          await page.getByRole('heading', { name }).waitFor();
          await checkPage(page, 'technician page');
          await page.getByRole('button', { name: 'Retire…' }).click();
          const dialog = page.getByRole('dialog', { name: `Retire ${name}?` });
          await checkPage(page, 'retire dialog');
          await dialog.getByRole('button', { name: 'Retire technician' }).click();
          await page.getByRole('button', { name: 'Reinstate' }).waitFor();
          await checkPage(page, 'retired technician');

          await visit(page, '/service/technicians', 'technicians with a retired one');
          expect(await row.textContent()).toContain('Retired');
          await visit(page, '/service/appointments/new', 'booking form without the retired one');
          await page.locator('#field-technician option').nth(1).waitFor({ state: 'attached' });
          expect(await pickerOption.count()).toBe(0);

          await page.goto(`${appUrl}/service/technicians/${tech.id}`, { waitUntil: 'networkidle' });
          await page.getByRole('button', { name: 'Reinstate' }).click();
          await page.getByRole('button', { name: 'Retire…' }).waitFor();
          await visit(page, '/service/appointments/new', 'booking form after reinstating');
          await pickerOption.waitFor({ state: 'attached' });
        },
        { width },
      );
    });
  });
}
