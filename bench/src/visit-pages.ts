import { chromium } from 'playwright-core';

/** A page's path with its record ids and VINs as placeholders: `/sales/12` and `/sales/13` are one page. */
function pageOf(path: string): string {
  return path.replace(/\/\d+(?=\/|$)/g, '/:id').replace(/\/[A-HJ-NPR-Z0-9]{17}(?=\/|$)/g, '/:vin');
}

/** Links that leave the app's pages: the APIs, sign-out, the print views (the same data again). */
const NOT_A_PAGE = /^\/(inventory|service|sales|auth)\/api\/|^\/(auth|logout)\b|\/print\b/;

/**
 * Signs in at `baseUrl` as a member of staff in Debian's Chromium (or `CHROMIUM_PATH`) and visits
 * every page of the app a link leads to, each page once (the first record of a kind stands for
 * the others), as a person clicking through the menu and the lists would: what `npm start` holds
 * once a browser has loaded every page is measured after this. Returns the pages visited.
 */
export async function visitEveryPage(
  baseUrl: string,
  who: { email: string; password: string },
  limit = 150,
): Promise<string[]> {
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' });
  try {
    const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
    // The app's sign-in page (`/login` only redirects to it, so waiting to leave `/login` passed at
    // once, and a visit could begin before the session existed: one page, the sign-in form).
    await page.goto(`${baseUrl}/sign-in`);
    await page.getByLabel('Email').fill(who.email);
    await page.getByLabel('Password').fill(who.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL((url) => url.pathname !== '/sign-in');
    const visited: string[] = [];
    const seen = new Set<string>();
    const queue = ['/'];
    while (queue.length > 0 && visited.length < limit) {
      const path = queue.shift() as string;
      if (seen.has(pageOf(path))) continue;
      seen.add(pageOf(path));
      await page.goto(`${baseUrl}${path}`);
      // Every page has its heading once its lazy code has loaded; then its data has come.
      await page.locator('h1').first().waitFor({ timeout: 15_000 });
      await page.waitForLoadState('networkidle');
      visited.push(path);
      const links = await page.$$eval('a[href^="/"]', (anchors) => anchors.map((a) => a.getAttribute('href') ?? ''));
      for (const href of links) {
        const linked = new URL(href, baseUrl).pathname;
        if (!NOT_A_PAGE.test(linked) && !seen.has(pageOf(linked))) queue.push(linked);
      }
    }
    return visited;
  } finally {
    await browser.close();
  }
}
