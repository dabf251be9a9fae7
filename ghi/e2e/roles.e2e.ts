import { sampleVin } from '@carcar/common/vin/vin';
import { signIn } from '@carcar/testing/gateway';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  api,
  appUrl,
  checkPage,
  journey,
  launch,
  openAccountMenu,
  screenshot,
  signInThroughForm,
  staff,
} from './browser.js';

// Each role as its people use CarCar: the demo staff of `npm run seed`, signed in through the
// sign-in page, shown what their role allows and refused (No access) what it does not.

interface Person {
  id: number;
  employee_id: string;
}
interface Sale {
  id: number;
  automobile: { vin: string };
  salesperson: { id: number; first_name: string; last_name: string };
}

let browser: Browser;
let modelId: number;
let technicians: Person[];
let salespeople: Person[];
let customers: { id: number; first_name: string; last_name: string }[];

beforeAll(async () => {
  browser = await launch();
  modelId = (await api().call<{ models: { id: number }[] }>('GET', '/inventory/api/models/')).models[0]?.id ?? 0;
  technicians = (await api().call<{ technicians: Person[] }>('GET', '/service/api/technicians/')).technicians;
  salespeople = (await api().call<{ salespeople: Person[] }>('GET', '/sales/api/salespeople/')).salespeople;
  customers = (await api().call<{ customers: typeof customers }>('GET', '/sales/api/customers/?q=Johnson')).customers;
});
afterAll(async () => {
  await browser?.close();
});

const byEmployeeId = (people: Person[], employeeId: string): number => {
  const person = people.find((p) => p.employee_id === employeeId);
  if (!person) throw new Error(`the seed made no ${employeeId}`);
  return person.id;
};

/** A car in stock that sales' copy of inventory already has, ready to be sold. */
async function carForSale(serial: number, color: string): Promise<string> {
  const vin = sampleVin(serial);
  await api().call('POST', '/inventory/api/automobiles/', { vin, color, year: 2010, model_id: modelId });
  await expect
    .poll(
      async () =>
        (await api().call<{ autos: unknown[] }>('GET', `/sales/api/automobiles/?sold=false&vin=${vin}`)).autos.length,
      { timeout: 15_000 },
    )
    .toBe(1);
  return vin;
}

/** The navigation's section titles and links, folded away on a phone or not. */
async function navigation(page: Page): Promise<{ sections: string[]; links: string[] }> {
  return {
    sections: await page.locator('#nav-sections h2').allTextContents(),
    links: await page.locator('#nav-sections a').allTextContents(),
  };
}

/** A typed address the role may not use: the No access page, naming the role, with a way back. */
async function expectNoAccess(page: Page, path: string, roleLabel: string): Promise<void> {
  await page.goto(`${appUrl}${path}`);
  await page.getByRole('heading', { level: 1, name: 'No access' }).waitFor();
  const text = await page.getByRole('main').textContent();
  expect(text).toMatch(/You do not have permission to .+: your role, .+, does not include it\./);
  expect(text).toContain(`your role, ${roleLabel}, does not include it`);
  await page.getByRole('link', { name: 'Back to the dashboard' }).waitFor();
}

const row = (page: Page, text: string) => page.locator('tbody tr', { hasText: text });

