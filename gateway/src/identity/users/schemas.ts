import {
  type User,
  createUserBody as userCreateContract,
  updateUserBody as userUpdateContract,
} from '@carcar/common/contract/identity';
import { passwordSchema } from '@carcar/common/contract/passwords';
import { permissionsOf, type Role } from '@carcar/common/contract/permissions';
import type { z } from 'zod';
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

/** The contract's User JSON (common/src/contract/identity.ts). */
export function userJson(user: UserRecord): User {
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

/** The shared rules for a new password (common/src/contract/passwords.ts) and the common-password list. */
export const passwordField = passwordSchema({ isCommon: isCommonPassword });

// The contract's bodies, each password held to the common-password list as well.
export const createUserBody = userCreateContract.extend({ password: passwordField });
export type CreateUserInput = z.output<typeof createUserBody>;

export const updateUserBody = userUpdateContract.extend({ password: passwordField.optional() });
export type UpdateUserInput = z.output<typeof updateUserBody>;
