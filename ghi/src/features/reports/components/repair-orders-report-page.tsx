import '../reports.css';
import type { RepairOrdersByMonthRow, TechnicianEfficiencyRow } from '@carcar/common/contract/reports';
import type { TFunction } from 'i18next';
import { type Column, DataTable } from '../../../components/data-table';
import { formatMoney, formatMonth, formatNumber, formatPercent } from '../../../lib/format';
import { useTranslation } from '../../../lib/i18n';
import {
  downloadRepairOrdersByMonth,
  downloadTechnicianEfficiency,
  useRepairOrdersByMonth,
  useTechnicianEfficiency,
} from '../api/get-repair-order-reports';
import { ReportRangeForm, useReportRange } from './report-range';
import { ReportSection } from './report-section';

const formatHours = (value: number) => formatNumber(value);
/** The API's ratio (1.06) as the shop says it: 106%. */
const formatRatio = (value: number | null) => (value === null ? '—' : formatPercent(value));

const monthColumns = (t: TFunction): Column<RepairOrdersByMonthRow>[] => [
  {
    key: 'month',
    header: t('reports:repairOrders.month'),
    cell: (row) => formatMonth(row.month),
    sortValue: (row) => row.month,
  },
  {
    key: 'orders',
    header: t('reports:repairOrders.repairOrders'),
    cell: (row) => formatNumber(row.repair_orders),
    sortValue: (row) => row.repair_orders,
  },
  {
    key: 'labor',
    header: t('reports:repairOrders.laborSales'),
    cell: (row) => formatMoney(row.labor_sales),
    sortValue: (row) => row.labor_sales,
  },
  {
    key: 'hours',
    header: t('reports:repairOrders.billedHours'),
    cell: (row) => formatHours(row.billed_hours),
    sortValue: (row) => row.billed_hours,
  },
  {
    key: 'rate',
    header: t('reports:repairOrders.effectiveRate'),
    cell: (row) => (row.effective_labor_rate === null ? '—' : formatMoney(row.effective_labor_rate)),
    sortValue: (row) => row.effective_labor_rate ?? -1,
  },
  {
    key: 'per-order',
    header: t('reports:repairOrders.hoursPerOrder'),
    cell: (row) => (row.hours_per_repair_order === null ? '—' : formatHours(row.hours_per_repair_order)),
    sortValue: (row) => row.hours_per_repair_order ?? -1,
  },
];

const technicianName = (row: TechnicianEfficiencyRow) => `${row.technician.first_name} ${row.technician.last_name}`;

const efficiencyColumns = (t: TFunction): Column<TechnicianEfficiencyRow>[] => [
  {
    key: 'month',
    header: t('reports:repairOrders.month'),
    cell: (row) => formatMonth(row.month),
    sortValue: (row) => row.month,
  },
  { key: 'technician', header: t('reports:repairOrders.technician'), cell: technicianName, sortValue: technicianName },
  {
    key: 'billed',
    header: t('reports:repairOrders.billedHours'),
    cell: (row) => formatHours(row.billed_hours),
    sortValue: (row) => row.billed_hours,
  },
  {
    key: 'clocked',
    header: t('reports:repairOrders.clockedHours'),
    cell: (row) => formatHours(row.clocked_hours),
    sortValue: (row) => row.clocked_hours,
  },
  {
    key: 'efficiency',
    header: t('reports:repairOrders.efficiency'),
    cell: (row) => formatRatio(row.efficiency),
    sortValue: (row) => row.efficiency ?? -1,
  },
];

/** Managers: the shop's invoiced work per month (labor rate, hours per order) and each technician's efficiency. */
export function RepairOrdersReportPage() {
  const { t } = useTranslation();
  const dates = useReportRange();
  const { range, problem } = dates;
  const byMonth = useRepairOrdersByMonth(range, !problem);
  const efficiency = useTechnicianEfficiency(range, !problem);

  return (
    <>
      <h1>{t('reports:repairOrders.title')}</h1>
      <ReportRangeForm {...dates} hint={t('reports:repairOrders.hint')} />
      <ReportSection
        id="repair-orders-by-month"
        title={t('reports:repairOrders.laborPerMonth')}
        download={() => downloadRepairOrdersByMonth(range)}
      >
        <DataTable
          caption={t('reports:repairOrders.laborPerMonth')}
          rows={byMonth.data}
          isLoading={byMonth.isLoading}
          error={byMonth.error}
          retry={() => byMonth.refetch()}
          rowKey={(row) => row.month}
          columns={monthColumns(t)}
          empty={problem ?? t('reports:repairOrders.emptyMonths')}
          pageSize={50}
        />
      </ReportSection>
      <ReportSection
        id="technician-efficiency"
        title={t('reports:repairOrders.efficiencyTitle')}
        download={() => downloadTechnicianEfficiency(range)}
      >
        <DataTable
          caption={t('reports:repairOrders.efficiencyCaption')}
          rows={efficiency.data}
          isLoading={efficiency.isLoading}
          error={efficiency.error}
          retry={() => efficiency.refetch()}
          rowKey={(row) => `${row.month}-${row.technician.id}`}
          columns={efficiencyColumns(t)}
          searchText={technicianName}
          empty={problem ?? t('reports:repairOrders.emptyEfficiency')}
          pageSize={50}
        />
      </ReportSection>
    </>
  );
}
