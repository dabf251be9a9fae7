import type { TFunction } from 'i18next';
import { type KeyboardEvent, Suspense, useEffect, useRef, useState } from 'react';
import { Navigate, NavLink, Outlet, useLocation, useNavigate } from 'react-router-dom';
import { Toaster, toast } from 'sonner';
import { errorMessage } from '../lib/api-client';
import { signInPath, type User, useLogout, useSession } from '../lib/auth';
import { useTranslation } from '../lib/i18n';
import { LanguageMenu } from './language-menu';
import { allows, type PageNeed } from './require-permission';
import { roleLabel } from './role-label';
import { ErrorState, Loading } from './states';
import { VinSearch } from './vin-search';

interface NavEntry {
  to: string;
  label: string;
  need: PageNeed;
}

// Each link carries what its page needs (the same as its route's RequirePermission), so nobody is
// offered a page they would only be refused.
const navSections = (t: TFunction): { title: string; links: NavEntry[] }[] => [
  {
    title: t('common:nav.inventory'),
    links: [
      { to: '/inventory/manufacturers', label: t('common:nav.manufacturers'), need: 'inventory.read' },
      { to: '/inventory/models', label: t('common:nav.vehicleModels'), need: 'inventory.read' },
      { to: '/inventory/automobiles', label: t('common:nav.automobiles'), need: 'inventory.read' },
      { to: '/inventory/aging', label: t('common:nav.stockByAge'), need: 'inventory.read' },
    ],
  },
  {
    title: t('common:nav.service'),
    links: [
      { to: '/service/technicians', label: t('common:nav.technicians'), need: 'technicians.read' },
      { to: '/service/appointments', label: t('common:nav.serviceBoard'), need: 'appointments.read' },
      { to: '/service/appointments/new', label: t('common:nav.bookAnAppointment'), need: 'appointments.book' },
      { to: '/service/history', label: t('common:nav.serviceHistory'), need: 'appointments.read' },
      { to: '/service/due', label: t('common:nav.dueForService'), need: 'appointments.book' },
      { to: '/service/repair-orders', label: t('common:nav.repairOrders'), need: 'repair_orders.read' },
      { to: '/service/repair-orders/new', label: t('common:nav.newRepairOrder'), need: 'repair_orders.write' },
      { to: '/service/parts', label: t('common:nav.parts'), need: 'parts.read' },
      { to: '/service/shop-settings', label: t('common:nav.shopSettings'), need: 'shop.settings' },
    ],
  },
  {
    title: t('common:nav.sales'),
    links: [
      { to: '/sales/salespeople', label: t('common:nav.salespeople'), need: 'salespeople.read' },
      { to: '/sales/customers', label: t('common:nav.customers'), need: 'customers.read' },
      { to: '/sales', label: t('common:nav.sales'), need: { atLeastOwn: 'sales.read' } },
      { to: '/sales/new', label: t('common:nav.recordASale'), need: 'sales.record' },
      { to: '/sales/history', label: t('common:nav.salespersonHistory'), need: { atLeastOwn: 'sales.read' } },
    ],
  },
  {
    title: t('common:nav.reports'),
    links: [
      { to: '/reports/sales', label: t('common:nav.salesReport'), need: 'reports.read' },
      { to: '/reports/technicians', label: t('common:nav.techniciansWeeks'), need: 'reports.read' },
      { to: '/reports/repair-orders', label: t('common:nav.repairOrdersReport'), need: 'reports.read' },
      { to: '/reports/gross', label: t('common:nav.frontGross'), need: 'inventory.cost' },
    ],
  },
  {
    title: t('common:nav.administration'),
    links: [
      { to: '/activity', label: t('common:nav.activity'), need: 'audit.read' },
      { to: '/admin/users', label: t('common:nav.users'), need: 'users.manage' },
      { to: '/admin/tokens', label: t('common:nav.apiTokens'), need: 'users.manage' },
      { to: '/admin/webhooks', label: t('common:nav.webhooks'), need: 'users.manage' },
    ],
  },
];

function SignOutButton() {
  const { t } = useTranslation();
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
      {t('common:account.signOut')}
    </button>
  );
}

/**
 * Every page but the sign-in page: shown once the gateway says who is signed in. Nobody signed in
 * (or a session that just ended, see AuthProvider) goes to the sign-in page, which brings them back.
 */
export function Layout() {
  const { t } = useTranslation();
  const session = useSession();
  const location = useLocation();
  if (session.isLoading) {
    return (
      <main id="main" className="content">
        <Loading label={t('common:account.checking')} />
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
  const { t } = useTranslation();
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
  const visible = navSections(t)
    .map((section) => ({ ...section, links: section.links.filter((link) => allows(user, link.need)) }))
    .filter((section) => section.links.length > 0);
  return (
    <div className="layout">
      <a className="skip-link" href="#main">
        {t('common:shell.skipToContent')}
      </a>
      <nav aria-label={t('common:shell.mainNavigation')} className="sidebar" onKeyDown={closeOnEscape}>
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
            {t('common:shell.menu')}
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
            <span className="visually-hidden">{t('common:account.signedInAs')} </span>
            <strong>{user.name}</strong> <span className="badge role">{roleLabel(t, user.role)}</span>
          </p>
          <LanguageMenu />
          <SignOutButton />
        </header>
        <main id="main" ref={main} tabIndex={-1} className="content">
          <Suspense fallback={<Loading />}>
            <Outlet />
          </Suspense>
        </main>
      </div>
      <Toaster position="top-right" richColors containerAriaLabel={t('components:layout.notifications')} />
    </div>
  );
}
