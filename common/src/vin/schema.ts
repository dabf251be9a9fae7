import { z } from 'zod';
import { normalizeVin, vinProblems } from './vin.js';

// Apart from the rules in vin.ts so the browser app's shell (Find a car) reads those rules without
// loading zod up front; forms load this with their schemas.

/** A request field holding a VIN: upper-cased, 17 valid characters, check digit where mandatory. */
export const vinSchema = z
  .string({ error: 'Enter the VIN' })
  .transform(normalizeVin)
  .superRefine((vin, ctx) => {
    for (const problem of vinProblems(vin)) ctx.addIssue({ code: 'custom', message: problem });
  });
