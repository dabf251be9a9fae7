import {
  can,
  canAtLeastOwn,
  type OwnablePermission,
  type Permission,
  permissionDescriptions,
  roleLabels,
} from '@carcar/common/contract/permissions';
import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { useCurrentUser } from '../lib/auth';

/** What a page needs: a permission, or an "own only" one that is enough (a technician's own jobs). */
export type PageNeed = Permission | { atLeastOwn: OwnablePermission };

export function allows(user: Parameters<typeof can>[0] | null, need: PageNeed): boolean {
  if (!user) return false;
  return typeof need === 'string' ? can(user, need) : canAtLeastOwn(user, need.atLeastOwn);
}

/** The page for an address the person may not use: what is missing, in words, and a way back. */
export function NoAccess({ need }: { need: PageNeed }) {
  const user = useCurrentUser();
  const permission = typeof need === 'string' ? need : need.atLeastOwn;
  return (
    <>
      <h1>No access</h1>
      <p>
        You do not have permission to {permissionDescriptions[permission]}
        {user ? `: your role, ${roleLabels[user.role]}, does not include it` : ''}.
      </p>
      <p>If your work needs it, ask an administrator to change your role.</p>
      <p>
        <Link to="/">Back to the dashboard</Link>
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
