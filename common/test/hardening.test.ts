import { chmodSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { openDatabase } from '../src/db/database.js';
import { AppError } from '../src/errors.js';
import { jsonNestedDeeperThan, MAX_JSON_DEPTH } from '../src/http/app.js';
import { formulaSafe, toCsv } from '../src/http/csv.js';
import { parseInput } from '../src/http/validation.js';

// The findings of the penetration test (issue 25) that concern the shared HTTP code.

const text = (value: string) => new TextEncoder().encode(value);

function nested(depth: number): unknown {
  let value: unknown = 'leaf';
  for (let level = 0; level < depth; level++) value = { a: value };
  return value;
}

describe('#6: deeply nested JSON', () => {
  it('measures nesting by brackets outside strings only', () => {
    expect(jsonNestedDeeperThan(text('[[[]]]'), 3)).toBe(false);
    expect(jsonNestedDeeperThan(text('[[[[]]]]'), 3)).toBe(true);
    expect(jsonNestedDeeperThan(text(`{"a": "${'['.repeat(500)}"}`), 3)).toBe(false);
    expect(jsonNestedDeeperThan(text(`{"a": "\\"${'{'.repeat(500)}"}`), 3)).toBe(false);
    expect(
      jsonNestedDeeperThan(text(`${'['.repeat(MAX_JSON_DEPTH + 1)}${']'.repeat(MAX_JSON_DEPTH + 1)}`), MAX_JSON_DEPTH),
    ).toBe(true);
  });

  it('parseInput answers a 400 for input nested past any call stack, not a RangeError', () => {
    let thrown: unknown;
    try {
      parseInput(z.object({ a: z.unknown() }), nested(200_000));
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(AppError);
    expect((thrown as AppError).status).toBe(400);
    // Shallow input still finds its NUL character by path.
    expect(() => parseInput(z.unknown(), { a: { b: 'x\u0000' } })).toThrow(AppError);
  });
});

/** Every path under `root` whose mode lets anyone but the owner in, with its mode. */
function openToOthers(root: string): string[] {
  const found: string[] = [];
  const walk = (at: string) => {
    const stats = statSync(at);
    if ((stats.mode & 0o077) !== 0) found.push(`${path.relative(root, at) || '.'} ${(stats.mode & 0o777).toString(8)}`);
    if (stats.isDirectory()) for (const entry of readdirSync(at)) walk(path.join(at, entry));
  };
  walk(root);
  return found;
}

describe('#8: the data folder is private', () => {
  it('makes DATA_DIR 0700 and the embedded database files 0600, tightening what an older start left', async () => {
    const parent = mkdtempSync(path.join(tmpdir(), 'carcar-data-'));
    const dataDir = path.join(parent, '.data');
    try {
      // What an earlier version left: a world-readable folder and file.
      mkdirSync(path.join(dataDir, 'identity'), { recursive: true, mode: 0o755 });
      chmodSync(dataDir, 0o755);
      chmodSync(path.join(dataDir, 'identity'), 0o755);
      writeFileSync(path.join(dataDir, 'identity', 'old-file'), 'x', { mode: 0o644 });
      chmodSync(path.join(dataDir, 'identity', 'old-file'), 0o644);

      const migrationsFolder = fileURLToPath(new URL('../../gateway/drizzle', import.meta.url));
      const database = await openDatabase({ schemaName: 'identity', migrationsFolder, dataDir });
      await database.close();

      expect(statSync(dataDir).mode & 0o777).toBe(0o700);
      expect(readdirSync(path.join(dataDir, 'identity')).length).toBeGreaterThan(5);
      expect(openToOthers(dataDir)).toEqual([]);
    } finally {
      rmSync(parent, { recursive: true, force: true });
    }
  }, 60_000);
});

describe('#10: full-width formula starters in CSV', () => {
  it('neutralises ＝ ＋ － ＠ at the start of a cell as it does = + - @', () => {
    for (const start of ['＝', '＋', '－', '＠', '=', '+', '-', '@']) {
      expect(formulaSafe(`${start}HYPERLINK("http://evil.example")`)).toBe(`'${start}HYPERLINK("http://evil.example")`);
    }
    expect(formulaSafe('Ｆull-width letters are text')).toBe('Ｆull-width letters are text');
    expect(toCsv([{ note: '＝1+1' }])).toBe("note\r\n'＝1+1\r\n");
  });
});
