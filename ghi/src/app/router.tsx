import { type ComponentType, lazy } from 'react';
import { createBrowserRouter, Link } from 'react-router-dom';
import { Layout } from '../components/layout';
import { DashboardPage } from '../features/dashboard/components/dashboard-page';

/** Each page is its own chunk, fetched on first visit (the layout shows a fallback meanwhile). */
function lazyPage<K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K) {
  return lazy(async (): Promise<{ default: ComponentType }> => ({ default: (await load())[name] }));
}

const AutomobilesPage = lazyPage(() => import('../features/inventory/components/automobiles-page'), 'AutomobilesPage');
const AutomobilePage = lazyPage(() => import('../features/inventory/components/automobile-page'), 'AutomobilePage');
const SalePage = lazyPage(() => import('../features/sales/components/sale-page'), 'SalePage');
const CustomerPage = lazyPage(() => import('../features/sales/components/customer-page'), 'CustomerPage');
const SalespersonPage = lazyPage(() => import('../features/sales/components/salesperson-page'), 'SalespersonPage');
const ManufacturersPage = lazyPage(
  () => import('../features/inventory/components/manufacturers-page'),
  'ManufacturersPage',
);
const ModelsPage = lazyPage(() => import('../features/inventory/components/models-page'), 'ModelsPage');
const CustomersPage = lazyPage(() => import('../features/sales/components/people-pages'), 'CustomersPage');
const SalespeoplePage = lazyPage(() => import('../features/sales/components/people-pages'), 'SalespeoplePage');
const RecordSalePage = lazyPage(() => import('../features/sales/components/record-sale-page'), 'RecordSalePage');
const SalesPage = lazyPage(() => import('../features/sales/components/sales-page'), 'SalesPage');
const SalespersonHistoryPage = lazyPage(
  () => import('../features/sales/components/salesperson-history-page'),
  'SalespersonHistoryPage',
);
const AppointmentsPage = lazyPage(() => import('../features/service/components/appointments-page'), 'AppointmentsPage');
const BookAppointmentPage = lazyPage(
  () => import('../features/service/components/book-appointment-page'),
  'BookAppointmentPage',
);
const ServiceHistoryPage = lazyPage(
  () => import('../features/service/components/service-history-page'),
  'ServiceHistoryPage',
);
const TechniciansPage = lazyPage(() => import('../features/service/components/technicians-page'), 'TechniciansPage');
const TechnicianPage = lazyPage(() => import('../features/service/components/technician-page'), 'TechnicianPage');
const AppointmentDetailPage = lazyPage(
  () => import('../features/service/components/appointment-detail-page'),
  'AppointmentDetailPage',
);

function NotFound() {
  return (
    <>
      <h1>Page not found</h1>
      <p>
        There is nothing at this address. <Link to="/">Back to the dashboard</Link>.
      </p>
    </>
  );
}

export const router = createBrowserRouter([
  {
    path: '/',
    element: <Layout />,
    children: [
      { index: true, element: <DashboardPage /> },
      { path: 'inventory/manufacturers', element: <ManufacturersPage /> },
      { path: 'inventory/models', element: <ModelsPage /> },
      { path: 'inventory/automobiles', element: <AutomobilesPage /> },
      { path: 'inventory/automobiles/:vin', element: <AutomobilePage /> },
      { path: 'service/technicians', element: <TechniciansPage /> },
      { path: 'service/appointments', element: <AppointmentsPage /> },
      { path: 'service/appointments/new', element: <BookAppointmentPage /> },
      { path: 'service/appointments/:id', element: <AppointmentDetailPage /> },
      { path: 'service/technicians/:id', element: <TechnicianPage /> },
      { path: 'service/history', element: <ServiceHistoryPage /> },
      { path: 'sales', element: <SalesPage /> },
      { path: 'sales/new', element: <RecordSalePage /> },
      { path: 'sales/salespeople', element: <SalespeoplePage /> },
      { path: 'sales/customers', element: <CustomersPage /> },
      { path: 'sales/history', element: <SalespersonHistoryPage /> },
      { path: 'sales/:id', element: <SalePage /> },
      { path: 'sales/customers/:id', element: <CustomerPage /> },
      { path: 'sales/salespeople/:id', element: <SalespersonPage /> },
      { path: '*', element: <NotFound /> },
    ],
  },
]);
