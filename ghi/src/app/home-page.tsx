import { lazy } from 'react';
import { useCurrentUser } from '../lib/auth';

// Every page beyond the shell is its own chunk, the home page too: the shell draws at once.
const DashboardPage = lazy(async () => ({
  default: (await import('../features/dashboard/components/dashboard-page')).DashboardPage,
}));

// Only technicians see it: the rest never fetch its code.
const MyWorkPage = lazy(async () => ({
  default: (await import('../features/my-work/components/my-work-page')).MyWorkPage,
}));

/** `/`: a technician's own jobs (My work); everyone else's dashboard. Two features, chosen here. */
export function HomePage() {
  const user = useCurrentUser();
  return user?.role === 'technician' ? <MyWorkPage /> : <DashboardPage />;
}
