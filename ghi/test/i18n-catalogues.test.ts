import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

// The catalogues in ghi/src/locales/<language>/<namespace>.json against each other and against
// the source: the keys are read from every t('…') call by TypeScript's own parser, so a key
// written in the code but in no catalogue, or in English and not in Spanish, fails here.

const src = fileURLToPath(new URL('../src', import.meta.url));
const locales = path.join(src, 'locales');
const languages = ['en', 'es'];
const pluralSuffix = /_(zero|one|two|few|many|other)$/;

type Catalogue = Record<string, unknown>;
const read = (language: string, namespace: string): Catalogue =>
  JSON.parse(readFileSync(path.join(locales, language, `${namespace}.json`), 'utf8')) as Catalogue;

/** Every leaf of a nested catalogue as "a.b.c" → its text. */
function flatten(node: Catalogue, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(node)) {
    const name = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(name, value);
    else if (value && typeof value === 'object') for (const [k, v] of flatten(value as Catalogue, name)) out.set(k, v);
    else throw new Error(`${name} is neither text nor a group`);
  }
  return out;
}

const namespacesOf = (language: string) =>
  readdirSync(path.join(locales, language))
    .filter((file) => file.endsWith('.json'))
    .map((file) => file.replace(/\.json$/, ''))
    .sort();

const placeholders = (text: string) => [...text.matchAll(/\{\{\s*(\w+)/g)].map((m) => m[1]).sort();

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(name) && !name.endsWith('.d.ts') ? [full] : [];
  });
}

interface Use {
  where: string;
  key?: string;
  counted: boolean;
}

/** Every call of `t(…)` or `something.t(…)` in the app, with its key when it is a literal. */
function translationCalls(): Use[] {
  const uses: Use[] = [];
  for (const file of sourceFiles(src)) {
    const text = readFileSync(file, 'utf8');
    const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
    const visit = (node: ts.Node) => {
      if (ts.isCallExpression(node)) {
        const callee = node.expression;
        const named =
          (ts.isIdentifier(callee) && callee.text === 't') ||
          (ts.isPropertyAccessExpression(callee) && callee.name.text === 't');
        if (named) {
          const [first, options] = node.arguments;
          const { line } = source.getLineAndCharacterOfPosition(node.getStart());
          const where = `${path.relative(src, file)}:${line + 1}`;
          const counted =
            options !== undefined &&
            ts.isObjectLiteralExpression(options) &&
            options.properties.some((p) => p.name !== undefined && ts.isIdentifier(p.name) && p.name.text === 'count');
          const key =
            first && (ts.isStringLiteral(first) || ts.isNoSubstitutionTemplateLiteral(first)) ? first.text : undefined;
          uses.push({ where, counted, ...(key === undefined ? {} : { key }) });
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return uses;
}

describe('the translation catalogues', () => {
  const english = namespacesOf('en');

  it('have the same namespaces in every language', () => {
    expect(english.length).toBeGreaterThan(0);
    for (const language of languages) expect(namespacesOf(language), language).toEqual(english);
  });

  it('have every key in both languages, with the same {{placeholders}} and each language’s plural forms', () => {
    const problems: string[] = [];
    for (const namespace of english) {
      const byLanguage = new Map(languages.map((language) => [language, flatten(read(language, namespace))]));
      const bases = (keys: Map<string, string>) =>
        new Set([...keys.keys()].map((key) => key.replace(pluralSuffix, '')));
      const all = new Set(languages.flatMap((language) => [...bases(byLanguage.get(language) ?? new Map())]));
      for (const base of all) {
        // Each language's {{placeholders}} for this key (over all its plural forms).
        const names = new Map<string, string>();
        for (const language of languages) {
          const keys = byLanguage.get(language) ?? new Map<string, string>();
          const plural = [...keys.keys()].some((key) => key !== base && key.replace(pluralSuffix, '') === base);
          const forms = plural
            ? new Intl.PluralRules(language).resolvedOptions().pluralCategories.map((c) => `${base}_${c}`)
            : [base];
          const texts: string[] = [];
          for (const form of forms) {
            const text = keys.get(form);
            if (text === undefined) problems.push(`${language}/${namespace}: ${form} is missing`);
            else if (text.trim() === '') problems.push(`${language}/${namespace}: ${form} is empty`);
            else texts.push(text);
          }
          names.set(language, [...new Set(texts.flatMap(placeholders))].sort().join(','));
        }
        if (new Set(names.values()).size > 1) {
          problems.push(
            `${namespace}:${base} has different placeholders: ${[...names].map(([l, n]) => `${l} {${n}}`).join(' ')}`,
          );
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('hold every key the code asks for, each a literal that names its namespace', () => {
    const uses = translationCalls();
    expect(uses.length).toBeGreaterThan(50);
    const problems: string[] = [];
    const catalogues = new Map(english.map((namespace) => [namespace, flatten(read('en', namespace))]));
    for (const use of uses) {
      if (use.key === undefined) {
        problems.push(`${use.where}: the key is not a literal, so it cannot be checked`);
        continue;
      }
      const [namespace, key] = use.key.includes(':') ? use.key.split(':', 2) : [undefined, use.key];
      const catalogue = namespace === undefined ? undefined : catalogues.get(namespace);
      if (!catalogue || key === undefined) {
        problems.push(`${use.where}: "${use.key}" names no catalogue (write namespace:key)`);
        continue;
      }
      const found = use.counted
        ? catalogue.has(`${key}_one`) && catalogue.has(`${key}_other`)
        : catalogue.has(key) && !catalogue.has(`${key}_other`);
      if (!found)
        problems.push(
          `${use.where}: "${use.key}" is not in en/${namespace}.json${use.counted ? ' (as _one and _other)' : ''}`,
        );
    }
    expect(problems).toEqual([]);
  });
});
