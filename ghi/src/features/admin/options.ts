import { roles } from '@carcar/common/contract/permissions';
import type { TFunction } from 'i18next';
import { roleLabel } from '../../components/role-label';
import { type StaffLink, staffName } from './types';

/** The roles in the user's language. */
export const roleOptions = (t: TFunction) => roles.map((role) => ({ value: role, label: roleLabel(t, role) }));

/** Retired people stay choosable (an account may keep its history) but say so. */
export const staffOptions = (people: StaffLink[] | undefined, t: TFunction) =>
  (people ?? []).map((p) => ({
    value: p.id,
    label: p.active ? staffName(p) : t('admin:users.retiredPerson', { name: staffName(p) }),
  }));
