import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type Browser, chromium, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { expectAccessible } from './accessibility.js';

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

/**
 * Runs one journey in a fresh page, at `width` px when given (a phone's height below 768 px), with
 * a screenshot at the end or on failure; console errors and unhandled rejections fail it.
 */
export async function journey(
  browser: Browser,
  name: string,
  steps: (page: Page) => Promise<void>,
  width?: number,
): Promise<void> {
  const { page, problems } = await openPage(browser);
  if (width) await page.setViewportSize({ width, height: width < 768 ? 844 : 900 });
  const shot = width ? `${name}-${width}` : name;
  try {
    await steps(page);
    await screenshot(page, shot);
  } catch (error) {
    await screenshot(page, `${shot}-failed`);
    throw new Error(`${String(error)}\nproblems: ${problems.join('\n')}`);
  } finally {
    await page.context().close();
  }
  expect(problems, 'console errors or unhandled rejections').toEqual([]);
}

/**
 * Accessible (axe: no serious or critical WCAG A/AA violation) and nothing wider than the screen,
 * once the page's requests are done. A toast fading in or out is measured half-transparent, at a
 * contrast it never shows at rest: the page is checked once the messages are gone.
 */
export async function checkPage(page: Page, name: string): Promise<void> {
  await page.waitForLoadState('networkidle');
  await page.locator('[data-sonner-toast]').last().waitFor({ state: 'detached', timeout: 15_000 });
  await expectAccessible(page, name);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow, `${name} scrolls sideways`).toBeLessThanOrEqual(0);
}
