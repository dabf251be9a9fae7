import { lazy } from 'react';
import { DashboardPage } from '../features/dashboard/components/dashboard-page';
import { useCurrentUser } from '../lib/auth';

// Only technicians see it: the rest never fetch its code.
const MyWorkPage = lazy(async () => ({
  default: (await import('../features/my-work/components/my-work-page')).MyWorkPage,
}));

/** `/`: a technician's own jobs (My work); everyone else's dashboard. Two features, chosen here. */
export function HomePage() {
  const user = useCurrentUser();
  return user?.role === 'technician' ? <MyWorkPage /> : <DashboardPage />;
}
