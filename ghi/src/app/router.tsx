import { type ComponentType, lazy, type ReactNode, Suspense } from 'react';
import { createBrowserRouter, Link, Navigate, type RouteObject, useParams } from 'react-router-dom';
import { Layout } from '../components/layout';
import { type PageNeed, RequirePermission } from '../components/require-permission';
import { Loading } from '../components/states';
import { useTranslation } from '../lib/i18n';
import { HomePage } from './home-page';

/** Each page is its own chunk, fetched on first visit (the layout shows a fallback meanwhile). */
function lazyPage<K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K) {
  return lazy(async (): Promise<{ default: ComponentType }> => ({ default: (await load())[name] }));
}

const AutomobilesPage = lazyPage(() => import('../features/inventory/components/automobiles-page'), 'AutomobilesPage');
const StockAgingPage = lazyPage(() => import('../features/inventory/components/stock-aging-page'), 'StockAgingPage');
const GrossReportPage = lazyPage(() => import('../features/reports/components/gross-report-page'), 'GrossReportPage');
const VehiclePage = lazyPage(() => import('../features/inventory/components/vehicle-page'), 'VehiclePage');
const ActivityPage = lazyPage(() => import('../features/activity/components/activity-page'), 'ActivityPage');
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
const MyWorkPage = lazyPage(() => import('../features/my-work/components/my-work-page'), 'MyWorkPage');
const DueServicePage = lazyPage(() => import('../features/due-service/components/due-service-page'), 'DueServicePage');
const TechniciansPage = lazyPage(() => import('../features/service/components/technicians-page'), 'TechniciansPage');
const TechnicianPage = lazyPage(() => import('../features/service/components/technician-page'), 'TechnicianPage');
const AppointmentDetailPage = lazyPage(
  () => import('../features/service/components/appointment-detail-page'),
  'AppointmentDetailPage',
);
const RepairOrdersPage = lazyPage(
  () => import('../features/repair-orders/components/repair-orders-page'),
  'RepairOrdersPage',
);
const NewRepairOrderPage = lazyPage(
  () => import('../features/repair-orders/components/new-repair-order-page'),
  'NewRepairOrderPage',
);
// The order page holds the inspections' summary and the parts' picker: composed in app/.
const RepairOrderPage = lazyPage(() => import('./repair-order-route'), 'RepairOrderRoute');
const RepairOrderPrintPage = lazyPage(
  () => import('../features/repair-orders/components/repair-order-print-page'),
  'RepairOrderPrintPage',
);
const InspectionPage = lazyPage(() => import('../features/inspections/components/inspection-page'), 'InspectionPage');
const ChecklistPage = lazyPage(() => import('../features/inspections/components/checklist-page'), 'ChecklistPage');
const PartsPage = lazyPage(() => import('../features/parts/components/parts-page'), 'PartsPage');
const PartPage = lazyPage(() => import('../features/parts/components/part-page'), 'PartPage');
const ImportPartsPage = lazyPage(() => import('../features/parts/components/import-parts-page'), 'ImportPartsPage');
const ShopSettingsPage = lazyPage(
  () => import('../features/repair-orders/components/shop-settings-page'),
  'ShopSettingsPage',
);
// Papers to print and the stock import: pages of their own, loaded (with their CSV parser) when opened.
const ImportAutomobilesPage = lazyPage(
  () => import('../features/inventory/components/import-automobiles-page'),
  'ImportAutomobilesPage',
);
const BillOfSalePage = lazyPage(() => import('../features/sales/components/bill-of-sale-page'), 'BillOfSalePage');
const WorkOrderPage = lazyPage(() => import('../features/service/components/work-order-page'), 'WorkOrderPage');

// The reports: only their pages import the chart library (Chart.js), so it is in their chunks alone.
const SalesReportPage = lazyPage(() => import('../features/reports/components/sales-report-page'), 'SalesReportPage');
const TechniciansReportPage = lazyPage(
  () => import('../features/reports/components/technicians-report-page'),
  'TechniciansReportPage',
);
const RepairOrdersReportPage = lazyPage(
  () => import('../features/reports/components/repair-orders-report-page'),
  'RepairOrdersReportPage',
);

// Signing in is once a session: its form code (react-hook-form) need not hold up every other page.
const SignInPage = lazyPage(() => import('../features/auth/components/sign-in-page'), 'SignInPage');
const UsersPage = lazyPage(() => import('../features/admin/components/users-page'), 'UsersPage');
const UserPage = lazyPage(() => import('../features/admin/components/user-page'), 'UserPage');
const TokensPage = lazyPage(() => import('../features/admin/components/tokens-page'), 'TokensPage');
const WebhooksPage = lazyPage(() => import('../features/admin/components/webhooks-page'), 'WebhooksPage');

function NotFound() {
  const { t } = useTranslation();
  return (
    <>
      <h1>{t('common:notFound.title')}</h1>
      <p>
        {t('common:notFound.nothingHere')} <Link to="/">{t('common:notFound.back')}</Link>.
      </p>
    </>
  );
}

