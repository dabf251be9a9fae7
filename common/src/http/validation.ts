import { z } from 'zod';
import { MAX_INT } from '../contract/fields.js';
import { isVinFormat, normalizeVin } from '../vin/vin.js';
import { type FieldError, invalid, notFound } from './errors.js';

/** One message per field: the first problem found is the one worth showing next to it. */
export function toFieldErrors(error: z.ZodError): FieldError[] {
  const byPath = new Map<string, FieldError>();
  for (const issue of error.issues) {
    const path = issue.path.map(String).join('.') || '(root)';
    if (!byPath.has(path)) byPath.set(path, { path, message: issue.message });
  }
  return [...byPath.values()];
}

/** The path of a string holding a NUL character, which Postgres text cannot store. */
function nulPath(value: unknown, path: string): string | undefined {
  if (typeof value === 'string') return value.includes('\u0000') ? path || '(root)' : undefined;
  if (typeof value !== 'object' || value === null) return undefined;
  for (const [key, child] of Object.entries(value)) {
    const found = nulPath(child, path ? `${path}.${key}` : key);
    if (found) return found;
  }
  return undefined;
}

/** Parses request input (body, query or params) or throws a 400 naming every failing field. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const nul = nulPath(input, '');
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