describe.each([1280, 390])('a technician at %i px', (width) => {
  // A day of its own for each width: Ada's job and Grace's on the same board.
  const day = width === 1280 ? '2031-05-06' : '2031-05-07';
  const adaCustomer = `Ada's customer ${width}`;
  const graceCustomer = `Grace's customer ${width}`;

  it('sees the service board, finishes their own appointment only, and is refused sales', async () => {
    const ada = byEmployeeId(technicians, 'T-100');
    const grace = byEmployeeId(technicians, 'T-101');
    const own = await api().call<{ id: number }>('POST', '/service/api/appointments/', {
      vin: sampleVin(930_000 + width),
      customer: adaCustomer,
      date_time: `${day}T10:00`,
      technician: ada,
      reason: 'Timing belt',
    });
    await api().call('POST', '/service/api/appointments/', {
      vin: sampleVin(931_000 + width),
      customer: graceCustomer,
      date_time: `${day}T11:00`,
      technician: grace,
      reason: 'Wipers',
    });
    await journey(
      browser,
      'role-technician',
      async (page) => {
        const nav = await navigation(page);
        expect(nav.sections).toEqual(['Inventory', 'Service']);
        expect(nav.links).toContain('Service board');
        expect(nav.links).not.toContain('Book an appointment');
        if (width < 992) {
          await page.getByRole('button', { name: 'Menu' }).click();
          // My work, the technician's home page, links to the board too: the menu's link is meant.
          await page.locator('#nav-sections').getByRole('link', { name: 'Service board' }).waitFor();
          await checkPage(page, 'technician navigation open');
          await screenshot(page, `role-technician-menu-${width}`);
          await page.keyboard.press('Escape');
        }

        await page.goto(`${appUrl}/service/appointments?view=today&date=${day}`);
        await row(page, graceCustomer).waitFor();
        await row(page, adaCustomer).waitFor();
        // Grace's job: no Finish, and no Cancel (a technician books nothing).
        expect(await row(page, graceCustomer).getByRole('button').count()).toBe(0);
        await checkPage(page, 'technician board');
        await screenshot(page, `role-technician-board-${width}`);
        await row(page, adaCustomer).getByRole('button', { name: 'Finish' }).click();
        await expect.poll(() => row(page, adaCustomer).textContent()).toContain('Finished');
        expect(await row(page, adaCustomer).getByRole('button').count()).toBe(0);
        const stored = await api().call<{ status: string }>('GET', `/service/api/appointments/${own.id}/`);
        expect(stored.status).toBe('finished');

        await page.getByRole('link', { name: `${graceCustomer}, appointment details` }).click();
        await page.getByRole('heading', { level: 1, name: `${graceCustomer}: Wipers` }).waitFor();
        await page.waitForLoadState('networkidle');
        expect(await page.getByRole('button', { name: /Finish/ }).count()).toBe(0);
        await checkPage(page, "another technician's appointment");

        await expectNoAccess(page, '/sales/new', 'Technician');
        await checkPage(page, 'no access');
        await screenshot(page, `role-technician-no-access-${width}`);
        await expectNoAccess(page, '/admin/users', 'Technician');
      },
      { width, as: staff.ada },
    );
  });
});

