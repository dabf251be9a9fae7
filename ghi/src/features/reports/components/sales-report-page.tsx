import '../reports.css';
import type { SalesByMonthRow, SalesBySalespersonRow } from '@carcar/common/contract/reports';
import type { TFunction } from 'i18next';
import { useMemo } from 'react';
import { type Column, DataTable } from '../../../components/data-table';
import { formatMoney, formatMonth, formatNumber } from '../../../lib/format';
import { useTranslation } from '../../../lib/i18n';
import { downloadSalesByMonth, useSalesByMonth } from '../api/get-sales-by-month';
import { downloadSalesBySalesperson, useSalesBySalesperson } from '../api/get-sales-by-salesperson';
import { ReportChart } from './report-chart';
import { ReportRangeForm, useReportRange } from './report-range';
import { ReportSection } from './report-section';

const average = (value: number | null) => (value === null ? '—' : formatMoney(value));

const monthColumns = (t: TFunction): Column<SalesByMonthRow>[] => [
  {
    key: 'month',
    header: t('reports:sales.month'),
    cell: (row) => formatMonth(row.month),
    sortValue: (row) => row.month,
  },
  {
    key: 'sales',
    header: t('reports:sales.sales'),
    cell: (row) => formatNumber(row.sales),
    sortValue: (row) => row.sales,
  },
  {
    key: 'revenue',
    header: t('reports:sales.revenue'),
    cell: (row) => formatMoney(row.revenue),
    sortValue: (row) => row.revenue,
  },
  {
    key: 'average',
    header: t('reports:sales.averagePrice'),
    cell: (row) => average(row.average_price),
    sortValue: (row) => row.average_price ?? -1,
  },
];

const personColumns = (t: TFunction): Column<SalesBySalespersonRow>[] => [
  {
    key: 'salesperson',
    header: t('reports:sales.salesperson'),
    cell: (row) => `${row.salesperson} (${row.employee_id})`,
    sortValue: (row) => row.salesperson,
  },
  {
    key: 'sales',
    header: t('reports:sales.sales'),
    cell: (row) => formatNumber(row.sales),
    sortValue: (row) => row.sales,
  },
  {
    key: 'revenue',
    header: t('reports:sales.revenue'),
    cell: (row) => formatMoney(row.revenue),
    sortValue: (row) => row.revenue,
  },
  {
    key: 'average',
    header: t('reports:sales.averagePrice'),
    cell: (row) => average(row.average_price),
    sortValue: (row) => row.average_price ?? -1,
  },
];

/** Managers: live sales (voided ones left out) by month and by salesperson, over chosen days. */
export function SalesReportPage() {
  const { t } = useTranslation();
  const dates = useReportRange();
  const { range, problem } = dates;
  const byMonth = useSalesByMonth(range, !problem);
  const byPerson = useSalesBySalesperson(range, !problem);

  const monthChart = useMemo(() => {
    const rows = byMonth.data ?? [];
    return {
      labels: rows.map((row) => formatMonth(row.month)),
      series: [{ label: t('reports:sales.revenue'), values: rows.map((row) => row.revenue) }],
    };
  }, [byMonth.data, t]);
  const personChart = useMemo(() => {
    const rows = byPerson.data ?? [];
    return {
      labels: rows.map((row) => row.salesperson),
      series: [{ label: t('reports:sales.revenue'), values: rows.map((row) => row.revenue) }],
    };
  }, [byPerson.data, t]);

  return (
    <>
      <h1>{t('reports:sales.title')}</h1>
      <ReportRangeForm {...dates} hint={t('reports:sales.hint')} />
      <ReportSection
        id="sales-by-month"
        title={t('reports:sales.byMonth')}
        download={() => downloadSalesByMonth(range)}
      >
        {byMonth.data && byMonth.data.length > 0 && (
          <ReportChart title={t('reports:sales.revenueByMonth')} format={formatMoney} {...monthChart} />
        )}
        <DataTable
          caption={t('reports:sales.byMonth')}
          rows={byMonth.data}
          isLoading={byMonth.isLoading}
          error={byMonth.error}
          retry={() => byMonth.refetch()}
          rowKey={(row) => row.month}
          columns={monthColumns(t)}
          empty={problem ?? t('reports:sales.noMonths')}
          pageSize={120}
          // Every month of the range, most of them often zeros: rows, not a card each, on a phone.
          compact
        />
      </ReportSection>
      <ReportSection
        id="sales-by-salesperson"
        title={t('reports:sales.bySalesperson')}
        download={() => downloadSalesBySalesperson(range)}
      >
        {byPerson.data && byPerson.data.length > 0 && (
          <ReportChart
            title={t('reports:sales.revenueBySalesperson')}
            format={formatMoney}
            horizontal
            {...personChart}
          />
        )}
        <DataTable
          caption={t('reports:sales.bySalesperson')}
          rows={byPerson.data}
          isLoading={byPerson.isLoading}
          error={byPerson.error}
          retry={() => byPerson.refetch()}
          rowKey={(row) => row.salesperson_id}
          columns={personColumns(t)}
          empty={problem ?? t('reports:sales.noSalespeople')}
          pageSize={100}
        />
      </ReportSection>
    </>
  );
}
