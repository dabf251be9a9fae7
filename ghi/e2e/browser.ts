import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type GatewayClient, TEST_ADMIN, withToken } from '@carcar/testing/gateway';
import { type Browser, chromium, type Page } from 'playwright-core';
import { expect, inject } from 'vitest';
import { expectAccessible } from './accessibility.js';
import { brokenIdentifiers } from './whole-words.js';

/** The gateway: the app, `/auth/*`, and the APIs under `/inventory`, `/service`, `/sales`. */
export const appUrl = 'http://localhost:3000';

/**
 * The journeys' own calls (arranging data, checking what was stored), through the gateway as the
 * administrator's API token: the services themselves answer only what the gateway signed.
 */
export function api(): GatewayClient {
  return withToken(appUrl, inject('adminToken'));
}

/** Someone who signs in: the test administrator, or one of the demo staff `npm run seed` adds. */
export interface Staff {
  email: string;
  password: string;
  /** As the header shows them. */
  name: string;
}

const demoPassword = 'carcar demo 2026';
export const staff = {
  admin: { ...TEST_ADMIN, name: 'First administrator' },
  manager: { email: 'max.manager@carcar.local', password: demoPassword, name: 'Max Manager' },
  sam: { email: 'sam.carter@carcar.local', password: demoPassword, name: 'Sam Carter' },
  rosa: { email: 'rosa.diaz@carcar.local', password: demoPassword, name: 'Rosa Diaz' },
  advisor: { email: 'sid.service@carcar.local', password: demoPassword, name: 'Sid Service' },
  ada: { email: 'ada.lovelace@carcar.local', password: demoPassword, name: 'Ada Lovelace' },
  grace: { email: 'grace.hopper@carcar.local', password: demoPassword, name: 'Grace Hopper' },
} as const satisfies Record<string, Staff>;
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
  // Reduced motion: axe reads a toast's settled colours, not a frame of its fade-in (a half-faded
  // success toast once measured 3.19:1 on a busy machine; settled it is above 4.5:1).
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, reducedMotion: 'reduce' });
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
  // A full-page capture draws the fixed bar where the window is scrolled to: at the top, it is
  // drawn where staff see it, not over a title halfway down.
  await page.evaluate(() => window.scrollTo(0, 0));
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

/** Picks a car in the sale form's VIN search, once sales' copy of inventory has it. */
export async function chooseCar(page: Page, vin: string): Promise<void> {
  await eventually(page, async () => {
    const copy = await api().call<{ autos: unknown[] }>('GET', `/sales/api/automobiles/?sold=false&vin=${vin}`);
    return copy.autos.length === 1;
  });
  await page.getByRole('combobox', { name: 'Automobile' }).fill(vin);
  await page.getByRole('option', { name: new RegExp(vin) }).click();
}

/**
 * Fills in the sign-in form on the page it is on (`/sign-in`, perhaps with `?next=`) and waits
 * until the app has them signed in: off the sign-in page, their name in the header.
 */
export async function signInThroughForm(page: Page, who: Staff): Promise<void> {
  await page.getByRole('heading', { name: 'Sign in to CarCar' }).waitFor();
  await page.getByLabel('Email').fill(who.email);
  await page.getByLabel('Password').fill(who.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await accountButton(page, who.name).waitFor();
}

/**
 * The bar's account menu button, named for who is signed in and their role ("Account: Ada Lovelace
 * Technician", in any language).
 */
export function accountButton(page: Page, name?: string) {
  const escaped = name?.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return page.getByRole('banner').getByRole('button', { name: new RegExp(`^\\S+: ${escaped ?? '.+'}( |$)`) });
}

/** Opens the account panel in the bar: who is signed in, their language, light or dark, Sign out. */
export async function openAccountMenu(page: Page): Promise<void> {
  await accountButton(page).click();
  await page.locator('.account-panel').waitFor();
}

/** Signs out through the account panel (its last button, whatever the language). */
export async function signOutThroughMenu(page: Page): Promise<void> {
  await openAccountMenu(page);
  await page.locator('.account-panel .sign-out').click();
}

export interface JourneyOptions {
  /** The viewport's width in px (a phone's height below 768 px); 1280 by default. */
  width?: number;
  /** Who signs in first, through the sign-in page; the administrator by default. */
  as?: Staff;
}

/**
 * Runs one journey in a fresh page, signed in first through the real sign-in page, with a
 * screenshot at the end or on failure; console errors and unhandled rejections fail it.
 */
export async function journey(
  browser: Browser,
  name: string,
  steps: (page: Page) => Promise<void>,
  { width, as = staff.admin }: JourneyOptions = {},
): Promise<void> {
  const { page, problems } = await openPage(browser);
  if (width) await page.setViewportSize({ width, height: width < 768 ? 844 : 900 });
  const shot = width ? `${name}-${width}` : name;
  try {
    await page.goto(`${appUrl}/sign-in`);
    await signInThroughForm(page, as);
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
 * Accessible in light and dark (axe: no serious or critical WCAG A/AA violation; `only: 'current'`
 * for the scheme shown only), nothing wider than the screen and no VIN, email or phone number split
 * across two lines,
 * once the page's requests are done. A toast fading in or out is measured half-transparent, at a
 * contrast it never shows at rest: the page is checked once the messages are gone.
 */
export async function checkPage(page: Page, name: string, only?: 'current'): Promise<void> {
  await page.waitForLoadState('networkidle');
  await page.locator('[data-sonner-toast]').last().waitFor({ state: 'detached', timeout: 15_000 });
  // A menu that is closing stays on the page through its exit transition with its items already
  // hidden, which axe reports as aria-required-children (CI caught it twice). Its trigger stops
  // naming it in aria-controls the moment it closes; an open menu is named and stays.
  await page.waitForFunction(() =>
    [...document.querySelectorAll('[role="menu"]')].every(
      (menu) => menu.id !== '' && document.querySelector(`[aria-controls="${CSS.escape(menu.id)}"]`) !== null,
    ),
  );
  await expectAccessible(page, name, only);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow, `${name} scrolls sideways`).toBeLessThanOrEqual(0);
  expect(await brokenIdentifiers(page), `${name}: a VIN, email or phone split across lines`).toEqual([]);
}
