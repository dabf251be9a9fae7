import type { Role } from '@carcar/common/contract/permissions';

/**
 * A row read with its role column typed as the contract's `Role`. The database's CHECK constraint
 * allows only the roles of the table, so the narrowing is safe.
 */
export function withRole<R extends { role: string }>(row: R): Omit<R, 'role'> & { role: Role } {
  return { ...row, role: row.role as Role };
}
