import { i18n, useTranslation } from './i18n';

// The shared contract's validation messages (common/src/contract) are English sentences, the same
// whether zod found them in the browser or the API answered them in a 400, and the API keeps them
// English; so do the reasons the services write in the audit trail ("trade-in of sale 3"). The
// `contract` catalogue maps each known sentence to the language shown; it is read
// here as a plain table rather than through t(), because the sentences hold i18next's separators
// ('.', ':'). A key with {{placeholders}} matches a sentence with a number or a VIN in it, and
// those parts are carried over as they came. Anything else is shown as it came, in English.

type Table = Readonly<Record<string, unknown>>;

interface Pattern {
  match: RegExp;
  names: string[];
  text: string;
}

const placeholder = /\{\{\s*(\w+)\s*\}\}/g;
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const patternCache = new WeakMap<Table, Pattern[]>();

function patternsOf(table: Table): Pattern[] {
  const cached = patternCache.get(table);
  if (cached) return cached;
  const patterns: Pattern[] = [];
  for (const [key, text] of Object.entries(table)) {
    if (typeof text !== 'string' || !key.includes('{{')) continue;
    const names = [...key.matchAll(placeholder)].map((m) => m[1] ?? '');
    const source = key
      .split(placeholder)
      // split keeps the captured names at odd indexes: those are the holes.
      .map((part, index) => (index % 2 === 1 ? '(.+?)' : escapeRegExp(part)))
      .join('');
    patterns.push({ match: new RegExp(`^${source}$`), names, text });
  }
  // The most words first: "Remove the unknown fields {{keys}}" before "… field {{keys}}".
  const literal = (pattern: Pattern) => pattern.match.source.replace(/\(\.\+\?\)/g, '').length;
  patterns.sort((a, b) => literal(b) - literal(a));
  patternCache.set(table, patterns);
  return patterns;
}

/** A contract message in `language` (the one shown by default); unknown ones as they came. */
export function contractMessage(message: string, language: string = i18n.resolvedLanguage ?? i18n.language): string {
  const table = i18n.getResourceBundle(language, 'contract') as Table | undefined;
  if (!table) return message;
  const exact = table[message];
  if (typeof exact === 'string') return exact;
  for (const pattern of patternsOf(table)) {
    const found = pattern.match.exec(message);
    if (!found) continue;
    return pattern.text.replace(placeholder, (hole, name: string) => {
      const index = pattern.names.indexOf(name);
      return index < 0 ? hole : (found[index + 1] ?? hole);
    });
  }
  return message;
}

/** `contractMessage` for a component: it renders again when the language changes. */
export function useContractMessage(): (message: string | undefined) => string | undefined {
  const { i18n: instance } = useTranslation('contract');
  const language = instance.resolvedLanguage ?? instance.language;
  return (message) => (message === undefined ? undefined : contractMessage(message, language));
}
