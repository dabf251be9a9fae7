import '../reports.css';
import type { RepairOrdersByMonthRow, TechnicianEfficiencyRow } from '@carcar/common/contract/reports';
import type { TFunction } from 'i18next';
import type { Column } from '../../../components/data-table';
import { formatMoney, formatNumber, formatPercent } from '../../../lib/format';
import { useTranslation } from '../../../lib/i18n';
import {
  downloadRepairOrdersByMonth,
  downloadTechnicianEfficiency,
  useRepairOrdersByMonth,
  useTechnicianEfficiency,
} from '../api/get-repair-order-reports';
import { figureColumn, monthColumn } from './report-columns';
import { ReportRangeForm, useReportRange } from './report-range';
import { ReportSection, ReportTable } from './report-section';

const monthColumns = (t: TFunction): Column<RepairOrdersByMonthRow>[] => [
  monthColumn(t('reports:repairOrders.month')),
  figureColumn('orders', t('reports:repairOrders.repairOrders'), (row) => row.repair_orders, formatNumber),
  figureColumn('labor', t('reports:repairOrders.laborSales'), (row) => row.labor_sales, formatMoney),
  figureColumn('hours', t('reports:repairOrders.billedHours'), (row) => row.billed_hours, formatNumber),
  figureColumn('rate', t('reports:repairOrders.effectiveRate'), (row) => row.effective_labor_rate, formatMoney),
  figureColumn('per-order', t('reports:repairOrders.hoursPerOrder'), (row) => row.hours_per_repair_order, formatNumber),
];

const technicianName = (row: TechnicianEfficiencyRow) => `${row.technician.first_name} ${row.technician.last_name}`;

const efficiencyColumns = (t: TFunction): Column<TechnicianEfficiencyRow>[] => [
  monthColumn(t('reports:repairOrders.month')),
  { key: 'technician', header: t('reports:repairOrders.technician'), cell: technicianName, sortValue: technicianName },
  figureColumn('billed', t('reports:repairOrders.billedHours'), (row) => row.billed_hours, formatNumber),
  figureColumn('clocked', t('reports:repairOrders.clockedHours'), (row) => row.clocked_hours, formatNumber),
  // The API's ratio (1.06) as the shop says it: 106%.
  figureColumn('efficiency', t('reports:repairOrders.efficiency'), (row) => row.efficiency, formatPercent),
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
        <ReportTable
          caption={t('reports:repairOrders.laborPerMonth')}
          query={byMonth}
          rowKey={(row) => row.month}
          columns={monthColumns(t)}
          problem={problem}
          empty={t('reports:repairOrders.emptyMonths')}
          pageSize={50}
        />
      </ReportSection>
      <ReportSection
        id="technician-efficiency"
        title={t('reports:repairOrders.efficiencyTitle')}
        download={() => downloadTechnicianEfficiency(range)}
      >
        <ReportTable
          caption={t('reports:repairOrders.efficiencyCaption')}
          query={efficiency}
          rowKey={(row) => `${row.month}-${row.technician.id}`}
          columns={efficiencyColumns(t)}
          searchText={technicianName}
          problem={problem}
          empty={t('reports:repairOrders.emptyEfficiency')}
          pageSize={50}
        />
      </ReportSection>
    </>
  );
}
