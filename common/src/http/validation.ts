import { z } from 'zod';
import { MAX_INT } from '../contract/fields.js';
import { type FieldError, invalid, notFound } from '../errors.js';
import { isVinFormat, normalizeVin } from '../vin/vin.js';

/** One message per field: the first problem found is the one worth showing next to it. */
export function toFieldErrors(error: z.ZodError): FieldError[] {
  const byPath = new Map<string, FieldError>();
  for (const issue of error.issues) {
    const path = issue.path.map(String).join('.') || '(root)';
    if (!byPath.has(path)) byPath.set(path, { path, message: issue.message });
  }
  return [...byPath.values()];
}

/** Deeper than any input of the API; the JSON body parser refuses deeper bodies already. */
const MAX_INPUT_DEPTH = 64;

/**
 * The path of a string holding a NUL character, which Postgres text cannot store. Walked with a
 * stack of its own, not recursion, so no input can exhaust the call stack; input nested deeper
 * than any the API takes is refused.
 */
function nulPath(input: unknown): string | undefined {
  const pending: Array<{ value: unknown; path: string; depth: number }> = [{ value: input, path: '', depth: 0 }];
  for (let next = pending.pop(); next; next = pending.pop()) {
    const { value, path, depth } = next;
    if (typeof value === 'string') {
      if (value.includes('\u0000')) return path || '(root)';
      continue;
    }
    if (typeof value !== 'object' || value === null) continue;
    if (depth >= MAX_INPUT_DEPTH) throw invalid([{ path: path || '(root)', message: 'This is nested too deeply' }]);
    // Reversed onto the stack, so the first field is looked at first.
    for (const [key, child] of Object.entries(value).reverse()) {
      pending.push({ value: child, path: path ? `${path}.${key}` : key, depth: depth + 1 });
    }
  }
  return undefined;
}

/** Parses request input (body, query or params) or throws a 400 naming every failing field. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const nul = nulPath(input);
  if (nul)
    throw invalid([{ path: nul, message: 'Remove the NUL character (an invisible control character) from this text' }]);
  const result = schema.safeParse(input ?? {});
  if (!result.success) throw invalid(toFieldErrors(result.error));
  return result.data;
}

/** A path id that is not a positive 32-bit integer cannot name a row: 404, not 400 or 500. */
export function parseId(value: unknown): number {
  const id = typeof value === 'string' && /^\d{1,10}$/.test(value) ? Number(value) : Number.NaN;
  if (!Number.isInteger(id) || id < 1 || id > MAX_INT) throw notFound();
  return id;
}

/** Query-string booleans: only the words `true` and `false`. */
export const queryBoolean = z
  .enum(['true', 'false'], { error: 'Use true or false' })
  .transform((value) => value === 'true');

/** A VIN in a path: upper-cased; one that cannot be a VIN names no car (404, and no query). */
export function parseVinParam(value: string): string {
  const vin = normalizeVin(value);
  if (!isVinFormat(vin)) throw notFound();
  return vin;
}
