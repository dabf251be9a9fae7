import { fileURLToPath } from 'node:url';
import type { RepairOrder, RepairOrderLine } from '@carcar/common/contract/repair-orders';
import { sampleVin } from '@carcar/common/vin/vin';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, appUrl, checkPage, journey, launch, openPage, screenshot, staff } from './browser.js';
import { expectTappable, getRepairOrder } from './workshop.js';

// Issue 28 from end to end: Ada inspects a car on her phone (three findings, two real JPEG photos,
// the red one put on the estimate), the customer sees the photos on the approval page and approves,
// the approved part leaves stock, the part's ledger shows it, and voiding the order puts it back.

interface Part {
  number: string;
  on_hand: number;
}

const PART = 'E2E-PADS-28';
const fixture = (name: string) => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const onHand = async () => (await api().call<Part>('GET', `/service/api/parts/${PART}/`)).on_hand;

/** The image has arrived and decoded: a broken photo address would leave it 0 px wide. */
async function expectLoaded(image: Locator, what: string): Promise<void> {
  await image.waitFor();
  await expect
    .poll(() => image.evaluate((img) => (img as HTMLImageElement).complete && (img as HTMLImageElement).naturalWidth), {
      message: `${what} loads`,
      timeout: 10_000,
    })
    .toBeGreaterThan(0);
}

/** Checked and photographed at a desk, a tablet and a phone, ending at `end` px wide. */
async function atEveryWidth(page: Page, name: string, check: string, end = 1280): Promise<void> {
  for (const width of [1280, 768, 390]) {
    await page.setViewportSize({ width, height: width < 768 ? 844 : 900 });
    await checkPage(page, `${check} at ${width} px`);
    await screenshot(page, `${name}-${width}`);
  }
  await page.setViewportSize({ width: end, height: end < 768 ? 844 : 900 });
}

async function record(page: Page, name: string, chip: 'Good' | 'Soon' | 'Now', note?: string): Promise<void> {
  const item = page.getByRole('group', { name });
  const choice = item.locator('label.condition-choice', { hasText: chip });
  await expectTappable(choice, `the ${chip} chip of ${name}`);
  await choice.click();
  if (note) await item.getByLabel(/^Note/).fill(note);
  const save = item.getByRole('button', { name: `Save ${name}` });
  await expectTappable(save, `Save ${name}`);
  await save.click();
  await page.getByRole('article', { name }).waitFor();
}

