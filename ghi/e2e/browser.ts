import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type Browser, chromium, type Page } from 'playwright-core';

export const appUrl = 'http://localhost:3000';
const screenshots = fileURLToPath(new URL('./screenshots/', import.meta.url));

export async function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** A page that records every console error and unhandled rejection, for the test to assert none. */
export async function openPage(browser: Browser): Promise<{ page: Page; problems: string[] }> {
  // A fresh context is a fresh, empty profile.
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (message) => {
    // Chromium logs every 4xx answer as a console error; those are the API's deliberate answers
    // (a 409 double-booking the form then shows). Network failures and 5xx still count.
    if (message.type() === 'error' && !/status of 4\d\d/.test(message.text()))
      problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  return { page, problems };
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(screenshots, { recursive: true });
  await page.screenshot({ path: `${screenshots}${name}.png`, fullPage: true });
}

/** Reloads until `check` holds: for state another service reaches a moment later (sync, outbox). */
export async function eventually(page: Page, check: () => Promise<boolean>, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  await page.waitForLoadState('networkidle');
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`not within ${timeoutMs} ms on ${page.url()}`);
    await page.waitForTimeout(300);
    // Wait for the page's own requests (lazy chunk, API calls) before looking again.
    await page.reload({ waitUntil: 'networkidle' });
  }
}
