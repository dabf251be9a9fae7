import { createBrowserRouter, Link } from 'react-router-dom';
import { Layout } from '../components/layout';
import { DashboardPage } from '../features/dashboard/components/dashboard-page';
import { AutomobilesPage } from '../features/inventory/components/automobiles-page';
import { ManufacturersPage } from '../features/inventory/components/manufacturers-page';
import { ModelsPage } from '../features/inventory/components/models-page';
import { CustomersPage, SalespeoplePage } from '../features/sales/components/people-pages';
import { RecordSalePage } from '../features/sales/components/record-sale-page';
import { SalesPage } from '../features/sales/components/sales-page';
import { SalespersonHistoryPage } from '../features/sales/components/salesperson-history-page';
import { AppointmentsPage } from '../features/service/components/appointments-page';
import { BookAppointmentPage } from '../features/service/components/book-appointment-page';
import { ServiceHistoryPage } from '../features/service/components/service-history-page';
import { TechniciansPage } from '../features/service/components/technicians-page';

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
      { path: 'service/technicians', element: <TechniciansPage /> },
      { path: 'service/appointments', element: <AppointmentsPage /> },
      { path: 'service/appointments/new', element: <BookAppointmentPage /> },
      { path: 'service/history', element: <ServiceHistoryPage /> },
      { path: 'sales', element: <SalesPage /> },
      { path: 'sales/new', element: <RecordSalePage /> },
      { path: 'sales/salespeople', element: <SalespeoplePage /> },
      { path: 'sales/customers', element: <CustomersPage /> },
      { path: 'sales/history', element: <SalespersonHistoryPage /> },
      { path: '*', element: <NotFound /> },
    ],
  },
]);
