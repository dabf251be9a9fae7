import '../reports.css';
import type { SalesByMonthRow, SalesBySalespersonRow } from '@carcar/common/contract/reports';
import type { TFunction } from 'i18next';
import { useMemo } from 'react';
import type { Column } from '../../../components/data-table';
import { formatMoney, formatMonth } from '../../../lib/format';
import { useTranslation } from '../../../lib/i18n';
import { downloadSalesByMonth, useSalesByMonth } from '../api/get-sales-by-month';
import { downloadSalesBySalesperson, useSalesBySalesperson } from '../api/get-sales-by-salesperson';
import { ReportChart } from './report-chart';
import { monthColumn, salesFigureColumns, salespersonColumn } from './report-columns';
import { ReportRangeForm, useReportRange } from './report-range';
import { ReportSection, ReportTable } from './report-section';

const monthColumns = (t: TFunction): Column<SalesByMonthRow>[] => [
  monthColumn(t('reports:sales.month')),
  ...salesFigureColumns<SalesByMonthRow>(t),
];

const personColumns = (t: TFunction): Column<SalesBySalespersonRow>[] => [
  salespersonColumn(t('reports:sales.salesperson')),
  ...salesFigureColumns<SalesBySalespersonRow>(t),
];

const monthLabel = (row: SalesByMonthRow) => formatMonth(row.month);
const personLabel = (row: SalesBySalespersonRow) => row.salesperson;

/** A chart of the rows' revenue, one bar each, named by `label`. */
function useRevenueChart<T extends { revenue: number }>(data: T[] | undefined, label: (row: T) => string) {
  const { t } = useTranslation();
  return useMemo(() => {
    const rows = data ?? [];
    return {
      labels: rows.map(label),
      series: [{ label: t('reports:sales.revenue'), values: rows.map((row) => row.revenue) }],
    };
  }, [data, label, t]);
}

/** Managers: live sales (voided ones left out) by month and by salesperson, over chosen days. */
export function SalesReportPage() {
  const { t } = useTranslation();
  const dates = useReportRange();
  const { range, problem } = dates;
  const byMonth = useSalesByMonth(range, !problem);
  const byPerson = useSalesBySalesperson(range, !problem);

  const monthChart = useRevenueChart(byMonth.data, monthLabel);
  const personChart = useRevenueChart(byPerson.data, personLabel);

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
        <ReportTable
          caption={t('reports:sales.byMonth')}
          query={byMonth}
          rowKey={(row) => row.month}
          columns={monthColumns(t)}
          problem={problem}
          empty={t('reports:sales.noMonths')}
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
        <ReportTable
          caption={t('reports:sales.bySalesperson')}
          query={byPerson}
          rowKey={(row) => row.salesperson_id}
          columns={personColumns(t)}
          problem={problem}
          empty={t('reports:sales.noSalespeople')}
          pageSize={100}
        />
      </ReportSection>
    </>
  );
}
