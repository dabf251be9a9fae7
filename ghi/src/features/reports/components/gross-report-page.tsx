import '../reports.css';
import type { GrossByDealRow, GrossBySalespersonRow } from '@carcar/common/contract/reports';
import type { TFunction } from 'i18next';
import { Link } from 'react-router-dom';
import { type Column, dateTimeColumn } from '../../../components/data-table';
import { VinLink } from '../../../components/vin-link';
import { formatMoney, formatNumber } from '../../../lib/format';
import { useTranslation } from '../../../lib/i18n';
import { salePath } from '../../../lib/paths';
import {
  downloadGrossByDeal,
  downloadGrossBySalesperson,
  useGrossByDeal,
  useGrossBySalesperson,
} from '../api/get-gross';
import { figureColumn, monthColumn, salespersonColumn } from './report-columns';
import { ReportRangeForm, useReportRange } from './report-range';
import { ReportSection, ReportTable } from './report-section';

const gross = (t: TFunction, value: number | null) =>
  value === null ? t('reports:gross.costUnknown') : formatMoney(value);

const personColumns = (t: TFunction): Column<GrossBySalespersonRow>[] => [
  monthColumn(t('reports:gross.month')),
  salespersonColumn(t('reports:gross.salesperson')),
  figureColumn('deals', t('reports:gross.deals'), (row) => row.deals, formatNumber),
  figureColumn('revenue', t('reports:gross.revenue'), (row) => row.revenue, formatMoney),
  {
    key: 'gross',
    header: t('reports:gross.frontGross'),
    cell: (row) =>
      `${formatMoney(row.front_gross)}${row.deals_without_cost > 0 ? t('reports:gross.withoutCost', { count: row.deals_without_cost, formatted: formatNumber(row.deals_without_cost) }) : ''}`,
    sortValue: (row) => row.front_gross,
  },
  {
    key: 'average',
    header: t('reports:gross.averagePerDeal'),
    cell: (row) => gross(t, row.average_front_gross),
    sortValue: (row) => row.average_front_gross ?? -1,
  },
];

const dealColumns = (t: TFunction): Column<GrossByDealRow>[] => [
  {
    key: 'sale',
    header: t('reports:gross.sale'),
    cell: (row) => <Link to={salePath(row.sale_id)}>{t('reports:gross.saleNumber', { id: row.sale_id })}</Link>,
    sortValue: (row) => row.sale_id,
  },
  dateTimeColumn('date', t('reports:gross.date'), (row) => row.sold_at),
  {
    key: 'salesperson',
    header: t('reports:gross.salesperson'),
    cell: (row) => row.salesperson,
    sortValue: (row) => row.salesperson,
  },
  { key: 'vin', header: t('reports:gross.car'), cell: (row) => <VinLink vin={row.vin} />, sortValue: (row) => row.vin },
  figureColumn('price', t('reports:gross.price'), (row) => row.price, formatMoney),
  {
    key: 'cost',
    header: t('reports:gross.cost'),
    cell: (row) => gross(t, row.cost),
    sortValue: (row) => row.cost ?? -1,
  },
  {
    key: 'gross',
    header: t('reports:gross.frontGross'),
    cell: (row) => gross(t, row.front_gross),
    sortValue: (row) => row.front_gross ?? Number.NEGATIVE_INFINITY,
  },
];

/** Managers: front gross (price − the car's cost) per salesperson and month, and per deal. */
export function GrossReportPage() {
  const { t } = useTranslation();
  const dates = useReportRange();
  const { range, problem } = dates;
  const byPerson = useGrossBySalesperson(range, !problem);
  const byDeal = useGrossByDeal(range, !problem);
  return (
    <>
      <h1>{t('reports:gross.title')}</h1>
      <ReportRangeForm {...dates} hint={t('reports:gross.hint')} />
      <ReportSection
        id="gross-by-salesperson"
        title={t('reports:gross.bySalesperson')}
        download={() => downloadGrossBySalesperson(range)}
      >
        <ReportTable
          caption={t('reports:gross.bySalespersonCaption')}
          query={byPerson}
          rowKey={(row) => `${row.month}-${row.salesperson_id}`}
          columns={personColumns(t)}
          problem={problem}
          empty={t('reports:gross.empty')}
          pageSize={100}
        />
      </ReportSection>
      <ReportSection id="gross-by-deal" title={t('reports:gross.perDeal')} download={() => downloadGrossByDeal(range)}>
        <ReportTable
          caption={t('reports:gross.perDealCaption')}
          query={byDeal}
          rowKey={(row) => row.sale_id}
          columns={dealColumns(t)}
          searchText={(row) => `${row.sale_id} ${row.salesperson} ${row.vin}`}
          problem={problem}
          empty={t('reports:gross.empty')}
          pageSize={50}
        />
      </ReportSection>
    </>
  );
}
