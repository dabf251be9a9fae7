import type { Page } from 'playwright-core';

/** A VIN, an email address or a phone number drawn across two lines, as the page shows it. */
export interface BrokenIdentifier {
  text: string;
  /** The nearest element's tag and classes, to find it in the page. */
  where: string;
  lines: number;
}

/**
 * Every VIN, email address and phone number in the page's visible text that the browser wrapped
 * onto more than one line (issue 26: staff read and copy these whole). Measured on the text itself
 * with a Range, so a cell that wraps elsewhere is fine as long as the identifier stays on one line.
 */
export function brokenIdentifiers(page: Page): Promise<BrokenIdentifier[]> {
  return page.evaluate(() => {
    // Built inside the page: the function is serialised, so nothing from outside it is reachable.
    const patterns = [
      /\b[A-HJ-NPR-Z0-9]{17}\b/g,
      /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g,
      /(?:\+\d{1,3} )?(?:\(\d{3}\) ?|\d{3}[ .-])?\d{3}-\d{4}\b/g,
    ];
    const found: { text: string; where: string; lines: number }[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent ?? '';
      if (text.length < 8) continue;
      for (const pattern of patterns) {
        for (const match of text.matchAll(pattern)) {
          const range = document.createRange();
          range.setStart(node, match.index);
          range.setEnd(node, match.index + match[0].length);
          // One rectangle per line box the text sits on; empty ones are collapsed spaces.
          const tops = new Set(
            [...range.getClientRects()].filter((rect) => rect.width > 0.5).map((rect) => Math.round(rect.top)),
          );
          if (tops.size > 1) {
            const element = node.parentElement;
            const where = element
              ? `${element.tagName.toLowerCase()}${[...element.classList].map((name) => `.${name}`).join('')}`
              : '?';
            found.push({ text: match[0], where, lines: tops.size });
          }
        }
      }
    }
    return found;
  });
}
