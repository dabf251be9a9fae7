import type { StaffMember } from '@carcar/common/contract/people';
import type { Role } from '@carcar/common/contract/permissions';

export type { User } from '../../lib/auth';

/** An API token as listed: never the token itself. */
export interface ApiToken {
  id: number;
  name: string;
  role: Role;
  created_by: number | null;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}

/** The answer to creating a token: the only time the token is ever shown. */
export interface CreatedToken {
  id: number;
  name: string;
  role: Role;
  token: string;
}

/** A technician or salesperson a user can be linked to. */
export type StaffLink = StaffMember;

export const staffName = (p: Pick<StaffMember, 'first_name' | 'last_name' | 'employee_id'>) =>
  `${p.first_name} ${p.last_name} (${p.employee_id})`;
