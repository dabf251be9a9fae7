import type { ErrorCode, FieldError } from './contract/errors.js';

export type { ErrorCode, FieldError } from './contract/errors.js';

/** One error type for every failure a client can cause; the error middleware turns it into JSON (contract/errors.ts). */
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

/** A 401: no valid credential. Says nothing of why, so a prober learns nothing from the answer. */
export function unauthenticated(): AppError {
  return new AppError(401, 'unauthenticated', 'Sign in to continue');
}

/** A 403: the actor is known but may not do this; `message` says what in a plain sentence. */
export function forbidden(message: string): AppError {
  return new AppError(403, 'forbidden', message);
}
