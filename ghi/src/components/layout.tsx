import { roleLabels } from '@carcar/common/contract/permissions';
import { type KeyboardEvent, Suspense, useEffect, useRef, useState } from 'react';
import { Navigate, NavLink, Outlet, useLocation, useNavigate } from 'react-router-dom';
import { Toaster, toast } from 'sonner';
import { errorMessage } from '../lib/api-client';
import { signInPath, type User, useLogout, useSession } from '../lib/auth';
import { allows, type PageNeed } from './require-permission';
import { ErrorState, Loading } from './states';
import { VinSearch } from './vin-search';

interface NavEntry {
  to: string;
  label: string;
  need: PageNeed;
}

// Each link carries what its page needs (the same as its route's RequirePermission), so nobody is
// offered a page they would only be refused.
const sections: { title: string; links: NavEntry[] }[] = [
  {
    title: 'Inventory',
    links: [
      { to: '/inventory/manufacturers', label: 'Manufacturers', need: 'inventory.read' },
      { to: '/inventory/models', label: 'Vehicle models', need: 'inventory.read' },
      { to: '/inventory/automobiles', label: 'Automobiles', need: 'inventory.read' },
      { to: '/inventory/aging', label: 'Stock by age', need: 'inventory.read' },
    ],
  },
  {
    title: 'Service',
    links: [
      { to: '/service/technicians', label: 'Technicians', need: 'technicians.read' },
      { to: '/service/appointments', label: 'Service board', need: 'appointments.read' },
      { to: '/service/appointments/new', label: 'Book an appointment', need: 'appointments.book' },
      { to: '/service/history', label: 'Service history', need: 'appointments.read' },
      { to: '/service/due', label: 'Due for service', need: 'appointments.book' },
      { to: '/service/repair-orders', label: 'Repair orders', need: 'repair_orders.read' },
      { to: '/service/repair-orders/new', label: 'New repair order', need: 'repair_orders.write' },
      { to: '/service/parts', label: 'Parts', need: 'parts.read' },
      { to: '/service/shop-settings', label: 'Shop settings', need: 'shop.settings' },
    ],
  },
  {
    title: 'Sales',
    links: [
      { to: '/sales/salespeople', label: 'Salespeople', need: 'salespeople.read' },
      { to: '/sales/customers', label: 'Customers', need: 'customers.read' },
      { to: '/sales', label: 'Sales', need: { atLeastOwn: 'sales.read' } },
      { to: '/sales/new', label: 'Record a sale', need: 'sales.record' },
      { to: '/sales/history', label: 'Salesperson history', need: { atLeastOwn: 'sales.read' } },
    ],
  },
  {
    title: 'Reports',
    links: [
      { to: '/reports/sales', label: 'Sales report', need: 'reports.read' },
      { to: '/reports/technicians', label: 'Technicians’ weeks', need: 'reports.read' },
      { to: '/reports/inventory-aging', label: 'Inventory aging', need: 'reports.read' },
      { to: '/reports/gross', label: 'Front gross', need: 'inventory.cost' },
    ],
  },
  {
    title: 'Administration',
    links: [
      { to: '/activity', label: 'Activity', need: 'audit.read' },
      { to: '/admin/users', label: 'Users', need: 'users.manage' },
      { to: '/admin/tokens', label: 'API tokens', need: 'users.manage' },
      { to: '/admin/webhooks', label: 'Webhooks', need: 'users.manage' },
    ],
  },
];

function SignOutButton() {
  const navigate = useNavigate();
  const signOut = useLogout({ onSignedOut: () => navigate('/sign-in', { replace: true }) });
  return (
    <button
      type="button"
      className="secondary outline small"
      disabled={signOut.isPending}
      aria-busy={signOut.isPending || undefined}
      onClick={() => signOut.mutate(undefined, { onError: (error) => toast.error(errorMessage(error)) })}
    >
      Sign out
    </button>
  );
}

/**
 * Every page but the sign-in page: shown once the gateway says who is signed in. Nobody signed in
 * (or a session that just ended, see AuthProvider) goes to the sign-in page, which brings them back.
 */
export function Layout() {
  const session = useSession();
  const location = useLocation();
  if (session.isLoading) {
    return (
      <main id="main" className="content">
        <Loading label="Checking who is signed in…" />
      </main>
    );
  }
  if (session.error && session.data === undefined) {
    return (
      <main id="main" className="content">
        <h1>CarCar</h1>
        <ErrorState error={session.error} retry={() => session.refetch()} />
      </main>
    );
  }
  if (!session.data) {
    return <Navigate to={signInPath(`${location.pathname}${location.search}${location.hash}`)} replace />;
  }
  return <Shell user={session.data} />;
}

/** The frame of every page: navigation grouped by department, and focus moved to the page on navigation. */
function Shell({ user }: { user: User }) {
  const main = useRef<HTMLElement>(null);
  const menuButton = useRef<HTMLButtonElement>(null);
  const [menuOpen, setMenuOpen] = useState(false);
  const location = useLocation();
  // biome-ignore lint/correctness/useExhaustiveDependencies: it must run on every navigation, which the path marks
  useEffect(() => {
    // On a phone the menu covers the page: choosing a page closes it.
    setMenuOpen(false);
    // Keyboard and screen-reader users land on the new page, not on the link they used.
    main.current?.focus();
  }, [location.pathname]);
  const closeOnEscape = (event: KeyboardEvent) => {
    if (event.key !== 'Escape' || !menuOpen) return;
    setMenuOpen(false);
    menuButton.current?.focus();
  };
  const visible = sections
    .map((section) => ({ ...section, links: section.links.filter((link) => allows(user, link.need)) }))
    .filter((section) => section.links.length > 0);
  return (
    <div className="layout">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <nav aria-label="Main" className="sidebar" onKeyDown={closeOnEscape}>
        <div className="sidebar-top">
          <NavLink to="/" end className="brand">
            CarCar
          </NavLink>
          {/* Shown below 768 px only (styles.css): there the sections fold away behind it. */}
          <button
            ref={menuButton}
            type="button"
            className="menu-button secondary outline"
            aria-expanded={menuOpen}
            aria-controls="nav-sections"
            onClick={() => setMenuOpen((open) => !open)}
          >
            Menu
          </button>
        </div>
        <div id="nav-sections" className="nav-sections" data-open={menuOpen}>
          {visible.map((section) => (
            <section key={section.title}>
              <h2>{section.title}</h2>
              <ul>
                {section.links.map(({ to, label }) => (
                  <li key={to}>
                    <NavLink to={to} end onClick={() => setMenuOpen(false)}>
                      {label}
                    </NavLink>
                  </li>
                ))}
              </ul>
            </section>
          ))}
        </div>
      </nav>
      <div className="content-column">
        <header className="account-bar">
          {allows(user, 'inventory.read') && <VinSearch />}
          <p>
            <span className="visually-hidden">Signed in as </span>
            <strong>{user.name}</strong> <span className="badge role">{roleLabels[user.role]}</span>
          </p>
          <SignOutButton />
        </header>
        <main id="main" ref={main} tabIndex={-1} className="content">
          <Suspense fallback={<Loading />}>
            <Outlet />
          </Suspense>
        </main>
      </div>
      <Toaster position="top-right" richColors />
    </div>
  );
}
