import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

// The project's own source, for the tests that read it as a whole (import loops, spelled paths).
// Tests are left out: they may import anything and spell paths on purpose.

export const root = fileURLToPath(new URL('../../', import.meta.url));

export const sourceDirectories = [
  'common/src',
  'testing/src',
  'inventory-api/src',
  'service-api/src',
  'sales-api/src',
  'gateway/src',
  'ghi/src',
  'bench/src',
  'scripts',
];

/** The TypeScript (and, with `withJs`, `.mjs`) source files below `directory`, tests and declarations aside. */
export function sourceFiles(directory: string, withJs = false): string[] {
  if (!existsSync(directory)) return [];
  const source = withJs ? /\.(ts|tsx|mts|mjs)$/ : /\.(ts|tsx|mts)$/;
  return readdirSync(directory).flatMap((name) => {
    const file = path.join(directory, name);
    if (statSync(file).isDirectory()) {
      return name === 'node_modules' || name === 'dist' ? [] : sourceFiles(file, withJs);
    }
    return source.test(name) && !/\.(test|e2e)\.tsx?$/.test(name) && !name.endsWith('.d.ts') ? [file] : [];
  });
}

/** Every source file of the project. */
export function allSourceFiles(withJs = false): string[] {
  return sourceDirectories.flatMap((directory) => sourceFiles(path.join(root, directory), withJs));
}
