import type { Role } from '@carcar/common/contract/permissions';
import type { TFunction } from 'i18next';

/** A role's name in the user's language (the contract's roleLabels are the English ones). */
export function roleLabel(t: TFunction, role: Role): string {
  switch (role) {
    case 'admin':
      return t('common:roles.admin');
    case 'manager':
      return t('common:roles.manager');
    case 'sales':
      return t('common:roles.sales');
    case 'service':
      return t('common:roles.service');
    case 'technician':
      return t('common:roles.technician');
  }
}
