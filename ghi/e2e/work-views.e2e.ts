import { sampleVin } from '@carcar/common/vin/vin';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, checkPage, journey, launch, screenshot, staff } from './browser.js';
import { seededTechnician } from './workshop.js';

// The two work views of issue 18: a technician's My work (their home page, on a phone in the
// workshop) and the advisors' Due for service call list, booking straight from it.

interface Appointment {
  id: number;
  status: string;
  date_time: string;
  vin: string;
  customer: string;
  reason: string;
}

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

/**
 * Books a technician as soon as they are free from `from`: the seed gave each of them jobs today
 * and tomorrow, and the service refuses a double booking with the time they are next free.
 */
async function bookWhenFree(
  employeeId: string,
  from: Date,
  job: { vin: string; customer: string; reason: string; duration_minutes: number },
): Promise<Appointment> {
  const technician = await seededTechnician(employeeId);
  let start = new Date(from);
  start.setUTCSeconds(0, 0);
  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      return await api().call<Appointment>('POST', '/service/api/appointments/', {
        ...job,
        date_time: start.toISOString(),
        technician,
      });
    } catch (error) {
      const nextFree = /"next_free":"([^"]+)"/.exec(String(error))?.[1];
      if (!nextFree) throw error;
      start = new Date(nextFree);
    }
  }
  throw new Error(`${employeeId} had no free time for ${job.reason}`);
}

/** Ada's job a few minutes from now, or when she is next free. */
const bookAda = (customer: string, vin: string): Promise<Appointment> =>
  bookWhenFree('T-100', new Date(Date.now() + 5 * 60_000), {
    vin,
    customer,
    reason: 'Front brake pads',
    duration_minutes: 30,
  });

/** The card of one job or one due car, found by the text it shows. */
const card = (page: Page, selector: string, text: string) => page.locator(selector, { hasText: text });

describe('My work', () => {
  it('is a technician’s home page at 390 px: their jobs in time order, the car one tap away, Finish after a confirmation', async () => {
    const customer = 'Work View Customer';
    const vin = sampleVin(975_390);
    const job = await bookAda(customer, vin);
    // Someone else's job the same day: not on Ada's list.
    await bookWhenFree('T-101', new Date(job.date_time), {
      vin: sampleVin(975_391),
      customer: 'Not Adas Customer',
      reason: 'Wipers',
      duration_minutes: 30,
    });

    await journey(
      browser,
      'my-work',
      async (page) => {
        // Signing in lands on `/`, which for a technician is My work.
        await page.getByRole('heading', { level: 1, name: 'My work' }).waitFor();
        expect(new URL(page.url()).pathname).toBe('/');
        const mine = card(page, 'li.job', customer);
        await mine.waitFor();
        expect(await page.getByText('Not Adas Customer').count()).toBe(0);
        // In time order within each section.
        const lists = await page.locator('ol.my-work-list').all();
        expect(lists.length).toBeGreaterThan(0);
        for (const list of lists) {
          const starts = await list
            .locator('.job-time time')
            .evaluateAll((times) => times.map((time) => time.getAttribute('datetime') ?? ''));
          expect(starts).toEqual([...starts].sort());
        }
        await checkPage(page, 'my work');
        await screenshot(page, 'my-work-list-390');

        // Large touch targets: the Finish button and the car's history link at least 44 px tall.
        const finish = mine.getByRole('button', { name: 'Finish…' });
        const history = mine.getByRole('button', { name: `Car history of ${vin}` });
        for (const target of [finish, history]) {
          const box = await target.boundingBox();
          expect(box?.height ?? 0).toBeGreaterThanOrEqual(44);
          expect((box?.x ?? -1) >= 0 && (box?.x ?? 0) + (box?.width ?? 0) <= 390).toBe(true);
        }

        // The car's history is one tap away, and Back returns to the list.
        await history.click();
        await page.waitForURL(`**/vehicles/${vin}`);
        await page.getByText(customer).first().waitFor();
        await page.goBack();
        await mine.waitFor();

        // Finish asks first; "Not yet" changes nothing.
        await mine.getByRole('button', { name: 'Finish…' }).click();
        const dialog = page.getByRole('dialog', { name: 'Finish this job?' });
        await dialog.waitFor();
        await checkPage(page, 'finish confirmation');
        await screenshot(page, 'my-work-confirm-390');
        await dialog.getByRole('button', { name: 'Not yet' }).click();
        expect((await api().call<Appointment>('GET', `/service/api/appointments/${job.id}/`)).status).toBe('created');

        await mine.getByRole('button', { name: 'Finish…' }).click();
        await dialog.getByRole('button', { name: 'Finish job' }).click();
        await page.getByText(`Appointment for ${customer} finished`).waitFor();
        await expect.poll(async () => (await mine.textContent()) ?? '').toContain('Finished');
        expect(await mine.getByRole('button', { name: 'Finish…' }).count()).toBe(0);
        expect((await api().call<Appointment>('GET', `/service/api/appointments/${job.id}/`)).status).toBe('finished');
        await checkPage(page, 'my work after finishing');
      },
      { width: 390, as: staff.ada },
    );
  });

  it('tells a technician whose account has no technician link to ask an administrator', async () => {
    const unlinked = {
      email: 'unlinked.technician@carcar.local',
      password: 'carcar unlinked 2026',
      name: 'Una Linked',
    };
    await api().call('POST', '/auth/users', { ...unlinked, role: 'technician' });
    await journey(
      browser,
      'my-work-unlinked',
      async (page) => {
        await page.getByRole('heading', { level: 1, name: 'My work' }).waitFor();
        await page.getByText('Your account is not linked to a technician; ask an administrator').waitFor();
        await checkPage(page, 'my work without a technician link');
      },
      { width: 390, as: unlinked },
    );
  });
});