/** The car's page moved to /vehicles/:vin (outside cars have one too); old links and bookmarks follow. */
function OldCarAddress() {
  return <Navigate to={`/vehicles/${encodeURIComponent(useParams().vin ?? '')}`} replace />;
}

/** A page only for those holding `need`; anyone else gets the No access page. */
const guarded = (path: string, need: PageNeed, page: ReactNode): RouteObject => ({
  path,
  element: <RequirePermission need={need}>{page}</RequirePermission>,
});

const ownSales: PageNeed = { atLeastOwn: 'sales.read' };

export const routes: RouteObject[] = [
  {
    path: '/sign-in',
    element: (
      <Suspense fallback={<Loading />}>
        <SignInPage />
      </Suspense>
    ),
  },
  {
    path: '/',
    element: <Layout />,
    children: [
      { index: true, element: <HomePage /> },
      guarded('my-work', { atLeastOwn: 'appointments.finish' }, <MyWorkPage />),
      guarded('inventory/manufacturers', 'inventory.read', <ManufacturersPage />),
      guarded('inventory/models', 'inventory.read', <ModelsPage />),
      guarded('inventory/automobiles', 'inventory.read', <AutomobilesPage />),
      guarded('inventory/automobiles/import', 'inventory.write', <ImportAutomobilesPage />),
      guarded('inventory/aging', 'inventory.read', <StockAgingPage />),
      { path: 'inventory/automobiles/:vin', element: <OldCarAddress /> },
      guarded('vehicles/:vin', 'inventory.read', <VehiclePage />),
      guarded('activity', 'audit.read', <ActivityPage />),
      guarded('reports/sales', 'reports.read', <SalesReportPage />),
      guarded('reports/technicians', 'reports.read', <TechniciansReportPage />),
      guarded('reports/repair-orders', 'reports.read', <RepairOrdersReportPage />),
      // Stock by age is the one page about the cars' ages; the managers' report had its own until
      // then, and its bookmarks land there. No guard here: the page's own guard answers.
      { path: 'reports/inventory-aging', element: <Navigate to="/inventory/aging" replace /> },
      // Gross shows what cars cost: inventory.cost (managers and administrators, who also hold reports.read).
      guarded('reports/gross', 'inventory.cost', <GrossReportPage />),
      guarded('service/technicians', 'technicians.read', <TechniciansPage />),
      guarded('service/appointments', 'appointments.read', <AppointmentsPage />),
      guarded('service/appointments/new', 'appointments.book', <BookAppointmentPage />),
      guarded('service/appointments/:id', 'appointments.read', <AppointmentDetailPage />),
      guarded('service/appointments/:id/print', 'appointments.read', <WorkOrderPage />),
      guarded('service/technicians/:id', 'technicians.read', <TechnicianPage />),
      guarded('service/history', 'appointments.read', <ServiceHistoryPage />),
      guarded('service/due', 'appointments.book', <DueServicePage />),
      guarded('service/repair-orders', 'repair_orders.read', <RepairOrdersPage />),
      guarded('service/repair-orders/new', 'repair_orders.write', <NewRepairOrderPage />),
      guarded('service/repair-orders/:id', 'repair_orders.read', <RepairOrderPage />),
      guarded('service/repair-orders/:id/print', 'repair_orders.read', <RepairOrderPrintPage />),
      guarded('service/repair-orders/:id/inspection', 'repair_orders.read', <InspectionPage />),
      guarded('service/inspection-checklist', 'shop.settings', <ChecklistPage />),
      guarded('service/parts', 'parts.read', <PartsPage />),
      guarded('service/parts/import', 'parts.write', <ImportPartsPage />),
      guarded('service/parts/:number', 'parts.read', <PartPage />),
      guarded('service/shop-settings', 'shop.settings', <ShopSettingsPage />),
      guarded('sales', ownSales, <SalesPage />),
      guarded('sales/new', 'sales.record', <RecordSalePage />),
      guarded('sales/salespeople', 'salespeople.read', <SalespeoplePage />),
      guarded('sales/customers', 'customers.read', <CustomersPage />),
      guarded('sales/history', ownSales, <SalespersonHistoryPage />),
      guarded('sales/:id', ownSales, <SalePage />),
      guarded('sales/:id/print', ownSales, <BillOfSalePage />),
      guarded('sales/customers/:id', 'customers.read', <CustomerPage />),
      guarded('sales/salespeople/:id', 'salespeople.read', <SalespersonPage />),
      guarded('admin/users', 'users.manage', <UsersPage />),
      guarded('admin/users/:id', 'users.manage', <UserPage />),
      guarded('admin/tokens', 'users.manage', <TokensPage />),
      guarded('admin/webhooks', 'users.manage', <WebhooksPage />),
      { path: '*', element: <NotFound /> },
    ],
  },
];

export const router = createBrowserRouter(routes);
