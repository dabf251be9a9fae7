import { z } from 'zod';
import { requiredText } from './fields.js';

// The staff both services keep (technicians in service, salespeople in sales): one request body and
// one JSON, so the two APIs, and the browser app's staff pages, cannot drift apart.

/** A technician or a salesperson: the body of `POST /api/technicians/` and `POST /api/salespeople/`. */
export const staffBody = z.object({
  first_name: requiredText(100, 'first name'),
  last_name: requiredText(100, 'last name'),
  employee_id: requiredText(50, 'employee id'),
  /** False retires the person: kept for the history they made, no longer offered for new work. */
  active: z.boolean({ error: 'Say whether they still work here (true or false)' }).optional(),
});
export type StaffInput = z.output<typeof staffBody>;

/** `PUT /api/technicians/:id/` and `PUT /api/salespeople/:id/`: any of the fields, each checked as on create. */
export const staffUpdateBody = staffBody.partial();
export type StaffUpdate = z.output<typeof staffUpdateBody>;

/** The list filter of both staff lists: `?active=true` lists only those who still work here. */
export interface StaffFilter {
  active?: boolean;
}

/**
 * A technician or a salesperson as both APIs answer (`employee_id` is unique, ignoring case): the
 * answer's schema, strict (an extra or misspelled key fails the API tests' answer check), and its type.
 */
export const staffMemberSchema = z.strictObject({
  id: z.number().int(),
  first_name: z.string(),
  last_name: z.string(),
  employee_id: z.string(),
  /** False once retired; a retired person stays on their appointments and sales. */
  active: z.boolean(),
});
export type StaffMember = z.infer<typeof staffMemberSchema>;
