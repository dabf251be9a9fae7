import { readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { allSourceFiles, root } from './source-files.js';

// A route's path is written once, in its row of common/src/contract/routes.ts (docs/architecture.md):
// code that calls, mounts or documents a route names the row (`pathTo`, `mountPath`). A path spelled
// again elsewhere is how a route came to live in one place and not another. This counts the source
// files (tests aside: they spell paths on purpose, to catch a row that changed) whose string or
// template literals hold an `/api/` path; comments and import specifiers are not literals of a path.
const declaration = path.join(root, 'common/src/contract');

/**
 * The files that may still spell one, and why. Keep it short: the bound the project set is ten.
 */
const allowed: Readonly<Record<string, string>> = {
  // Plain JavaScript that node runs before any TypeScript loader: it prints each service's API and
  // docs address when the stack is ready, and cannot import the contract.
  'scripts/start.mjs': 'the ready message',
};
const MOST_FILES = 10;

const apiPath = /(?<!\.)\/api(\/|$)/;

/** The literal texts of a file that hold an `/api/` path. */
function apiPathLiterals(fileName: string, text: string): string[] {
  // Each file parsed as what it is: read as TSX, a `.ts` file's generic arrow (`<T>(…) =>`) is a tag.
  const kind = fileName.endsWith('.tsx')
    ? ts.ScriptKind.TSX
    : fileName.endsWith('.mjs')
      ? ts.ScriptKind.JS
      : ts.ScriptKind.TS;
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, false, kind);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node) || ts.isImportTypeNode(node)) return;
    if (ts.isStringLiteralLike(node) && apiPath.test(node.text)) found.push(node.text);
    if (ts.isTemplateExpression(node)) {
      const parts = [node.head.text, ...node.templateSpans.map((span) => span.literal.text)];
      if (parts.some((part) => apiPath.test(part))) found.push(parts.join('…'));
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe('API paths are written in the route table', () => {
  it('finds a path in strings and templates, not in comments or imports', () => {
    const sample = [
      "import { x } from '../api/get-cars';",
      '// GET /api/automobiles/',
      "const a = '/api/sales/';",
      `const b = \`/inventory/api/automobiles/$\{vin}/\`;`,
      "const c = '/apiary/';",
    ].join('\n');
    expect(apiPathLiterals('sample.ts', sample)).toEqual(['/api/sales/', '/inventory/api/automobiles/…/']);
  });

  it(`leaves only the allowed source files outside common/src/contract/ spelling one (at most ${MOST_FILES})`, () => {
    const spelled = allSourceFiles(true)
      .filter((file) => !file.startsWith(declaration))
      .flatMap((file) => {
        const literals = apiPathLiterals(file, readFileSync(file, 'utf8'));
        return literals.length ? [{ file: path.relative(root, file), literals }] : [];
      });
    const unexpected = spelled.filter(({ file }) => !(file in allowed));
    expect(
      unexpected.map(({ file, literals }) => `${file}: ${literals.join(', ')}`),
      'name the row (pathTo, mountPath, row.path) instead',
    ).toEqual([]);
    expect(Object.keys(allowed).length).toBeLessThanOrEqual(MOST_FILES);
  });
});
