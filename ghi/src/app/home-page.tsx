import { lazy } from 'react';
import { useCurrentUser } from '../../../lib/auth';
import { DashboardPage } from '../../dashboard/components/dashboard-page';

// Only technicians see it: the rest never fetch its code.
const MyWorkPage = lazy(async () => ({ default: (await import('./my-work-page')).MyWorkPage }));

/** `/`: a technician's own jobs (My work); everyone else's dashboard. */
export function HomePage() {
  const user = useCurrentUser();
  return user?.role === 'technician' ? <MyWorkPage /> : <DashboardPage />;
}
