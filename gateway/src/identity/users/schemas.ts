import { passwordSchema } from '@carcar/common/contract/passwords';
import { type Permission, permissionsOf, type Role, roles } from '@carcar/common/contract/permissions';
import { z } from 'zod';
import { isCommonPassword } from '../auth/common-passwords.js';

/** A staff member as the rest of the gateway sees them: everything but the password hash. */
export interface UserRecord {
  id: number;
  email: string;
  name: string;
  role: Role;
  disabled: boolean;
  technicianId: number | null;
  salespersonId: number | null;
}

/** The contract's User JSON. */
export interface UserJson {
  id: number;
  email: string;
  name: string;
  role: Role;
  disabled: boolean;
  permissions: readonly Permission[];
  technician_id: number | null;
  salesperson_id: number | null;
}

export function userJson(user: UserRecord): UserJson {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    disabled: user.disabled,
    permissions: permissionsOf(user.role),
    technician_id: user.technicianId,
    salesperson_id: user.salespersonId,
  };
}

/** Emails are kept lower-case and trimmed: one address, one account, however it is typed. */
export const emailField = z
  .string({ error: 'is required' })
  .trim()
  .toLowerCase()
  .pipe(z.email({ error: 'must be an email address' }).max(254, 'must be at most 254 characters'));

export const nameField = z
  .string({ error: 'is required' })
  .trim()
  .min(1, 'must not be empty')
  .max(100, 'must be at most 100 characters');

export const roleField = z.enum(roles, { error: `must be one of ${roles.join(', ')}` });

/** The shared rules for a new password (common/src/contract/passwords.ts) and the common-password list. */
export const passwordField = passwordSchema({ isCommon: isCommonPassword });

/** A link to a technician or salesperson in another service: its id, or null for none. */
const linkField = z
  .int({ error: 'must be a whole number or null' })
  .min(1, 'must be a positive id')
  .max(2_147_483_647, 'is too large')
  .nullable();

export const createUserBody = z.object({
  email: emailField,
  name: nameField,
  role: roleField,
  password: passwordField,
  technician_id: linkField.optional(),
  salesperson_id: linkField.optional(),
});
export type CreateUserInput = z.output<typeof createUserBody>;

export const updateUserBody = z.object({
  name: nameField.optional(),
  role: roleField.optional(),
  disabled: z.boolean({ error: 'must be true or false' }).optional(),
  password: passwordField.optional(),
  technician_id: linkField.optional(),
  salesperson_id: linkField.optional(),
});
export type UpdateUserInput = z.output<typeof updateUserBody>;
