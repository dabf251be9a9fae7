import type { RepairOrderLine } from '@carcar/common/contract/repair-orders';
import { sampleVin } from '@carcar/common/vin/vin';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { api, appUrl, checkPage, journey, launch, openPage, screenshot, staff } from './browser.js';
import { expectTappable, getRepairOrder, seededTechnician } from './workshop.js';

// Issue 27 from end to end: an appointment becomes a repair order, the advisor writes two labor
// lines and a part, sends the estimate, the customer decides through the link without signing in,
// the technician clocks the work on a phone, and the advisor invoices and takes two payments until
// the order closes; the car's page then shows the order and the work that was declined.

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

/** A line's description in the order's lines table. */
const lineCell = (page: Page, description: string) =>
  page
    .getByRole('table', { name: 'Lines of this repair order' })
    .locator('td[data-label="Description"]', { hasText: description });

/** The order's page checked and photographed at a desk, a tablet and a phone. */
async function atEveryWidth(page: Page, name: string, check: string): Promise<void> {
  for (const width of [1280, 768, 390]) {
    await page.setViewportSize({ width, height: width < 768 ? 844 : 900 });
    // A list being fetched again is dimmed (and so lower in contrast) until its answer is in.
    await page.waitForFunction(() => document.querySelector('[aria-busy="true"]') === null);
    await checkPage(page, `${check} at ${width} px`);
    await screenshot(page, `${name}-${width}`);
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

/**
 * The customer's own approval, through the link, in a browser that never signed in: the pads and
 * the part approved, the rotors declined.
 */
async function approveThroughLink(approvalUrl: string, customer: string): Promise<void> {
  const { page: customerPage, problems } = await openPage(browser);
  try {
    await customerPage.setViewportSize({ width: 390, height: 844 });
    const answer = await customerPage.goto(approvalUrl.replace(/^https?:\/\/[^/]+/, appUrl), {
      waitUntil: 'networkidle',
    });
    expect(answer?.status(), 'the approval page answers').toBe(200);
    await customerPage.getByRole('heading', { name: 'Recommended work' }).waitFor();
    // No session: the page is the customer's, with nothing of the staff app around it.
    expect(await customerPage.getByRole('button', { name: 'Sign out' }).count()).toBe(0);
    await checkPage(customerPage, 'the customer’s approval page');
    await screenshot(customerPage, 'repair-order-approval-390');
    const choose = (description: string, choice: 'Approve' | 'Decline') =>
      customerPage.locator('li', { hasText: description }).getByLabel(choice).check();
    await choose('Replace front brake pads', 'Approve');
    await choose('Front brake pad set', 'Approve');
    await choose('Resurface front rotors', 'Decline');
    await customerPage.getByLabel('Your name').fill(customer);
    await customerPage.getByRole('button', { name: 'Send my decisions' }).click();
    await customerPage.getByRole('heading', { name: `Thank you, ${customer}` }).waitFor();
    await checkPage(customerPage, 'the customer’s approval page, decided');
    await screenshot(customerPage, 'repair-order-approved-390');
  } finally {
    await customerPage.context().close();
  }
  expect(problems).toEqual([]);
}

/**
 * The same decisions taken by the advisor on the phone with the customer (Record approval): used
 * only where the gateway has no /approve/ page.
 */
async function approveByPhone(orderId: number, customer: string): Promise<void> {
  await journey(
    browser,
    'repair-order-approval-by-phone',
    async (page) => {
      await page.goto(`${appUrl}/service/repair-orders/${orderId}`, { waitUntil: 'networkidle' });
      await page.getByRole('button', { name: 'Record approval' }).click();
      const form = page.getByRole('form', { name: "Record the customer's decision" });
      const choose = async (description: string, choice: 'Approve' | 'Decline') =>
        form
          .getByRole('group', { name: `Decision on ${description}` })
          .getByLabel(choice)
          .check();
      await choose('Replace front brake pads', 'Approve');
      await choose('Front brake pad set', 'Approve');
      await choose('Resurface front rotors', 'Decline');
      await form.getByLabel('Decided by').fill(customer);
      await form.getByLabel('How').selectOption('phone');
      await checkPage(page, 'recording the customer’s decision');
      await screenshot(page, 'repair-order-approval-by-phone-1280');
      await form.getByRole('button', { name: 'Save decisions' }).click();
      await form.waitFor({ state: 'detached' });
    },
    { as: staff.advisor },
  );
}

describe('a repair order, from the appointment to closed', () => {
  it('is written up, estimated, approved through the link, worked on a phone, invoiced and paid', async () => {
    const vin = sampleVin(990_027);
    const customer = 'Rita Repair';
    const appointment = await api().call<{ id: number }>('POST', '/service/api/appointments/', {
      vin,
      customer,
      // A day no other journey books for Alan Turing.
      date_time: '2031-10-14T09:00',
      technician: await seededTechnician('T-102'),
      reason: 'Grinding noise when braking',
      duration_minutes: 120,
    });
    let orderId = 0;
    let approvalUrl = '';
    // Put back as found afterwards: the other journeys share the stack.
    const settingsBefore = await api().call<{ labor_rate: number; tax_rate: number }>(
      'GET',
      '/service/api/shop-settings/',
    );
    onTestFinished(async () => {
      await api().call('PUT', '/service/api/shop-settings/', settingsBefore);
    });

    // The manager sets the shop's labor rate and tax rate.
    await journey(
      browser,
      'repair-order-shop-settings',
      async (page) => {
        await page.goto(`${appUrl}/service/shop-settings`, { waitUntil: 'networkidle' });
        const form = page.getByRole('form', { name: 'Shop settings' });
        await form.getByLabel('Labor rate (per hour)').fill('125.00');
        await form.getByLabel('Tax rate (%)').fill('8.25');
        await form.getByRole('button', { name: 'Save settings' }).click();
        await page.getByText('Shop settings saved').waitFor();
        await checkPage(page, 'shop settings');
        await screenshot(page, 'repair-order-shop-settings-1280');
      },
      { as: staff.manager },
    );
    expect(await api().call('GET', '/service/api/shop-settings/')).toEqual({ labor_rate: 125, tax_rate: 8.25 });

    // The advisor: the appointment becomes an order, with two labor lines for Ada and a part.
    await journey(
      browser,
      'repair-order-write-up',
      async (page) => {
        await page.goto(`${appUrl}/service/appointments/${appointment.id}`, { waitUntil: 'networkidle' });
        await page.getByRole('button', { name: 'Start repair order' }).click();
        const start = page.getByRole('form', { name: 'Start a repair order' });
        await start.getByLabel('Mileage').fill('42150');
        await start.getByRole('button', { name: 'Open repair order' }).click();
        await page.waitForURL(/\/service\/repair-orders\/\d+$/);
        orderId = Number(new URL(page.url()).pathname.split('/').pop());
        await page.getByRole('heading', { level: 1, name: new RegExp(`RO ${orderId}: ${customer}`) }).waitFor();
        // Carried over from the appointment.
        await page.getByText('Grinding noise when braking').first().waitFor();

        const form = page.getByRole('form', { name: 'Add a line' });
        // The rate starts at the shop's.
        await expect.poll(() => form.getByLabel('Rate per hour').inputValue()).toBe('125.00');
        const addLabor = async (description: string, hours: string) => {
          await form.getByLabel('Description').fill(description);
          await form.getByLabel('Hours').fill(hours);
          await form.getByLabel('Technician').selectOption({ label: 'Ada Lovelace' });
          await form.getByRole('button', { name: 'Add labor line' }).click();
          await lineCell(page, description).waitFor();
        };
        await addLabor('Replace front brake pads', '1.5');
        await addLabor('Resurface front rotors', '1.0');
        await form.getByLabel('Part').check();
        await form.getByLabel('Description').fill('Front brake pad set');
        await form.getByLabel('Quantity').fill('1');
        await form.getByLabel('Unit price').fill('89.95');
        await form.getByRole('button', { name: 'Add part line' }).click();
        await lineCell(page, 'Front brake pad set').waitFor();
        await atEveryWidth(page, 'repair-order-lines', 'the order with its proposed lines');

        await page.getByRole('button', { name: 'Send estimate' }).click();
        const link = page.getByRole('region', { name: `Approval link for ${customer}` });
        await link.waitFor();
        approvalUrl = await link.getByLabel('Link').inputValue();
        expect(approvalUrl).toMatch(/\/approve\/[^/]+$/);
        await checkPage(page, 'the order with its approval link');
        await screenshot(page, 'repair-order-estimate-1280');
      },
      { as: staff.advisor },
    );
    expect((await getRepairOrder(orderId)).status).toBe('estimate');

    // The customer: the link, in a browser that never signed in; the pads and the part approved,
    // the rotors declined.
    const lines = (await getRepairOrder(orderId)).lines;
    const byName = (text: string) => lines.find((l) => l.description.includes(text)) as RepairOrderLine;
    // The gateway's /approve/ page answers the link; until it exists the advisor takes the decisions by phone.
    const linkPage = await fetch(approvalUrl.replace(/^https?:\/\/[^/]+/, appUrl));
    const html = linkPage.ok ? await linkPage.text() : '';
    if (linkPage.ok && !html.includes('<div id="root">')) await approveThroughLink(approvalUrl, customer);
    else await approveByPhone(orderId, customer);
    const decided = await getRepairOrder(orderId);
    expect(decided.lines.map((l) => [l.description, l.status])).toEqual([
      ['Replace front brake pads', 'approved'],
      ['Resurface front rotors', 'declined'],
      ['Front brake pad set', 'approved'],
    ]);
    expect(decided.status).toBe('in_progress');

    // The technician, on a phone in the workshop: clock on, clock off, done.
    await journey(
      browser,
      'repair-order-technician',
      async (page) => {
        await page.getByRole('heading', { level: 1, name: 'My work' }).waitFor();
        const job = page.getByTestId(`my-line-${byName('brake pads').id}`);
        await job.waitFor();
        // Declined work is not on the list.
        expect(await page.getByTestId(`my-line-${byName('rotors').id}`).count()).toBe(0);
        const clockOn = job.getByRole('button', { name: /^Clock on/ });
        await expectTappable(clockOn, 'Clock on');
        await expectTappable(job.getByRole('button', { name: /^Done/ }), 'Done');
        await clockOn.click();
        await page.getByText('On the clock:').waitFor();
        await job.getByText('On the clock').waitFor();
        await checkPage(page, 'my work with the clock running');
        await screenshot(page, 'repair-order-clock-390');
        const clockOff = job.getByRole('button', { name: /^Clock off/ });
        await expectTappable(clockOff, 'Clock off');
        await clockOff.click();
        await page.getByText('On the clock:').waitFor({ state: 'detached' });
        await job.getByRole('button', { name: /^Done/ }).click();
        const dialog = page.getByRole('dialog', { name: 'Mark this line done?' });
        await dialog.getByRole('button', { name: 'Mark done' }).click();
        await job.getByText('Done', { exact: true }).waitFor();
        await checkPage(page, 'my work after done');
        await screenshot(page, 'repair-order-done-390');
      },
      { width: 390, as: staff.ada },
    );

    // The advisor: the part fitted, invoice, two payments; then the car's page.
    await journey(
      browser,
      'repair-order-invoice',
      async (page) => {
        await page.goto(`${appUrl}/service/repair-orders/${orderId}`, { waitUntil: 'networkidle' });
        await page.getByRole('button', { name: 'Mark done: Front brake pad set' }).click();
        await page.getByRole('button', { name: 'Mark done: Front brake pad set' }).waitFor({ state: 'detached' });
        await page.getByRole('button', { name: 'Invoice…' }).click();
        await page
          .getByRole('dialog', { name: 'Invoice this repair order?' })
          .getByRole('button', { name: 'Invoice' })
          .click();
        await page
          .locator('.detail-page .status-badge')
          .filter({ hasText: /^Invoiced$/ })
          .waitFor();
        const total = (await getRepairOrder(orderId)).totals.total;
        // Pads 1.5 h × $125.00 = $187.50 and the part $89.95: $277.45, 8.25 % tax $22.89 (half-up).
        expect(total).toBe(300.34);
        await page.getByTestId('total-tax').getByText('$22.89').waitFor();
        const pay = page.getByRole('form', { name: 'Take payment' });
        expect(Number(await pay.getByLabel('Amount').inputValue())).toBe(total);
        await atEveryWidth(page, 'repair-order-invoiced', 'the invoiced order');

        await pay.getByLabel('Amount').fill('100.00');
        await pay.getByLabel('Method').selectOption('check');
        await pay.getByLabel('Reference (optional)').fill('1042');
        await pay.getByRole('button', { name: 'Take payment' }).click();
        await expect.poll(async () => (await getRepairOrder(orderId)).totals.paid).toBe(100);
        const rest = (await getRepairOrder(orderId)).totals.balance;
        await expect.poll(() => pay.getByLabel('Amount').inputValue()).toBe(rest.toFixed(2));
        await pay.getByRole('button', { name: 'Take payment' }).click();
        await page
          .locator('.detail-page .status-badge')
          .filter({ hasText: /^Closed$/ })
          .waitFor();
        expect(await page.getByRole('form', { name: 'Take payment' }).count()).toBe(0);
        await checkPage(page, 'the closed order');
        await screenshot(page, 'repair-order-closed-1280');

        await page.getByRole('button', { name: 'Print invoice' }).click();
        await page.getByRole('article', { name: 'Invoice' }).waitFor();
        await checkPage(page, 'the printed invoice');
        await screenshot(page, 'repair-order-print-1280');

        await page.goto(`${appUrl}/vehicles/${vin}`, { waitUntil: 'networkidle' });
        const orders = page.getByRole('table', { name: 'Repair orders of this car' });
        await orders.getByRole('link', { name: `RO ${orderId}` }).waitFor();
        const declined = page.getByRole('table', { name: 'Work declined on this car' });
        await declined.getByText('Resurface front rotors').waitFor();
        await atEveryWidth(page, 'repair-order-vehicle', 'the car with its repair order');

        // The list: the closed order under Closed, found by the customer's name too.
        await page.goto(`${appUrl}/service/repair-orders`, { waitUntil: 'networkidle' });
        const statuses = page.getByRole('navigation', { name: 'Repair orders by status' });
        await statuses.getByRole('link', { name: /^Closed \d+$/ }).click();
        await page.getByRole('link', { name: `RO ${orderId}, ${customer}` }).waitFor();
        await page.getByLabel('Search').fill(customer);
        await page.waitForURL(/[?&]q=Rita/);
        // The list is dimmed while the search's answer is on its way: checked once it is in.
        await page.waitForFunction(() => document.querySelector('.list-table-frame[aria-busy="true"]') === null);
        await page.getByText(`1 repair order, closed matching “${customer}”`).waitFor();
        await atEveryWidth(page, 'repair-order-list', 'the repair orders list');

        // A walk-in's form, empty.
        await page.getByRole('button', { name: 'New repair order' }).click();
        await page.getByRole('form', { name: 'New repair order' }).waitFor();
        await atEveryWidth(page, 'repair-order-new', 'the walk-in form');
      },
      { as: staff.advisor },
    );
    const closed = await getRepairOrder(orderId);
    expect(closed.status).toBe('closed');
    expect(closed.totals.balance).toBe(0);
  });
});
