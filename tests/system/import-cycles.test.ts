import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { allSourceFiles, root, sourceFiles } from './source-files.js';

// A module that imports, through others, a module that imports it is loaded half-initialised in
// one of the two orders and ties both to each other's changes. Type-only imports count: they are
// how such a loop starts (gateway's audit trail → caller → tokens → audit trail was one), and the
// type usually belongs in a third module. Tests are left out: they may import anything.

/** The file an import names, for the repo's own modules (relative, or `@carcar/common/...`); else undefined. */
function resolve(from: string, specifier: string): string | undefined {
  let base: string;
  if (specifier.startsWith('.')) base = path.resolve(path.dirname(from), specifier);
  else if (specifier.startsWith('@carcar/common/')) base = path.join(root, 'common/src', specifier.slice(15));
  else return undefined;
  const stem = base.replace(/\.(js|jsx|mjs)$/, '');
  const candidates = [base, `${stem}.ts`, `${stem}.tsx`, `${stem}.mts`, path.join(base, 'index.ts')];
  return candidates.find((candidate) => existsSync(candidate) && statSync(candidate).isFile());
}

function importsOf(file: string): string[] {
  const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, false);
  return importedFiles.flatMap(({ fileName }) => {
    const target = resolve(file, fileName);
    return target ? [target] : [];
  });
}

/** Every loop found by a depth-first walk, each named by its files from the root. */
function cyclesOf(graph: Map<string, string[]>): string[][] {
  const cycles: string[][] = [];
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (file: string) => {
    state.set(file, 'open');
    stack.push(file);
    for (const next of graph.get(file) ?? []) {
      if (state.get(next) === 'open') cycles.push([...stack.slice(stack.indexOf(next)), next]);
      else if (!state.has(next)) visit(next);
    }
    stack.pop();
    state.set(file, 'done');
  };
  for (const file of graph.keys()) if (!state.has(file)) visit(file);
  return cycles.map((cycle) => cycle.map((file) => path.relative(root, file)));
}

describe('imports', () => {
  it('the walk finds a loop when there is one', () => {
    const graph = new Map([
      ['/a.ts', ['/b.ts']],
      ['/b.ts', ['/c.ts']],
      ['/c.ts', ['/a.ts']],
      ['/d.ts', ['/a.ts']],
    ]);
    expect(cyclesOf(graph)).toHaveLength(1);
    expect(
      cyclesOf(
        new Map([
          ['/a.ts', ['/b.ts']],
          ['/b.ts', []],
        ]),
      ),
    ).toEqual([]);
  });

  it('no module of the repo imports itself through others', () => {
    const files = allSourceFiles();
    expect(files.length).toBeGreaterThan(100);
    const graph = new Map(files.map((file) => [file, importsOf(file)]));
    // Both import kinds are read: a type import and a value import both resolve to a file.
    expect([...graph.values()].some((targets) => targets.length > 0)).toBe(true);
    expect(cyclesOf(graph).map((cycle) => cycle.join(' → '))).toEqual([]);
  });

  it('the database layer (common/src/db/) imports nothing from common/src/http/', () => {
    const http = path.join(root, 'common/src/http') + path.sep;
    const database = sourceFiles(path.join(root, 'common/src/db'));
    expect(database.length).toBeGreaterThan(3);
    const upward = database.flatMap((file) =>
      importsOf(file)
        .filter((target) => target.startsWith(http))
        .map((target) => `${path.relative(root, file)} → ${path.relative(root, target)}`),
    );
    expect(upward).toEqual([]);
  });
});
