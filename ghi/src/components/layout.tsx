import { type KeyboardEvent, Suspense, useEffect, useRef, useState } from 'react';
import { NavLink, Outlet, useLocation } from 'react-router-dom';
import { Toaster } from 'sonner';
import { Loading } from './states';

const sections = [
  {
    title: 'Inventory',
    links: [
      ['/inventory/manufacturers', 'Manufacturers'],
      ['/inventory/models', 'Vehicle models'],
      ['/inventory/automobiles', 'Automobiles'],
    ],
  },
  {
    title: 'Service',
    links: [
      ['/service/technicians', 'Technicians'],
      ['/service/appointments', 'Service board'],
      ['/service/appointments/new', 'Book an appointment'],
      ['/service/history', 'Service history'],
    ],
  },
  {
    title: 'Sales',
    links: [
      ['/sales/salespeople', 'Salespeople'],
      ['/sales/customers', 'Customers'],
      ['/sales', 'Sales'],
      ['/sales/new', 'Record a sale'],
      ['/sales/history', 'Salesperson history'],
    ],
  },
] as const;

/** The frame of every page: navigation grouped by department, and focus moved to the page on navigation. */
export function Layout() {
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
          {sections.map((section) => (
            <section key={section.title}>
              <h2>{section.title}</h2>
              <ul>
                {section.links.map(([to, label]) => (
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
      <main id="main" ref={main} tabIndex={-1} className="content">
        <Suspense fallback={<Loading />}>
          <Outlet />
        </Suspense>
      </main>
      <Toaster position="top-right" richColors />
    </div>
  );
}
