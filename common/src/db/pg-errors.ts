import { type AppError, conflict, type FieldError, invalid } from '../errors.js';

/** A field of the Postgres error behind a failed query, whether or not the driver wrapped it. */
function pgErrorField(error: unknown, field: 'code' | 'constraint', valid: RegExp): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current instanceof Error; depth++) {
    const value = (current as Error & Record<string, unknown>)[field];
    if (typeof value === 'string' && valid.test(value)) return value;
    current = current.cause;
  }
  return undefined;
}

/** The Postgres SQLSTATE of a failed query. */
export function pgErrorCode(error: unknown): string | undefined {
  return pgErrorField(error, 'code', /^[0-9A-Z]{5}$/);
}

/** The name of the constraint a failed query violated. */
export function pgConstraint(error: unknown): string | undefined {
  return pgErrorField(error, 'constraint', /./);
}

export const PG_UNIQUE_VIOLATION = '23505';
export const PG_FOREIGN_KEY_VIOLATION = '23503';
/** What ON DELETE RESTRICT raises when other rows still reference the one being deleted. */
export const PG_RESTRICT_VIOLATION = '23001';

export const PG_EXCLUSION_VIOLATION = '23P01';

export function isStillReferenced(error: unknown): boolean {
  const code = pgErrorCode(error);
  return code === PG_RESTRICT_VIOLATION || code === PG_FOREIGN_KEY_VIOLATION;
}

/**
 * What a failed write means to the client, by the kind of constraint it broke. An insert or update
 * passes `missingReference`, a delete `stillReferenced`: Postgres reports both as a foreign-key error.
 */
export interface PgErrorMeanings {
  /** A unique value already taken: 409 naming the field (`employee_id`, `vin`, `name`). */
  unique?: FieldError;
  /** A reference to a row that does not exist (insert or update): 400 on the field, chosen by constraint name. */
  missingReference?: FieldError | ((constraint: string | undefined) => FieldError);
  /** Other rows still reference the one being deleted: 409 with this sentence. */
  stillReferenced?: string;
  /** An exclusion constraint (a double booking): the 409 to answer, which may need a query to explain. */
  exclusion?: () => AppError | Promise<AppError>;
}

/**
 * Turns the Postgres error behind a failed write into the client's 400 or 409, as `meanings`
 * says; anything else is rethrown unchanged (a 500 or 503 from the error handler). For `.catch`.
 */
export function translatePgError(meanings: PgErrorMeanings): (error: unknown) => Promise<never> {
  return async (error) => {
    const code = pgErrorCode(error);
    if (code === PG_UNIQUE_VIOLATION && meanings.unique) {
      throw conflict(meanings.unique.message, { errors: [meanings.unique] });
    }
    if (meanings.stillReferenced && isStillReferenced(error)) throw conflict(meanings.stillReferenced);
    if (code === PG_FOREIGN_KEY_VIOLATION && meanings.missingReference) {
      const { missingReference } = meanings;
      throw invalid([
        typeof missingReference === 'function' ? missingReference(pgConstraint(error)) : missingReference,
      ]);
    }
    if (code === PG_EXCLUSION_VIOLATION && meanings.exclusion) throw await meanings.exclusion();
    throw error;
  };
}
