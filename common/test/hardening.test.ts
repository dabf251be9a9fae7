import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { jsonNestedDeeperThan, MAX_JSON_DEPTH } from '../src/http/app.js';
import { AppError } from '../src/http/errors.js';
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
