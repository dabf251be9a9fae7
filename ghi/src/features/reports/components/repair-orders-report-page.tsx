import '../reports.css';
import type { RepairOrdersByMonthRow, TechnicianEfficiencyRow } from '@carcar/common/contract/reports';
import { type Column, DataTable } from '../../../components/data-table';
import { dealership, formatMoney } from '../../../lib/format';
import {
  downloadRepairOrdersByMonth,
  downloadTechnicianEfficiency,
  useRepairOrdersByMonth,
  useTechnicianEfficiency,
} from '../api/get-repair-order-reports';
import { formatCount, monthLabel } from './labels';
import { ReportRangeForm, useReportRange } from './report-range';
import { ReportSection } from './report-section';

const hours = new Intl.NumberFormat(dealership.locale, { maximumFractionDigits: 2 });
const percent = new Intl.NumberFormat(dealership.locale, { style: 'percent', maximumFractionDigits: 0 });
const formatHours = (value: number) => hours.format(value);
/** The API's ratio (1.06) as the shop says it: 106%. */
const formatRatio = (value: number | null) => (value === null ? '—' : percent.format(value));

const monthColumns: Column<RepairOrdersByMonthRow>[] = [
  { key: 'month', header: 'Month', cell: (row) => monthLabel(row.month), sortValue: (row) => row.month },
  {
    key: 'orders',
    header: 'Repair orders',
    cell: (row) => formatCount(row.repair_orders),
    sortValue: (row) => row.repair_orders,
  },
  {
    key: 'labor',
    header: 'Labor sales',
    cell: (row) => formatMoney(row.labor_sales),
    sortValue: (row) => row.labor_sales,
  },
  {
    key: 'hours',
    header: 'Billed hours',
    cell: (row) => formatHours(row.billed_hours),
    sortValue: (row) => row.billed_hours,
  },
  {
    key: 'rate',
    header: 'Effective labor rate',
    cell: (row) => (row.effective_labor_rate === null ? '—' : formatMoney(row.effective_labor_rate)),
    sortValue: (row) => row.effective_labor_rate ?? -1,
  },
  {
    key: 'per-order',
    header: 'Hours per order',
    cell: (row) => (row.hours_per_repair_order === null ? '—' : formatHours(row.hours_per_repair_order)),
    sortValue: (row) => row.hours_per_repair_order ?? -1,
  },
];

const technicianName = (row: TechnicianEfficiencyRow) => `${row.technician.first_name} ${row.technician.last_name}`;

const efficiencyColumns: Column<TechnicianEfficiencyRow>[] = [
  { key: 'month', header: 'Month', cell: (row) => monthLabel(row.month), sortValue: (row) => row.month },
  { key: 'technician', header: 'Technician', cell: technicianName, sortValue: technicianName },
  {
    key: 'billed',
    header: 'Billed hours',
    cell: (row) => formatHours(row.billed_hours),
    sortValue: (row) => row.billed_hours,
  },
  {
    key: 'clocked',
    header: 'Clocked hours',
    cell: (row) => formatHours(row.clocked_hours),
    sortValue: (row) => row.clocked_hours,
  },
  {
    key: 'efficiency',
    header: 'Efficiency',
    cell: (row) => formatRatio(row.efficiency),
    sortValue: (row) => row.efficiency ?? -1,
  },
];

/** Managers: the shop's invoiced work per month (labor rate, hours per order) and each technician's efficiency. */
export function RepairOrdersReportPage() {
  const dates = useReportRange();
  const { range, problem } = dates;
  const byMonth = useRepairOrdersByMonth(range, !problem);
  const efficiency = useTechnicianEfficiency(range, !problem);

  return (
    <>
      <h1>Repair orders</h1>
      <ReportRangeForm
        {...dates}
        hint="Orders invoiced in the months of these days, on the dealership’s clock; labor lines approved or done."
      />
      <ReportSection
        id="repair-orders-by-month"
        title="Labor per month"
        download={() => downloadRepairOrdersByMonth(range)}
      >
        <DataTable
          caption="Labor per month"
          rows={byMonth.data}
          isLoading={byMonth.isLoading}
          error={byMonth.error}
          retry={() => byMonth.refetch()}
          rowKey={(row) => row.month}
          columns={monthColumns}
          empty={problem ?? 'No invoiced repair orders in these months.'}
          pageSize={50}
        />
      </ReportSection>
      <ReportSection
        id="technician-efficiency"
        title="Technician efficiency (billed ÷ clocked hours)"
        download={() => downloadTechnicianEfficiency(range)}
      >
        <DataTable
          caption="Technician efficiency"
          rows={efficiency.data}
          isLoading={efficiency.isLoading}
          error={efficiency.error}
          retry={() => efficiency.refetch()}
          rowKey={(row) => `${row.month}-${row.technician.id}`}
          columns={efficiencyColumns}
          searchText={technicianName}
          empty={problem ?? 'No billed or clocked hours in these months.'}
          pageSize={50}
        />
      </ReportSection>
    </>
  );
}
