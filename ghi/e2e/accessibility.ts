import axe from 'axe-core';
import type { Page } from 'playwright-core';

/** What axe-core answers, as far as this check reads it (the page-side result is plain JSON). */
interface Violation {
  id: string;
  impact: string | null;
  help: string;
  helpUrl: string;
  nodes: { target: unknown[]; failureSummary?: string }[];
}

// The rules of WCAG 2.0, 2.1 and 2.2 at levels A and AA: what the app promises.
const wcagAA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const blocking = new Set(['serious', 'critical']);

type Scheme = 'light' | 'dark';

/** The colour scheme the app draws in now (Mantine's attribute on <html>). */
function schemeOf(page: Page): Promise<Scheme | undefined> {
  return page.evaluate(() => {
    const scheme = document.documentElement.dataset.mantineColorScheme;
    return scheme === 'light' || scheme === 'dark' ? scheme : undefined;
  });
}

/**
 * Runs axe-core in the page as it is now, then in the other colour scheme (the app follows the
 * computer's light or dark setting, emulated here), and fails, with a list a person can act on,
 * when any WCAG 2 A/AA violation is serious or critical in either. Minor and moderate ones are not
 * the bar today. `only: 'current'` checks the scheme shown only (a journey that sets it itself).
 * A page whose person chose a scheme in the account menu does not follow the computer's: it is
 * checked in that scheme only.
 */
export async function expectAccessible(page: Page, name: string, only?: 'current'): Promise<void> {
  const before = await schemeOf(page);
  await expectAccessibleNow(page, before ? `${name}, ${before}` : name);
  if (only === 'current' || before === undefined) return;
  const other: Scheme = before === 'light' ? 'dark' : 'light';
  const following = await page.evaluate(() => localStorage.getItem('mantine-color-scheme-value') ?? 'auto');
  if (following !== 'auto') return;
  const emulated = await page.evaluate(() => window.matchMedia('(prefers-color-scheme: dark)').matches);
  await page.emulateMedia({ colorScheme: other });
  try {
    await page.waitForFunction((scheme) => document.documentElement.dataset.mantineColorScheme === scheme, other);
    // Colours that ease from one scheme to the other are measured at rest.
    await page.waitForTimeout(300);
    await expectAccessibleNow(page, `${name}, ${other}`);
  } finally {
    await page.emulateMedia({ colorScheme: emulated ? 'dark' : 'light' });
    await page.waitForFunction((scheme) => document.documentElement.dataset.mantineColorScheme === scheme, before);
  }
}

async function expectAccessibleNow(page: Page, name: string): Promise<void> {
  // Evaluated through the DevTools protocol, not added as a <script>: the app's Content Security
  // Policy (script-src 'self') refuses inline scripts, and axe is not in the app.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axe.source);
  const violations = await page.evaluate(async (tags) => {
    const engine = (window as unknown as { axe: typeof axe }).axe;
    const result = await engine.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact ?? null,
      help: v.help,
      helpUrl: v.helpUrl,
      nodes: v.nodes.map((n) => ({ target: n.target as unknown[], failureSummary: n.failureSummary })),
    }));
  }, wcagAA);
  const serious = (violations as Violation[]).filter((v) => v.impact !== null && blocking.has(v.impact));
  if (serious.length === 0) return;
  const list = serious
    .map((v) => {
      const where = v.nodes
        .slice(0, 5)
        .map(
          (n) =>
            `    at ${n.target.map(String).join(' ')}${n.failureSummary ? `\n      ${n.failureSummary.replace(/\n/g, '\n      ')}` : ''}`,
        )
        .join('\n');
      const more = v.nodes.length > 5 ? `\n    …and ${v.nodes.length - 5} more` : '';
      return `- [${v.impact}] ${v.id}: ${v.help} (${v.helpUrl})\n${where}${more}`;
    })
    .join('\n');
  throw new Error(
    `${name} (${page.url()}): ${serious.length} serious or critical accessibility violation(s):\n${list}`,
  );
}
