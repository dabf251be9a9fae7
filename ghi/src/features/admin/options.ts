import { roleLabels, roles } from '@carcar/common/contract/permissions';
import { type StaffLink, staffName } from './types';

export const roleOptions = roles.map((role) => ({ value: role, label: roleLabels[role] }));

/** Retired people stay choosable (an account may keep its history) but say so. */
export const staffOptions = (people: StaffLink[] | undefined) =>
  (people ?? []).map((p) => ({ value: p.id, label: `${staffName(p)}${p.active ? '' : ', retired'}` }));
