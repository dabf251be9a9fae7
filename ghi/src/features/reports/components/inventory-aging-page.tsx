import '../reports.css';
import type { InventoryAgingRow } from '@carcar/common/contract/reports';
import { useMemo } from 'react';
import { type Column, DataTable } from '../../../components/data-table';
import { VinLink } from '../../../components/vin-link';
import { formatDateTime } from '../../../lib/format';
import { downloadInventoryAging, useInventoryAging } from '../api/get-inventory-aging';
import { formatCount } from './labels';
import { ReportChart } from './report-chart';
import { ReportRangeForm, useReportRange } from './report-range';
import { ReportSection } from './report-section';

/** The age bands of the chart, in days in stock: each up to and including `upTo`. */
const bands = [
  { label: '0–30 days', upTo: 30 },
  { label: '31–60 days', upTo: 60 },
  { label: '61–90 days', upTo: 90 },
  { label: '91–180 days', upTo: 180 },
  { label: 'Over 180 days', upTo: Number.POSITIVE_INFINITY },
];

const columns: Column<InventoryAgingRow>[] = [
  { key: 'vin', header: 'VIN', cell: (row) => <VinLink vin={row.vin} />, sortValue: (row) => row.vin },
  {
    key: 'car',
    header: 'Car',
    cell: (row) => `${row.year} ${row.manufacturer} ${row.model}, ${row.color}`,
    sortValue: (row) => `${row.manufacturer} ${row.model} ${row.year}`,
  },
  {
    key: 'arrived',
    header: 'Arrived',
    cell: (row) => formatDateTime(row.arrived_at),
    sortValue: (row) => row.arrived_at,
  },
  {
    key: 'days',
    header: 'Days in stock',
    cell: (row) => formatCount(row.days_in_stock),
    sortValue: (row) => row.days_in_stock,
  },
];

/** Managers: every unsold car and how long it has waited, oldest first. */
export function InventoryAgingPage() {
  const dates = useReportRange({ open: true });
  const { range, problem } = dates;
  const aging = useInventoryAging(range, !problem);

  const chart = useMemo(() => {
    const counts = bands.map(() => 0);
    for (const row of aging.data ?? []) {
      const band = bands.findIndex((one) => row.days_in_stock <= one.upTo);
      counts[band] = (counts[band] ?? 0) + 1;
    }
    return { labels: bands.map((band) => band.label), series: [{ label: 'Cars', values: counts }] };
  }, [aging.data]);

  return (
    <>
      <h1>Inventory aging</h1>
      <ReportRangeForm
        {...dates}
        hint="Leave both empty for every unsold car, or choose the days they arrived on (UTC)."
      />
      <ReportSection
        id="inventory-aging"
        title="Unsold cars by days in stock"
        download={() => downloadInventoryAging(range)}
      >
        {aging.data && aging.data.length > 0 && (
          <ReportChart title="Unsold cars by days in stock" format={formatCount} {...chart} />
        )}
        <DataTable
          caption="Unsold cars, oldest first"
          rows={aging.data}
          isLoading={aging.isLoading}
          error={aging.error}
          retry={() => aging.refetch()}
          rowKey={(row) => row.vin}
          columns={columns}
          searchText={(row) => `${row.vin} ${row.year} ${row.manufacturer} ${row.model} ${row.color}`}
          empty={problem ?? 'No unsold cars.'}
          pageSize={50}
        />
      </ReportSection>
    </>
  );
}