describe.each([1280, 768, 390])('Due for service at %i px', (width) => {
  it('lists a canceled appointment with the customer’s phone, and Book opens the form filled in', async () => {
    const vin = sampleVin(976_000 + width);
    const customer = `Dora Due${width}`;
    const phone = `+1 (555) 020-${String(width).padStart(4, '0')}`;
    const [first = '', last = ''] = customer.split(' ');
    await api().call('POST', '/sales/api/customers/', {
      first_name: first,
      last_name: last,
      address: '9 Reminder Road, Springfield',
      phone_number: phone,
    });
    const canceled = await api().call<Appointment>('POST', '/service/api/appointments/', {
      vin,
      customer,
      // A day no other journey books (roles.e2e.ts books Alan Turing on 1 Aug 2031).
      date_time: `2031-07-0${[1280, 768, 390].indexOf(width) + 1}T09:00`,
      technician: await seededTechnician('T-102'),
      reason: 'Annual inspection',
    });
    await api().call('PUT', `/service/api/appointments/${canceled.id}/cancel/`, { reason: 'Car was away' });
    const day = `2031-09-0${[1280, 768, 390].indexOf(width) + 1}`;

    await journey(
      browser,
      'due-for-service',
      async (page) => {
        if (width < 992) await page.getByRole('button', { name: 'Menu' }).click();
        await page.getByRole('link', { name: 'Due for service' }).click();
        await page.getByRole('heading', { level: 1, name: 'Due for service' }).waitFor();
        const due = card(page, 'li.due-car', vin);
        await due.waitFor();
        // The seed sold two cars nobody has serviced since.
        await card(page, 'li.due-car', 'Sold, not serviced').first().waitFor();
        await due.getByRole('link', { name: phone }).waitFor();
        expect(await due.textContent()).toContain('Annual inspection');
        expect(await due.textContent()).toContain('Car was away');
        await checkPage(page, 'due for service');
        await screenshot(page, `due-for-service-list-${width}`);

        await page.getByRole('link', { name: 'Canceled, not rebooked' }).click();
        await page.waitForURL('**/service/due?kind=canceled');
        await due.waitFor();
        await expect.poll(() => card(page, 'li.due-car', 'Sold, not serviced').count()).toBe(0);
        await checkPage(page, 'due for service, canceled only');

        await due.getByRole('button', { name: `Book ${vin} for ${customer}` }).click();
        await page.getByRole('heading', { level: 1, name: 'Book a service appointment' }).waitFor();
        expect(await page.getByRole('combobox', { name: 'VIN' }).inputValue()).toBe(vin);
        expect(await page.getByLabel('Customer').inputValue()).toBe(customer);
        expect(await page.getByLabel('Reason').inputValue()).toBe('Annual inspection');
        await checkPage(page, 'booking form filled from the due list');
        await screenshot(page, `due-for-service-book-${width}`);
        await page.getByLabel('Date and time').fill(`${day}T10:00`);
        await page.getByLabel('Technician').selectOption({ label: 'Alan Turing' });
        await page.getByRole('button', { name: 'Book appointment' }).click();
        await page.getByText('Appointment booked').waitFor();

        const history = await api().call<{ appointments: Appointment[] }>(
          'GET',
          `/service/api/appointments/?vin=${vin}`,
        );
        expect(history.appointments.map((a) => [a.status, a.customer])).toEqual([
          ['created', customer],
          ['canceled', customer],
        ]);
        // Booked: off the list.
        await page.goBack();
        await page.getByRole('heading', { level: 1, name: 'Due for service' }).waitFor();
        await expect.poll(() => card(page, 'li.due-car', vin).count()).toBe(0);
        await checkPage(page, 'due for service after booking');
      },
      { width, as: staff.advisor },
    );
  });
});