describe('the other roles at 1280 px', () => {
  it('a salesperson records a sale, sees only their own sales, voids none, and has no administration', async () => {
    const vin = await carForSale(950_001, 'green');
    const { sales } = await api().call<{ sales: Sale[] }>('GET', '/sales/api/sales/');
    const rosas = sales.filter((sale) => sale.salesperson.last_name === 'Diaz').map((sale) => sale.automobile.vin);
    expect(rosas.length, 'the seed sold a car as Rosa Diaz').toBeGreaterThan(0);
    await journey(
      browser,
      'role-sales',
      async (page) => {
        const nav = await navigation(page);
        expect(nav.sections).not.toContain('Administration');
        expect(nav.links).toContain('Record a sale');

        await page.goto(`${appUrl}/sales/new`);
        await page.getByRole('combobox', { name: 'Automobile' }).fill(vin);
        await page.getByRole('option', { name: new RegExp(vin) }).click();
        await page.getByLabel('Salesperson', { exact: true }).selectOption({ label: 'Sam Carter' });
        await page.getByLabel('Customer', { exact: true }).selectOption({ label: 'Olivia Brown · +1 (555) 010-0101' });
        await page.getByLabel('Price (USD)').fill('31000');
        await page.getByRole('button', { name: 'Record sale' }).click();
        await page.getByText('Sale recorded', { exact: true }).waitFor();
        await checkPage(page, 'sale recorded by a salesperson');

        await page.goto(`${appUrl}/sales`);
        await page
          .getByRole('status')
          .filter({ hasText: /\d+ sales?/ })
          .waitFor();
        await row(page, vin).waitFor();
        const rows = await page.locator('tbody tr').allTextContents();
        expect(rows.length).toBeGreaterThanOrEqual(2);
        for (const text of rows) {
          expect(text).toContain('Sam Carter');
          for (const other of rosas) expect(text).not.toContain(other);
        }
        await checkPage(page, 'own sales');
        await screenshot(page, 'role-sales-list-1280');

        await row(page, vin).getByRole('link').first().click();
        await page.getByRole('heading', { level: 1, name: /^Sale #\d+/ }).waitFor();
        await page.waitForLoadState('networkidle');
        expect(await page.getByRole('button', { name: /Void/ }).count()).toBe(0);
        await checkPage(page, 'own sale page');

        await expectNoAccess(page, '/admin/tokens', 'Salesperson');
        await checkPage(page, 'no access to tokens');
      },
      { as: staff.sam },
    );
  });

  it('a service advisor books an appointment and is refused the sales list', async () => {
    const vin = sampleVin(960_001);
    await journey(
      browser,
      'role-service',
      async (page) => {
        const nav = await navigation(page);
        expect(nav.links).toContain('Book an appointment');
        expect(nav.links).not.toContain('Sales');
        expect(nav.links).not.toContain('Record a sale');
        expect(nav.sections).not.toContain('Administration');

        await page.goto(`${appUrl}/service/appointments/new`);
        await page.getByLabel('VIN').fill(vin);
        await page.getByLabel('Customer').fill('Walk-in Wendy');
        await page.getByLabel('Date and time').fill('2031-08-01T09:00');
        await page.getByLabel('Technician').selectOption({ label: 'Alan Turing' });
        await page.getByLabel('Reason').fill('Battery check');
        await page.getByRole('button', { name: 'Book appointment' }).click();
        await page.getByText('Appointment booked').waitFor();
        await checkPage(page, 'booked by an advisor');
        const booked = await api().call<{ appointments: { customer: string }[] }>(
          'GET',
          `/service/api/appointments/?vin=${vin}`,
        );
        expect(booked.appointments.map((a) => a.customer)).toEqual(['Walk-in Wendy']);

        await expectNoAccess(page, '/sales', 'Service advisor');
        await checkPage(page, 'no access to sales');
      },
      { as: staff.advisor },
    );
  });

  it('a manager voids a sale with a reason and is refused administration', async () => {
    const vin = await carForSale(950_002, 'yellow');
    const sale = await api().call<{ id: number }>('POST', '/sales/api/sales/', {
      automobile: vin,
      salesperson: byEmployeeId(salespeople, 'S-201'),
      customer: customers.find((c) => c.first_name === 'Noah')?.id,
      price: 27000,
    });
    const reason = 'The customer changed their mind';
    await journey(
      browser,
      'role-manager',
      async (page) => {
        // Administration holds only Activity for a manager (the audit trail); users and tokens stay the admin's.
        const nav = await navigation(page);
        expect(nav.sections).toEqual(['Inventory', 'Service', 'Sales', 'Reports', 'Administration']);
        expect(nav.links).toContain('Activity');
        expect(nav.links).not.toContain('Users');
        await page.goto(`${appUrl}/sales/${sale.id}`);
        await page.getByRole('heading', { level: 1, name: `Sale #${sale.id}` }).waitFor();
        await page.getByRole('button', { name: 'Void this sale' }).click();
        const dialog = page.getByRole('dialog', { name: 'Void this sale?' });
        await dialog.getByLabel(/Reason for voiding/).fill(reason);
        await dialog.getByRole('button', { name: 'Void sale' }).click();
        await dialog.waitFor({ state: 'hidden' });
        expect(await page.getByTestId('voided-notice').textContent()).toContain(`Reason: ${reason}`);
        await checkPage(page, 'voided by a manager');

        await expectNoAccess(page, '/admin/users', 'Manager');
        await checkPage(page, 'no access to users');
        await screenshot(page, 'role-manager-no-access-1280');
      },
      { as: staff.manager },
    );
  });
});

describe.each([1280, 390])('the administrator at %i px', (width) => {
  it('adds a user linked to a technician, and creates, uses and revokes an API token', async () => {
    const email = `alan.turing.${width}@carcar.local`;
    const password = 'turing machine 1936';
    const tokenName = `Website stock feed ${width}`;
    let token = '';
    await journey(
      browser,
      'role-admin',
      async (page) => {
        expect((await navigation(page)).sections).toEqual([
          'Inventory',
          'Service',
          'Sales',
          'Reports',
          'Administration',
        ]);
        await page.goto(`${appUrl}/admin/users`);
        await page.getByRole('button', { name: 'Add user' }).click();
        const form = page.getByRole('form', { name: 'Add a user' });
        await form.getByLabel('Name', { exact: true }).fill(`Alan Turing ${width}`);
        await form.getByLabel('Email').fill(email);
        await form.getByLabel('Role').selectOption({ label: 'Technician' });
        await form.getByLabel('Password').fill(password);
        await form.getByLabel('Linked technician').selectOption({ label: 'Alan Turing (T-102)' });
        await form.getByRole('button', { name: 'Add user' }).click();
        await page.getByText('User added').waitFor();
        const added = row(page, email);
        await added.waitFor();
        expect(await added.textContent()).toContain('Technician Alan Turing (T-102)');
        await checkPage(page, 'users');
        await screenshot(page, `role-admin-users-${width}`);
        // The new account signs in, as a technician linked to T-102.
        const me = await (await signIn(appUrl, email, password)).call<{ role: string; technician_id: number }>(
          'GET',
          '/auth/me',
        );
        expect(me).toMatchObject({ role: 'technician', technician_id: byEmployeeId(technicians, 'T-102') });

        await page.goto(`${appUrl}/admin/tokens`);
        await page.getByRole('button', { name: 'Create token' }).click();
        const tokenForm = page.getByRole('form', { name: 'Create an API token' });
        await tokenForm.getByLabel('Token name').fill(tokenName);
        await tokenForm.getByLabel('Role').selectOption({ label: 'Manager' });
        await tokenForm.getByRole('button', { name: 'Create token' }).click();
        const field = page.getByLabel(`API token for ${tokenName}`);
        await field.waitFor();
        token = await field.inputValue();
        expect(token.length).toBeGreaterThan(20);
        await page.getByText('Copy it now: it will not be shown again.').waitFor();
        await checkPage(page, 'new API token');
        await screenshot(page, `role-admin-token-${width}`);

        const automobiles = () =>
          fetch(`${appUrl}/inventory/api/automobiles/`, { headers: { authorization: `Bearer ${token}` } });
        expect((await automobiles()).status).toBe(200);

        await page.getByRole('button', { name: 'I have copied it' }).click();
        await field.waitFor({ state: 'detached' });
        // Shown once: the page no longer has it anywhere.
        expect(await page.content()).not.toContain(token);
        await page.getByRole('button', { name: `Revoke ${tokenName}…` }).click();
        const dialog = page.getByRole('dialog', { name: `Revoke “${tokenName}”?` });
        await dialog.waitFor();
        await checkPage(page, 'revoke dialog');
        await dialog.getByRole('button', { name: 'Revoke token' }).click();
        await dialog.waitFor({ state: 'hidden' });
        await row(page, tokenName).filter({ hasText: 'Revoked' }).waitFor();
        expect((await automobiles()).status).toBe(401);
        await checkPage(page, 'tokens with a revoked one');
        await screenshot(page, `role-admin-tokens-${width}`);
      },
      { width },
    );
  });
});

describe.each([1280, 390])('signing out and a session that ends, at %i px', (width) => {
  it('signs out from the header, is refused a wrong password, and comes back to the page asked for', async () => {
    const { appointments } = await api().call<{
      appointments: { id: number; customer: string; reason: string }[];
    }>('GET', '/service/api/appointments/');
    const appointment = appointments[0];
    if (!appointment) throw new Error('the seed booked no appointment');
    const deep = `/service/appointments/${appointment.id}`;
    await journey(
      browser,
      'session',
      async (page) => {
        await openAccountMenu(page);
        await page.getByRole('button', { name: 'Sign out' }).click();
        await page.getByRole('heading', { name: 'Sign in to CarCar' }).waitFor();
        expect(new URL(page.url()).pathname).toBe('/sign-in');
        await checkPage(page, 'sign-in page');
        await screenshot(page, `sign-in-${width}`);

        await page.getByLabel('Email').fill(staff.admin.email);
        await page.getByLabel('Password').fill('not the password at all');
        await page.getByRole('button', { name: 'Sign in' }).click();
        await page.getByRole('alert').filter({ hasText: 'Wrong email or password' }).waitFor();
        await checkPage(page, 'sign-in refused');
        await screenshot(page, `sign-in-refused-${width}`);

        // Signed out, a bookmarked page asks to sign in first, then opens.
        await page.goto(`${appUrl}${deep}`);
        await page.waitForURL(`${appUrl}/sign-in?next=${encodeURIComponent(deep)}`);
        await page.getByText('Sign in to continue where you were.').waitFor();
        await signInThroughForm(page, staff.admin);
        await page.getByRole('heading', { level: 1, name: `${appointment.customer}: ${appointment.reason}` }).waitFor();
        expect(page.url()).toBe(`${appUrl}${deep}`);

        // The session ends behind the app's back (expired, or signed out elsewhere): the next
        // request's 401 sends them to sign in, and back to where they were going.
        await page.context().clearCookies();
        if (width < 992) await page.getByRole('button', { name: 'Menu' }).click();
        await page
          .getByRole('navigation', { name: 'Main' })
          .getByRole('link', { name: 'Automobiles', exact: true })
          .click();
        await page.waitForURL(`${appUrl}/sign-in?next=${encodeURIComponent('/inventory/automobiles')}`);
        await signInThroughForm(page, staff.admin);
        await page.getByRole('heading', { level: 1, name: 'Automobiles' }).waitFor();
        expect(page.url()).toBe(`${appUrl}/inventory/automobiles`);
      },
      { width },
    );
  });
});

describe('the services behind the gateway', () => {
  it('refuse a call that does not come through the gateway, and the gateway one without credentials', async () => {
    for (const url of [
      'http://localhost:8100/api/automobiles/',
      'http://localhost:8080/api/appointments/',
      'http://localhost:8090/api/sales/',
      `${appUrl}/inventory/api/automobiles/`,
    ]) {
      expect((await fetch(url)).status, url).toBe(401);
    }
  });
});
