import { Suspense, useEffect, useRef } from 'react';
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
      ['/service/appointments', 'Appointments'],
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
  const location = useLocation();
  // biome-ignore lint/correctness/useExhaustiveDependencies: it must run on every navigation, which the path marks
  useEffect(() => {
    // Keyboard and screen-reader users land on the new page, not on the link they used.
    main.current?.focus();
  }, [location.pathname]);
  return (
    <div className="layout">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <nav aria-label="Main" className="sidebar">
        <NavLink to="/" end className="brand">
          CarCar
        </NavLink>
        {sections.map((section) => (
          <section key={section.title}>
            <h2>{section.title}</h2>
            <ul>
              {section.links.map(([to, label]) => (
                <li key={to}>
                  <NavLink to={to} end>
                    {label}
                  </NavLink>
                </li>
              ))}
            </ul>
          </section>
        ))}
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
