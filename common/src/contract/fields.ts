import { z } from 'zod';

// Field rules shared by every request body of the contract; browser-safe like the rest of contract/.

/** The largest id Postgres' `integer` holds. */
export const MAX_INT = 2_147_483_647;

/** A required, trimmed, non-empty text field of at most `max` characters. */
export function requiredText(max: number) {
  return z.string().trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`);
}

/**
 * An integer field. Classic CarCar forms post input values as strings ("2012", "3"), so a string
 * of digits is accepted too; anything else ("abc", 1.5, true) is refused.
 */
export function integerField(min: number, max: () => number = () => MAX_INT) {
  return z
    .union(
      [
        z.number(),
        z
          .string()
          .trim()
          .regex(/^-?\d{1,10}$/, 'must be an integer')
          .transform(Number),
      ],
      {
        error: 'must be an integer',
      },
    )
    .pipe(
      z
        .number()
        .int('must be an integer')
        .min(min, `must be at least ${min}`)
        .superRefine((value, ctx) => {
          const limit = max();
          if (value > limit) ctx.addIssue({ code: 'custom', message: `must be at most ${limit}` });
        }),
    );
}

/** A reference to another row by id: a positive 32-bit integer. */
export const idField = integerField(1);
