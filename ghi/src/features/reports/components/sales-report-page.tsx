import '../reports.css';
import type { SalesByMonthRow, SalesBySalespersonRow } from '@carcar/common/contract/reports';
import { useMemo } from 'react';
import { type Column, DataTable } from '../../../components/data-table';
import { formatMoney } from '../../../lib/format';
import { downloadSalesByMonth, useSalesByMonth } from '../api/get-sales-by-month';
import { downloadSalesBySalesperson, useSalesBySalesperson } from '../api/get-sales-by-salesperson';
import { formatCount, monthLabel } from './labels';
import { ReportChart } from './report-chart';
import { ReportRangeForm, useReportRange } from './report-range';
import { ReportSection } from './report-section';

const average = (value: number | null) => (value === null ? '—' : formatMoney(value));

const monthColumns: Column<SalesByMonthRow>[] = [
  { key: 'month', header: 'Month', cell: (row) => monthLabel(row.month), sortValue: (row) => row.month },
  { key: 'sales', header: 'Sales', cell: (row) => formatCount(row.sales), sortValue: (row) => row.sales },
  { key: 'revenue', header: 'Revenue', cell: (row) => formatMoney(row.revenue), sortValue: (row) => row.revenue },
  {
    key: 'average',
    header: 'Average price',
    cell: (row) => average(row.average_price),
    sortValue: (row) => row.average_price ?? -1,
  },
];

const personColumns: Column<SalesBySalespersonRow>[] = [
  {
    key: 'salesperson',
    header: 'Salesperson',
    cell: (row) => `${row.salesperson} (${row.employee_id})`,
    sortValue: (row) => row.salesperson,
  },
  { key: 'sales', header: 'Sales', cell: (row) => formatCount(row.sales), sortValue: (row) => row.sales },
  { key: 'revenue', header: 'Revenue', cell: (row) => formatMoney(row.revenue), sortValue: (row) => row.revenue },
  {
    key: 'average',
    header: 'Average price',
    cell: (row) => average(row.average_price),
    sortValue: (row) => row.average_price ?? -1,
  },
];

/** Managers: live sales (voided ones left out) by month and by salesperson, over chosen days. */
export function SalesReportPage() {
  const dates = useReportRange();
  const { range, problem } = dates;
  const byMonth = useSalesByMonth(range, !problem);
  const byPerson = useSalesBySalesperson(range, !problem);

  const monthChart = useMemo(() => {
    const rows = byMonth.data ?? [];
    return {
      labels: rows.map((row) => monthLabel(row.month)),
      series: [{ label: 'Revenue', values: rows.map((row) => row.revenue) }],
    };
  }, [byMonth.data]);
  const personChart = useMemo(() => {
    const rows = byPerson.data ?? [];
    return {
      labels: rows.map((row) => row.salesperson),
      series: [{ label: 'Revenue', values: rows.map((row) => row.revenue) }],
    };
  }, [byPerson.data]);

  return (
    <>
      <h1>Sales report</h1>
      <ReportRangeForm {...dates} hint="Days of the sale, both included. Voided sales are left out." />
      <ReportSection id="sales-by-month" title="Sales by month" download={() => downloadSalesByMonth(range)}>
        {byMonth.data && byMonth.data.length > 0 && (
          <ReportChart title="Revenue by month" format={formatMoney} {...monthChart} />
        )}
        <DataTable
          caption="Sales by month"
          rows={byMonth.data}
          isLoading={byMonth.isLoading}
          error={byMonth.error}
          retry={() => byMonth.refetch()}
          rowKey={(row) => row.month}
          columns={monthColumns}
          empty={problem ?? 'No months in this range.'}
          pageSize={120}
          // Every month of the range, most of them often zeros: rows, not a card each, on a phone.
          compact
        />
      </ReportSection>
      <ReportSection
        id="sales-by-salesperson"
        title="Sales by salesperson"
        download={() => downloadSalesBySalesperson(range)}
      >
        {byPerson.data && byPerson.data.length > 0 && (
          <ReportChart title="Revenue by salesperson" format={formatMoney} horizontal {...personChart} />
        )}
        <DataTable
          caption="Sales by salesperson"
          rows={byPerson.data}
          isLoading={byPerson.isLoading}
          error={byPerson.error}
          retry={() => byPerson.refetch()}
          rowKey={(row) => row.salesperson_id}
          columns={personColumns}
          empty={problem ?? 'No salespeople on file.'}
          pageSize={100}
        />
      </ReportSection>
    </>
  );
}
