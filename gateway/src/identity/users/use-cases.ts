import type { AuditContext } from '@carcar/common/db/audit';
import { notFound } from '@carcar/common/errors';
import { hashPassword } from '../auth/passwords.js';
import type { UserChanges, UsersRepository } from './repository.js';
import type { CreateUserInput, UpdateUserInput, UserRecord } from './schemas.js';

export async function createUser(
  users: UsersRepository,
  input: CreateUserInput,
  audit: AuditContext,
): Promise<UserRecord> {
  return users.create(
    {
      email: input.email,
      name: input.name,
      role: input.role,
      passwordHash: await hashPassword(input.password),
      technicianId: input.technician_id ?? null,
      salespersonId: input.salesperson_id ?? null,
    },
    audit,
  );
}

export async function getUser(users: UsersRepository, id: number): Promise<UserRecord> {
  const user = await users.get(id);
  if (!user) throw notFound();
  return user;
}

/**
 * Applies an administrator's change. The last active administrator cannot be demoted or disabled
 * (409): nobody would be left to manage users. `currentSession` (the one making the change) survives a
 * change of its own user's password; every other session of that user ends.
 */
export async function updateUser(
  users: UsersRepository,
  id: number,
  input: UpdateUserInput,
  audit: AuditContext,
  currentSession?: string,
): Promise<UserRecord> {
  // The last active administrator is kept in the update's own transaction (repository.ts), under a lock.
  const changes: UserChanges = {
    ...(input.name !== undefined ? { name: input.name } : {}),
    ...(input.role !== undefined ? { role: input.role } : {}),
    ...(input.disabled !== undefined ? { disabled: input.disabled } : {}),
    ...(input.technician_id !== undefined ? { technicianId: input.technician_id } : {}),
    ...(input.salesperson_id !== undefined ? { salespersonId: input.salesperson_id } : {}),
    ...(input.password !== undefined ? { passwordHash: await hashPassword(input.password) } : {}),
  };
  const updated = await users.update(id, changes, audit, currentSession);
  if (!updated) throw notFound();
  return updated;
}
