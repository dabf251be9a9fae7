import { ApiError, errorMessage } from '../../lib/api-client';

/**
 * What to say when the API refuses a finding or the checklist: its first field message (the one
 * thing to fix), else its message. The forms show one line of problem, under the button.
 */
export const problemOf = (error: unknown): string =>
  error instanceof ApiError && error.fieldErrors[0] ? error.fieldErrors[0].message : errorMessage(error);
