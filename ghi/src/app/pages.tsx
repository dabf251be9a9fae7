import type { TFunction } from 'i18next';
import { type ComponentType, lazy, type ReactNode } from 'react';
import type { NavSection } from '../components/layout';
import type { PageNeed } from '../components/require-permission';

// The app's pages, each declared once: its address, what it needs, and where the navigation lists
// it. The router (router.tsx) and the navigation (components/layout.tsx) are both read from here,
// so a page cannot be offered to someone its route would refuse, nor routed without its guard.

/** Each page is its own chunk, fetched on first visit (the layout shows a fallback meanwhile). */
export function lazyPage<K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K) {
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

const UsersPage = lazyPage(() => import('../features/admin/components/users-page'), 'UsersPage');
const UserPage = lazyPage(() => import('../features/admin/components/user-page'), 'UserPage');
const TokensPage = lazyPage(() => import('../features/admin/components/tokens-page'), 'TokensPage');
const WebhooksPage = lazyPage(() => import('../features/admin/components/webhooks-page'), 'WebhooksPage');

type SectionName = 'inventory' | 'service' | 'sales' | 'reports' | 'administration';

export interface AppPage {
  /** Under the shell's `/`, as React Router writes it: `sales/:id`. */
  path: string;
  /** The same need guards the route and decides whether the navigation offers the link. */
  need: PageNeed;
  page: ReactNode;
  /** Listed in the navigation, in this table's order within its section; absent for pages reached from another. */
  nav?: { section: SectionName; label: (t: TFunction) => string };
}

const ownSales: PageNeed = { atLeastOwn: 'sales.read' };

export const pages: readonly AppPage[] = [
  // Inventory
  {
    path: 'inventory/manufacturers',
    need: 'inventory.read',
    page: <ManufacturersPage />,
    nav: { section: 'inventory', label: (t) => t('common:nav.manufacturers') },
  },
  {
    path: 'inventory/models',
    need: 'inventory.read',
    page: <ModelsPage />,
    nav: { section: 'inventory', label: (t) => t('common:nav.vehicleModels') },
  },
  {
    path: 'inventory/automobiles',
    need: 'inventory.read',
    page: <AutomobilesPage />,
    nav: { section: 'inventory', label: (t) => t('common:nav.automobiles') },
  },
  { path: 'inventory/automobiles/import', need: 'inventory.write', page: <ImportAutomobilesPage /> },
  {
    path: 'inventory/aging',
    need: 'inventory.read',
    page: <StockAgingPage />,
    nav: { section: 'inventory', label: (t) => t('common:nav.stockByAge') },
  },
  { path: 'vehicles/:vin', need: 'inventory.read', page: <VehiclePage /> },
  // Service
  {
    path: 'my-work',
    need: { atLeastOwn: 'appointments.finish' },
    page: <MyWorkPage />,
    nav: { section: 'service', label: (t) => t('common:nav.myWork') },
  },
  {
    path: 'service/technicians',
    need: 'technicians.read',
    page: <TechniciansPage />,
    nav: { section: 'service', label: (t) => t('common:nav.technicians') },
  },
  { path: 'service/technicians/:id', need: 'technicians.read', page: <TechnicianPage /> },
  {
    path: 'service/appointments',
    need: 'appointments.read',
    page: <AppointmentsPage />,
    nav: { section: 'service', label: (t) => t('common:nav.serviceBoard') },
  },
  {
    path: 'service/appointments/new',
    need: 'appointments.book',
    page: <BookAppointmentPage />,
    nav: { section: 'service', label: (t) => t('common:nav.bookAnAppointment') },
  },
  { path: 'service/appointments/:id', need: 'appointments.read', page: <AppointmentDetailPage /> },
  { path: 'service/appointments/:id/print', need: 'appointments.read', page: <WorkOrderPage /> },
  {
    path: 'service/history',
    need: 'appointments.read',
    page: <ServiceHistoryPage />,
    nav: { section: 'service', label: (t) => t('common:nav.serviceHistory') },
  },
  {
    path: 'service/due',
    need: 'appointments.book',
    page: <DueServicePage />,
    nav: { section: 'service', label: (t) => t('common:nav.dueForService') },
  },
  {
    path: 'service/repair-orders',
    need: 'repair_orders.read',
    page: <RepairOrdersPage />,
    nav: { section: 'service', label: (t) => t('common:nav.repairOrders') },
  },
  {
    path: 'service/repair-orders/new',
    need: 'repair_orders.write',
    page: <NewRepairOrderPage />,
    nav: { section: 'service', label: (t) => t('common:nav.newRepairOrder') },
  },
  { path: 'service/repair-orders/:id', need: 'repair_orders.read', page: <RepairOrderPage /> },
  { path: 'service/repair-orders/:id/print', need: 'repair_orders.read', page: <RepairOrderPrintPage /> },
  { path: 'service/repair-orders/:id/inspection', need: 'repair_orders.read', page: <InspectionPage /> },
  {
    path: 'service/parts',
    need: 'parts.read',
    page: <PartsPage />,
    nav: { section: 'service', label: (t) => t('common:nav.parts') },
  },
  { path: 'service/parts/import', need: 'parts.write', page: <ImportPartsPage /> },
  { path: 'service/parts/:number', need: 'parts.read', page: <PartPage /> },
  {
    path: 'service/shop-settings',
    need: 'shop.settings',
    page: <ShopSettingsPage />,
    nav: { section: 'service', label: (t) => t('common:nav.shopSettings') },
  },
  { path: 'service/inspection-checklist', need: 'shop.settings', page: <ChecklistPage /> },
  // Sales
  {
    path: 'sales/salespeople',
    need: 'salespeople.read',
    page: <SalespeoplePage />,
    nav: { section: 'sales', label: (t) => t('common:nav.salespeople') },
  },
  { path: 'sales/salespeople/:id', need: 'salespeople.read', page: <SalespersonPage /> },
  {
    path: 'sales/customers',
    need: 'customers.read',
    page: <CustomersPage />,
    nav: { section: 'sales', label: (t) => t('common:nav.customers') },
  },
  { path: 'sales/customers/:id', need: 'customers.read', page: <CustomerPage /> },
  {
    path: 'sales',
    need: ownSales,
    page: <SalesPage />,
    nav: { section: 'sales', label: (t) => t('common:nav.sales') },
  },
  {
    path: 'sales/new',
    need: 'sales.record',
    page: <RecordSalePage />,
    nav: { section: 'sales', label: (t) => t('common:nav.recordASale') },
  },
  {
    path: 'sales/history',
    need: ownSales,
    page: <SalespersonHistoryPage />,
    nav: { section: 'sales', label: (t) => t('common:nav.salespersonHistory') },
  },
  { path: 'sales/:id', need: ownSales, page: <SalePage /> },
  { path: 'sales/:id/print', need: ownSales, page: <BillOfSalePage /> },
  // Reports
  {
    path: 'reports/sales',
    need: 'reports.read',
    page: <SalesReportPage />,
    nav: { section: 'reports', label: (t) => t('common:nav.salesReport') },
  },
  {
    path: 'reports/technicians',
    need: 'reports.read',
    page: <TechniciansReportPage />,
    nav: { section: 'reports', label: (t) => t('common:nav.techniciansWeeks') },
  },
  {
    path: 'reports/repair-orders',
    need: 'reports.read',
    page: <RepairOrdersReportPage />,
    nav: { section: 'reports', label: (t) => t('common:nav.repairOrdersReport') },
  },
  // Gross shows what cars cost: inventory.cost (managers and administrators, who also hold reports.read).
  {
    path: 'reports/gross',
    need: 'inventory.cost',
    page: <GrossReportPage />,
    nav: { section: 'reports', label: (t) => t('common:nav.frontGross') },
  },
  // Administration
  {
    path: 'activity',
    need: 'audit.read',
    page: <ActivityPage />,
    nav: { section: 'administration', label: (t) => t('common:nav.activity') },
  },
  {
    path: 'admin/users',
    need: 'users.manage',
    page: <UsersPage />,
    nav: { section: 'administration', label: (t) => t('common:nav.users') },
  },
  { path: 'admin/users/:id', need: 'users.manage', page: <UserPage /> },
  {
    path: 'admin/tokens',
    need: 'users.manage',
    page: <TokensPage />,
    nav: { section: 'administration', label: (t) => t('common:nav.apiTokens') },
  },
  {
    path: 'admin/webhooks',
    need: 'users.manage',
    page: <WebhooksPage />,
    nav: { section: 'administration', label: (t) => t('common:nav.webhooks') },
  },
];

const sectionTitles: Record<SectionName, (t: TFunction) => string> = {
  inventory: (t) => t('common:nav.inventory'),
  service: (t) => t('common:nav.service'),
  sales: (t) => t('common:nav.sales'),
  reports: (t) => t('common:nav.reports'),
  administration: (t) => t('common:nav.administration'),
};

/** The navigation's sections in order, each with its pages' links in the table's order. */
export const navigation: readonly NavSection[] = (Object.keys(sectionTitles) as SectionName[]).map((section) => ({
  title: sectionTitles[section],
  links: pages.flatMap((entry) =>
    entry.nav?.section === section ? [{ to: `/${entry.path}`, label: entry.nav.label, need: entry.need }] : [],
  ),
}));
