import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

// The app's own words, as the catalogues in ghi/src/locales hold them, for the Spanish journey to
// tell English left on a page from the data on it: a page in Spanish must show none of the
// English texts whose Spanish differs. Read from the files when the journey runs, so a namespace
// added since is checked too.

const locales = fileURLToPath(new URL('../src/locales/', import.meta.url));

type Tree = { [key: string]: string | Tree };

/** Every text of one language, as `namespace:key.path` → text. */
export function catalogue(language: string): Map<string, string> {
  const texts = new Map<string, string>();
  const walk = (tree: Tree, prefix: string) => {
    for (const [key, value] of Object.entries(tree)) {
      const path = `${prefix}${key}`;
      if (typeof value === 'string') texts.set(path, value);
      else walk(value, `${path}.`);
    }
  };
  for (const file of readdirSync(`${locales}${language}`).filter((name) => name.endsWith('.json'))) {
    walk(JSON.parse(readFileSync(`${locales}${language}/${file}`, 'utf8')) as Tree, `${file.slice(0, -5)}:`);
  }
  return texts;
}

/** A literal piece of an English text, and the key it comes from. */
export interface EnglishFragment {
  key: string;
  fragment: string;
  pattern: RegExp;
}

/** A piece of text found on a page, the catalogue key it comes from, and the page's text around it. */
export interface Found {
  key: string;
  text: string;
  where: string;
}

export const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The fragment as a whole phrase: not inside a longer word ("Model" is not found in "Modelo"), any
 * run of spaces matching any other (innerText breaks lines where the page wraps them).
 */
const phrase = (fragment: string) =>
  new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(fragment).replace(/\s+/g, '\\s+')}(?![\\p{L}\\p{N}])`, 'u');

/**
 * What is left of a text around its placeholders (`{{name}}`), nested keys (`$t(…)`) and markup
 * (`<0>`, `<strong>`), each trimmed of the spaces and punctuation at its ends: what a page shows
 * word for word whatever fills the gaps.
 */
export function literalFragments(text: string): string[] {
  return text
    .split(/\{\{[^}]*\}\}|\$t\([^)]*\)|<\/?[A-Za-z0-9]+\s*\/?>/)
    .map((piece) => piece.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ''))
    .filter((piece) => piece.length > 0);
}

/**
 * The English fragments a page in Spanish must not show: from every English text whose Spanish is
 * missing (i18next would fall back to the English) or different. Left out, so that a word is not
 * taken for English when it is not:
 * - fragments without a run of 3 letters ("No", "OK", "of", a number): too short to tell apart
 *   from data, abbreviations and Spanish;
 * - fragments that some Spanish text of the catalogue also shows as a whole phrase ("VIN", "VIP",
 *   "Total", "Error"): the page may rightly show them in Spanish too.
 */
export function englishFragments(): EnglishFragment[] {
  const english = catalogue('en');
  const spanish = catalogue('es');
  const spanishText = [...spanish.values()].join('\n');
  const fragments: EnglishFragment[] = [];
  const seen = new Set<string>();
  for (const [key, text] of english) {
    if (spanish.get(key) === text) continue;
    for (const fragment of literalFragments(text)) {
      if (seen.has(fragment) || !/\p{L}{3,}/u.test(fragment)) continue;
      seen.add(fragment);
      const pattern = phrase(fragment);
      if (!pattern.test(spanishText)) fragments.push({ key, fragment, pattern });
    }
  }
  return fragments;
}

/** The English fragments `texts` show, longest first, each once with the shortest text it is in. */
export function englishIn(texts: readonly string[], fragments: readonly EnglishFragment[]): Found[] {
  const found: Found[] = [];
  for (const { key, fragment, pattern } of fragments) {
    const containing = texts.filter((text) => pattern.test(text));
    if (containing.length === 0) continue;
    const where = containing.reduce((a, b) => (b.length < a.length ? b : a));
    found.push({ key, text: fragment, where: where.replace(/\s+/g, ' ').trim().slice(0, 160) });
  }
  return found.sort((a, b) => b.text.length - a.text.length || a.text.localeCompare(b.text));
}

/**
 * Catalogue keys shown as they are (`totals.labor`, `repairOrders:totals.labor`): what i18next
 * shows for a key no catalogue has, in any language. A key whose English is the key itself
 * ("breadcrumb") is English already, found as such.
 */
export function keysIn(texts: readonly string[]): string[] {
  const english = catalogue('en');
  const values = new Set(english.values());
  const keys = new Set<string>();
  for (const path of english.keys()) {
    keys.add(path);
    keys.add(path.slice(path.indexOf(':') + 1));
  }
  // A key no catalogue has yet is known only by its shape: dotted, with a namespace or a camelCase
  // part. All lowercase and dotted is an API's identifier (a webhook's `appointment.canceled`).
  const keyLike = /^[a-z][A-Za-z0-9]*(?::[a-z][A-Za-z0-9_]*)?(?:\.[A-Za-z0-9_]+)+$/;
  const unknownKey = (text: string) => keyLike.test(text) && /[A-Z:]/.test(text);
  const shown = texts
    .map((text) => text.trim())
    .filter((text) => !values.has(text) && (keys.has(text) || unknownKey(text)));
  return [...new Set(shown)];
}

// Words English uses on almost every line and Spanish never does: a text with one of them and no
// catalogue entry is probably English written straight into a page, outside the catalogue.
const englishOnly = new Set(
  (
    'the and of to for with your you this that these those is are was were be been by from on at or not ' +
    'have will it its an in into each every any when what which who than then can cannot must ' +
    'should would could yet here there nothing none'
  ).split(' '),
);

/**
 * Texts of a page that look English though the catalogue does not know them (two or more words,
 * one of them a word only English uses). Not proof, only where to look: data typed in English
 * (a customer's concern, an inspection item) looks the same.
 */
export function englishLooking(texts: readonly string[]): string[] {
  const looking = texts
    .map((text) => text.replace(/\s+/g, ' ').trim())
    .filter((text) => {
      // Words as written, between spaces: a VIN or a CSV column (on_hand) is no sentence, and the
      // Spanish "OR" (orden de reparación) is not "or".
      const words = text.split(' ').map((word) => word.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, ''));
      const first = words[0] ?? '';
      const lowered = [first.charAt(0).toLowerCase() + first.slice(1), ...words.slice(1)];
      return words.length >= 2 && lowered.some((word) => englishOnly.has(word));
    });
  return [...new Set(looking)];
}
