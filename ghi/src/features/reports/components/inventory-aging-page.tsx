import '../reports.css';
import type { InventoryAgingRow } from '@carcar/common/contract/reports';
import type { TFunction } from 'i18next';
import { useMemo } from 'react';
import { type Column, DataTable } from '../../../components/data-table';
import { VinLink } from '../../../components/vin-link';
import { formatDateTime } from '../../../lib/format';
import { useTranslation } from '../../../lib/i18n';
import { downloadInventoryAging, useInventoryAging } from '../api/get-inventory-aging';
import { formatCount } from './labels';
import { ReportChart } from './report-chart';
import { ReportRangeForm, useReportRange } from './report-range';
import { ReportSection } from './report-section';

/** The age bands of the chart, in days in stock: each up to and including `upTo`. */
const bands = (t: TFunction) => [
  { label: t('reports:aging.band30'), upTo: 30 },
  { label: t('reports:aging.band60'), upTo: 60 },
  { label: t('reports:aging.band90'), upTo: 90 },
  { label: t('reports:aging.band180'), upTo: 180 },
  { label: t('reports:aging.bandOver180'), upTo: Number.POSITIVE_INFINITY },
];

const columns = (t: TFunction): Column<InventoryAgingRow>[] => [
  { key: 'vin', header: t('reports:aging.vin'), cell: (row) => <VinLink vin={row.vin} />, sortValue: (row) => row.vin },
  {
    key: 'car',
    header: t('reports:aging.car'),
    cell: (row) => `${row.year} ${row.manufacturer} ${row.model}, ${row.color}`,
    sortValue: (row) => `${row.manufacturer} ${row.model} ${row.year}`,
  },
  {
    key: 'arrived',
    header: t('reports:aging.arrived'),
    cell: (row) => formatDateTime(row.arrived_at),
    sortValue: (row) => row.arrived_at,
  },
  {
    key: 'days',
    header: t('reports:aging.days'),
    cell: (row) => formatCount(row.days_in_stock),
    sortValue: (row) => row.days_in_stock,
  },
];

/** Managers: every unsold car and how long it has waited, oldest first. */
export function InventoryAgingPage() {
  const { t } = useTranslation();
  const dates = useReportRange({ open: true });
  const { range, problem } = dates;
  const aging = useInventoryAging(range, !problem);

  const chart = useMemo(() => {
    const ages = bands(t);
    const counts = ages.map(() => 0);
    for (const row of aging.data ?? []) {
      const band = ages.findIndex((one) => row.days_in_stock <= one.upTo);
      counts[band] = (counts[band] ?? 0) + 1;
    }
    return { labels: ages.map((band) => band.label), series: [{ label: t('reports:aging.cars'), values: counts }] };
  }, [aging.data, t]);

  return (
    <>
      <h1>{t('reports:aging.title')}</h1>
      <ReportRangeForm {...dates} hint={t('reports:aging.hint')} />
      <ReportSection
        id="inventory-aging"
        title={t('reports:aging.byDays')}
        download={() => downloadInventoryAging(range)}
      >
        {aging.data && aging.data.length > 0 && (
          <ReportChart title={t('reports:aging.byDays')} format={formatCount} {...chart} />
        )}
        <DataTable
          caption={t('reports:aging.caption')}
          rows={aging.data}
          isLoading={aging.isLoading}
          error={aging.error}
          retry={() => aging.refetch()}
          rowKey={(row) => row.vin}
          columns={columns(t)}
          searchText={(row) => `${row.vin} ${row.year} ${row.manufacturer} ${row.model} ${row.color}`}
          empty={problem ?? t('reports:aging.empty')}
          pageSize={50}
        />
      </ReportSection>
    </>
  );
}
