/** One error type for every failure a client can cause; the error middleware turns it into JSON. */
export interface FieldError {
  path: string;
  message: string;
}

export type ErrorCode =
  | 'validation_error'
  | 'not_found'
  | 'conflict'
  | 'payload_too_large'
  | 'rate_limited'
  | 'unavailable'
  | 'internal_error';

export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
    readonly errors?: FieldError[],
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'AppError';
  }

  toJSON(): Record<string, unknown> {
    return {
      message: this.message,
      code: this.code,
      ...(this.errors ? { errors: this.errors } : {}),
      ...this.details,
    };
  }
}

export function notFound(): AppError {
  return new AppError(404, 'not_found', 'Does not exist');
}

export function conflict(message: string, details?: Record<string, unknown>): AppError {
  return new AppError(409, 'conflict', message, undefined, details);
}

export function invalid(errors: FieldError[]): AppError {
  return new AppError(400, 'validation_error', 'Invalid request', errors);
}

/** A 400 for one field, for checks that need the database (an unknown `model_id`, say). */
export function invalidField(path: string, message: string): AppError {
  return invalid([{ path, message }]);
}

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

export function isStillReferenced(error: unknown): boolean {
  const code = pgErrorCode(error);
  return code === PG_RESTRICT_VIOLATION || code === PG_FOREIGN_KEY_VIOLATION;
}
export const PG_EXCLUSION_VIOLATION = '23P01';
