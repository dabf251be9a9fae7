import {
  can,
  canAtLeastOwn,
  type OwnablePermission,
  type Permission,
  permissionDescriptions,
} from '@carcar/common/contract/permissions';
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

/** The page for an address the person may not use: what is missing, in words, and a way back. */
export function NoAccess({ need }: { need: PageNeed }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const permission = typeof need === 'string' ? need : need.atLeastOwn;
  // The permission's own description is the contract's English sentence (shared with the API's 403s).
  const what = permissionDescriptions[permission];
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
