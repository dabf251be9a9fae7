import { z } from 'zod';

// The rules for a new password, written once: the gateway checks them (with the list of common
// passwords, which stays on the server) and the browser app checks them first, so a mistake shows
// next to its field at once. Browser-safe: no node imports.

export const MIN_PASSWORD_LENGTH = 12;
/** Hashing is deliberately slow; a megabyte "password" must not make it slower still. */
export const MAX_PASSWORD_LENGTH = 256;
/**
 * Twelve of one key (`aaaaaaaaaaaa`, twelve spaces) or a few keys repeated pass a length rule
 * and nothing else: a password needs at least this many different characters.
 */
export const MIN_DISTINCT_CHARACTERS = 5;

/**
 * What is wrong with a new password, as the end of a sentence about the field ("must …"), or
 * undefined when it will do. `isCommon` is the gateway's check against the most common passwords.
 */
export function passwordProblem(password: string, isCommon?: (password: string) => boolean): string | undefined {
  if (password.trim() === '') return 'must not be blank';
  if (password.length < MIN_PASSWORD_LENGTH) return `must be at least ${MIN_PASSWORD_LENGTH} characters`;
  if (password.length > MAX_PASSWORD_LENGTH) return `must be at most ${MAX_PASSWORD_LENGTH} characters`;
  if (new Set(password.toLowerCase()).size < MIN_DISTINCT_CHARACTERS) {
    return `must use at least ${MIN_DISTINCT_CHARACTERS} different characters`;
  }
  if (isCommon?.(password)) return 'must not be one of the most common passwords; choose another';
  return undefined;
}

/** A new password's schema: a string that `passwordProblem` finds nothing wrong with. */
export function passwordSchema(options: { isCommon?: (password: string) => boolean; capitalize?: boolean } = {}) {
  return z.string({ error: 'is required' }).superRefine((password, context) => {
    const problem = passwordProblem(password, options.isCommon);
    if (problem === undefined) return;
    const message = options.capitalize ? `${problem.charAt(0).toUpperCase()}${problem.slice(1)}` : problem;
    context.addIssue({ code: 'custom', message });
  });
}