describe('an inspection with photos, from the technician’s phone to the parts ledger', () => {
  // Three people's whole morning in one journey (77 s on a quiet run): twice the default's room,
  // so a busy machine does not cut it off half-way.
  it('is recorded on a phone, shown to the customer with its photos, and moves the approved part', async () => {
    const customer = 'Ivy Inspect';
    const technicians = (
      await api().call<{ technicians: { id: number; employee_id: string }[] }>('GET', '/service/api/technicians/')
    ).technicians;
    const ada = technicians.find((t) => t.employee_id === 'T-100')?.id;
    expect(ada, 'the seed made Ada Lovelace (T-100)').toBeDefined();
    await api().call('POST', '/service/api/parts/', {
      number: PART,
      description: 'Front brake pad set (E2E)',
      price: 60,
      cost: 28.5,
      on_hand: 5,
      reorder_point: 4,
    });
    const order = await api().call<RepairOrder>('POST', '/service/api/repair-orders/', {
      vin: sampleVin(990_028),
      customer: { name: customer },
      mileage: 61_200,
      concern: 'Brakes squeal; please inspect',
    });
    // Ada's inspection labor, approved at the counter: the order is on her My work.
    const inspection = await api().call<RepairOrderLine>('POST', `/service/api/repair-orders/${order.id}/lines/`, {
      kind: 'labor',
      description: 'Multi-point inspection',
      hours: 0.5,
      technician: ada,
    });
    await api().call('POST', `/service/api/repair-orders/${order.id}/approvals/`, {
      decisions: [{ line: inspection.id, approved: true }],
      name: customer,
      method: 'in_person',
    });
    await api().call('POST', `/service/api/repair-orders/${order.id}/lines/`, {
      kind: 'part',
      part_number: PART,
      quantity: 2,
    });

    // Ada, on her phone: from My work to the sheet, three findings, two photos, the red one estimated.
    await journey(
      browser,
      'inspection-sheet',
      async (page) => {
        const open = page.getByTestId(`my-line-${inspection.id}`).getByRole('link', { name: /^Inspection/ });
        await open.click();
        await page.getByRole('heading', { level: 1, name: `Inspection, RO ${order.id}` }).waitFor();
        await checkPage(page, 'the empty inspection sheet on a phone');
        await screenshot(page, 'inspection-sheet-empty-390');

        await record(page, 'Front brakes', 'Now', 'Pads at 2 mm, metal on metal');
        await record(page, 'Wiper blades', 'Soon', 'Streaking');
        await record(page, 'Engine oil', 'Good');
        await page.getByText('3 of 23 checked').waitFor();

        const brakes = page.getByRole('article', { name: 'Front brakes' });
        const camera = brakes.locator('label.camera-button');
        await expectTappable(camera, 'Take photo');
        await brakes.getByLabel('Take photo of Front brakes').setInputFiles(fixture('brake-pads.jpg'));
        await brakes.getByRole('button', { name: 'Show Front brakes: photo 1 of 1 larger' }).waitFor();
        await brakes.getByLabel('Take another photo of Front brakes').setInputFiles(fixture('rotor.jpg'));
        const first = brakes.getByRole('button', { name: 'Show Front brakes: photo 1 of 2 larger' });
        await first.waitFor();
        await expectLoaded(first.locator('img'), 'the first thumbnail');

        // The lightbox: the photo large with its alt text, arrows step, Escape closes and focus returns.
        await first.click();
        const lightbox = page.getByRole('dialog', { name: /Front brakes/ });
        await expectLoaded(lightbox.getByRole('img', { name: 'Front brakes: photo 1 of 2' }), 'the large photo');
        await page.keyboard.press('ArrowRight');
        await expectLoaded(lightbox.getByRole('img', { name: 'Front brakes: photo 2 of 2' }), 'the second photo');
        await screenshot(page, 'inspection-lightbox-390');
        await page.keyboard.press('Escape');
        await lightbox.waitFor({ state: 'hidden' });
        expect(await first.evaluate((button) => button === document.activeElement)).toBe(true);

        const estimate = brakes.getByRole('button', { name: 'Add to estimate: Front brakes' });
        await expectTappable(estimate, 'Add to estimate');
        await estimate.click();
        await brakes.getByText('On the estimate').waitFor();
        // Nothing to estimate on a green finding.
        expect(
          await page
            .getByRole('article', { name: 'Engine oil' })
            .getByRole('button', { name: /Add to estimate/ })
            .count(),
        ).toBe(0);
        await atEveryWidth(page, 'inspection-sheet', 'the inspection sheet with findings and photos', 390);
      },
      { as: staff.ada, width: 390 },
    );
    const inspected = await getRepairOrder(order.id);
    expect(inspected.inspection.map((i) => [i.name, i.condition, i.photos.length])).toEqual([
      ['Front brakes', 'red', 2],
      ['Wiper blades', 'yellow', 0],
      ['Engine oil', 'green', 0],
    ]);
    const finding = inspected.lines.find((l) => l.description.startsWith('Front brakes'));
    expect(finding?.status).toBe('proposed');

    // The advisor's order page shows the findings and photos; the estimate goes out.
    let approvalUrl = '';
    await journey(
      browser,
      'inspection-on-the-order',
      async (page) => {
        await page.goto(`${appUrl}/service/repair-orders/${order.id}`, { waitUntil: 'networkidle' });
        const summary = page.getByRole('region', { name: 'Inspection' });
        await expectLoaded(
          summary.getByRole('button', { name: 'Show Front brakes: photo 1 of 2 larger' }).locator('img'),
          'the thumbnail on the order',
        );
        await atEveryWidth(page, 'inspection-on-the-order', 'the order with its inspection');
        await page.getByRole('button', { name: 'Send estimate' }).click();
        const link = page.getByRole('region', { name: `Approval link for ${customer}` });
        approvalUrl = await link.getByLabel('Link').inputValue();
      },
      { as: staff.advisor },
    );
    expect(approvalUrl).toMatch(/\/approve\/[^/]+$/);

    // The customer, never signed in: the findings with the photos, and both lines approved.
    const { page: customerPage, problems } = await openPage(browser);
    try {
      await customerPage.setViewportSize({ width: 390, height: 844 });
      await customerPage.goto(approvalUrl.replace(/^https?:\/\/[^/]+/, appUrl), { waitUntil: 'networkidle' });
      const found = customerPage.getByRole('region', { name: 'What we found' });
      await found.waitFor();
      await expectLoaded(found.getByRole('img', { name: 'Front brakes, photo 1 of 2' }), 'the customer’s photo');
      await expectLoaded(found.getByRole('img', { name: 'Front brakes, photo 2 of 2' }), 'the customer’s second photo');
      await checkPage(customerPage, 'the approval page with the inspection');
      await screenshot(customerPage, 'inspection-approval-390');
      const approve = (text: string) =>
        customerPage.locator('li.line', { hasText: text }).getByLabel('Approve').check();
      await approve('Front brakes');
      await approve('Front brake pad set (E2E)');
      await customerPage.getByLabel('Your name').fill(customer);
      await customerPage.getByRole('button', { name: 'Send my decisions' }).click();
      await customerPage.getByRole('heading', { name: `Thank you, ${customer}` }).waitFor();
    } finally {
      await customerPage.context().close();
    }
    expect(problems).toEqual([]);

    // The approved part left stock (5 − 2): at or under its reorder point (4), so on the Low stock list.
    expect(await onHand()).toBe(3);
    await journey(
      browser,
      'part-ledger',
      async (page) => {
        await page.goto(`${appUrl}/`, { waitUntil: 'networkidle' });
        const card = page.locator('article.stat', { hasText: 'Parts low on stock' });
        await card.getByRole('link').click();
        await page.waitForURL(/\/service\/parts\?low=true$/);
        await page.getByRole('link', { name: PART }).click();
        await page.getByRole('heading', { level: 1, name: `${PART}: Front brake pad set (E2E)` }).waitFor();
        const ledger = page.getByRole('table', { name: `Stock movements of ${PART}, newest first` });
        await ledger.getByRole('link', { name: `RO ${order.id}` }).waitFor();
        await atEveryWidth(page, 'part-ledger', 'the part with its ledger');

        // Voiding the order puts the part back; the ledger says so.
        await api().call('DELETE', `/service/api/repair-orders/${order.id}/`, {
          reason: 'Customer took the car elsewhere',
        });
        await page.reload({ waitUntil: 'networkidle' });
        await ledger.getByText('Order voided: put back').waitFor();
        await screenshot(page, 'part-ledger-voided-1280');

        await page.goto(`${appUrl}/service/parts`, { waitUntil: 'networkidle' });
        await page.getByRole('table', { name: 'Parts' }).waitFor();
        await atEveryWidth(page, 'parts-list', 'the parts list');
      },
      { as: staff.advisor },
    );
    expect(await onHand()).toBe(5);
  }, 240_000);
});
