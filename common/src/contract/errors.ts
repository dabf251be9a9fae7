import { z } from 'zod';

// The one shape of every error answer (4xx and 5xx) of every service: `AppError`'s JSON
// (common/src/errors.ts), the access check's 401/403/404, the rate limit's 429. Declared once here
// for the route table (./routes.ts) and the API tests' answer check. Browser-safe: no node imports.

export const errorCodes = [
  'validation_error',
  'not_found',
  'gone',
  'conflict',
  'payload_too_large',
  'unsupported_media_type',
  'rate_limited',
  'unavailable',
  'internal_error',
  'unauthenticated',
  /** The gateway's `POST /auth/login`: a wrong email or password (401), the same answer for both. */
  'invalid_credentials',
  'forbidden',
] as const;
export type ErrorCode = (typeof errorCodes)[number];

/** One field's problem: a 400's (or a 409's) `errors[]`. */
export const fieldErrorSchema = z.strictObject({
  path: z.string(),
  message: z.string(),
  /** For a file's rows (a CSV import): the line, counting the header as line 1. */
  line: z.number().int().min(1).optional(),
});
export type FieldError = z.infer<typeof fieldErrorSchema>;

/**
 * Every error answer: a sentence, a code, and the fields at fault when there are any. Services that
 * answer more (a 409's `status`, say: service-api) extend it for those routes when they declare them.
 */
export const errorAnswerSchema = z.strictObject({
  message: z.string(),
  code: z.enum(errorCodes),
  errors: z.array(fieldErrorSchema).optional(),
});
export type ErrorAnswer = z.infer<typeof errorAnswerSchema>;
