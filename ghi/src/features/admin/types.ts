import type { StaffMember } from '@carcar/common/contract/people';

// Staff accounts and API tokens as the gateway answers them: the contract's (common/src/contract/identity.ts).
export type { ApiToken, CreatedToken, User } from '@carcar/common/contract/identity';

/** A technician or salesperson a user can be linked to. */
export type StaffLink = StaffMember;

export const staffName = (p: Pick<StaffMember, 'first_name' | 'last_name' | 'employee_id'>) =>
  `${p.first_name} ${p.last_name} (${p.employee_id})`;
