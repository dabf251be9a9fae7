import { can, canAtLeastOwn, type OwnablePermission, type Permission } from '@carcar/common/contract/permissions';
import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { useCurrentUser } from '../lib/auth';
import { useTranslation } from '../lib/i18n';
import { roleLabel } from './role-label';

/** What a page needs: a permission, or an "own only" one that is enough (a technician's own jobs). */
export type PageNeed = Permission | { atLeastOwn: OwnablePermission };

export function allows(user: Parameters<typeof can>[0] | null, need: PageNeed): boolean {
  if (!user) return false;
  return typeof need === 'string' ? can(user, need) : canAtLeastOwn(user, need.atLeastOwn);
}

/** A permission in words, in the user's language: the contract's English sentences, translated. */
const permissionText = (t: TFunction): Record<Permission, string> => ({
  'inventory.read': t('components:permissions.inventoryRead'),
  'inventory.write': t('components:permissions.inventoryWrite'),
  'inventory.cost': t('components:permissions.inventoryCost'),
  'technicians.read': t('components:permissions.techniciansRead'),
  'technicians.write': t('components:permissions.techniciansWrite'),
  'appointments.read': t('components:permissions.appointmentsRead'),
  'appointments.book': t('components:permissions.appointmentsBook'),
  'appointments.finish': t('components:permissions.appointmentsFinish'),
  'appointments.finish.own': t('components:permissions.appointmentsFinishOwn'),
  'salespeople.read': t('components:permissions.salespeopleRead'),
  'salespeople.write': t('components:permissions.salespeopleWrite'),
  'customers.read': t('components:permissions.customersRead'),
  'customers.create': t('components:permissions.customersCreate'),
  'customers.delete': t('components:permissions.customersDelete'),
  'sales.read': t('components:permissions.salesRead'),
  'sales.read.own': t('components:permissions.salesReadOwn'),
  'sales.record': t('components:permissions.salesRecord'),
  'sales.void': t('components:permissions.salesVoid'),
  'audit.read': t('components:permissions.auditRead'),
  'reports.read': t('components:permissions.reportsRead'),
  'users.manage': t('components:permissions.usersManage'),
  'repair_orders.read': t('components:permissions.repairOrdersRead'),
  'repair_orders.write': t('components:permissions.repairOrdersWrite'),
  'repair_orders.propose': t('components:permissions.repairOrdersPropose'),
  'repair_orders.work': t('components:permissions.repairOrdersWork'),
  'repair_orders.work.own': t('components:permissions.repairOrdersWorkOwn'),
  'shop.settings': t('components:permissions.shopSettings'),
  'parts.read': t('components:permissions.partsRead'),
  'parts.write': t('components:permissions.partsWrite'),
  'parts.adjust': t('components:permissions.partsAdjust'),
});

/** The page for an address the person may not use: what is missing, in words, and a way back. */
export function NoAccess({ need }: { need: PageNeed }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const permission = typeof need === 'string' ? need : need.atLeastOwn;
  // In English, the contract's own sentence (the API's 403s say it too), word for word.
  const what = permissionText(t)[permission];
  return (
    <>
      <h1>{t('common:noAccess.title')}</h1>
      <p>
        {user
          ? t('common:noAccess.whyRole', { what, role: roleLabel(t, user.role) })
          : t('common:noAccess.why', { what })}
      </p>
      <p>{t('common:noAccess.ask')}</p>
      <p>
        <Link to="/">{t('common:noAccess.back')}</Link>
      </p>
    </>
  );
}

/**
 * Renders the page only for someone allowed to use it; anyone else gets the No access page, so a
 * typed or bookmarked address never opens a page that would only fail request after request.
 */
export function RequirePermission({ need, children }: { need: PageNeed; children: ReactNode }) {
  const user = useCurrentUser();
  return allows(user, need) ? children : <NoAccess need={need} />;
}
