import '../reports.css';
import type { GrossByDealRow, GrossBySalespersonRow } from '@carcar/common/contract/reports';
import { Link } from 'react-router-dom';
import { type Column, DataTable } from '../../../components/data-table';
import { VinLink } from '../../../components/vin-link';
import { formatDateTime, formatMoney } from '../../../lib/format';
import { salePath } from '../../../lib/paths';
import {
  downloadGrossByDeal,
  downloadGrossBySalesperson,
  useGrossByDeal,
  useGrossBySalesperson,
} from '../api/get-gross';
import { formatCount, monthLabel } from './labels';
import { ReportRangeForm, useReportRange } from './report-range';
import { ReportSection } from './report-section';

const gross = (value: number | null) => (value === null ? 'cost unknown' : formatMoney(value));

const personColumns: Column<GrossBySalespersonRow>[] = [
  { key: 'month', header: 'Month', cell: (row) => monthLabel(row.month), sortValue: (row) => row.month },
  {
    key: 'salesperson',
    header: 'Salesperson',
    cell: (row) => `${row.salesperson} (${row.employee_id})`,
    sortValue: (row) => row.salesperson,
  },
  { key: 'deals', header: 'Deals', cell: (row) => formatCount(row.deals), sortValue: (row) => row.deals },
  { key: 'revenue', header: 'Revenue', cell: (row) => formatMoney(row.revenue), sortValue: (row) => row.revenue },
  {
    key: 'gross',
    header: 'Front gross',
    cell: (row) =>
      `${formatMoney(row.front_gross)}${row.deals_without_cost > 0 ? ` (${row.deals_without_cost} without a cost)` : ''}`,
    sortValue: (row) => row.front_gross,
  },
  {
    key: 'average',
    header: 'Average per deal',
    cell: (row) => gross(row.average_front_gross),
    sortValue: (row) => row.average_front_gross ?? -1,
  },
];

const dealColumns: Column<GrossByDealRow>[] = [
  {
    key: 'sale',
    header: 'Sale',
    cell: (row) => <Link to={salePath(row.sale_id)}>Sale {row.sale_id}</Link>,
    sortValue: (row) => row.sale_id,
  },
  { key: 'date', header: 'Date', cell: (row) => formatDateTime(row.sold_at), sortValue: (row) => row.sold_at },
  { key: 'salesperson', header: 'Salesperson', cell: (row) => row.salesperson, sortValue: (row) => row.salesperson },
  { key: 'vin', header: 'Car', cell: (row) => <VinLink vin={row.vin} />, sortValue: (row) => row.vin },
  { key: 'price', header: 'Price', cell: (row) => formatMoney(row.price), sortValue: (row) => row.price },
  { key: 'cost', header: 'Cost', cell: (row) => gross(row.cost), sortValue: (row) => row.cost ?? -1 },
  {
    key: 'gross',
    header: 'Front gross',
    cell: (row) => gross(row.front_gross),
    sortValue: (row) => row.front_gross ?? Number.NEGATIVE_INFINITY,
  },
];

/** Managers: front gross (price − the car's cost) per salesperson and month, and per deal. */
export function GrossReportPage() {
  const dates = useReportRange();
  const { range, problem } = dates;
  const byPerson = useGrossBySalesperson(range, !problem);
  const byDeal = useGrossByDeal(range, !problem);
  return (
    <>
      <h1>Front gross</h1>
      <ReportRangeForm
        {...dates}
        hint="Days of the sale, both included. Voided sales are left out; a deal whose car's cost is unknown has no gross."
      />
      <ReportSection
        id="gross-by-salesperson"
        title="Gross by salesperson and month"
        download={() => downloadGrossBySalesperson(range)}
      >
        <DataTable
          caption="Front gross by salesperson and month"
          rows={byPerson.data}
          isLoading={byPerson.isLoading}
          error={byPerson.error}
          retry={() => byPerson.refetch()}
          rowKey={(row) => `${row.month}-${row.salesperson_id}`}
          columns={personColumns}
          empty={problem ?? 'No deals in this range.'}
          pageSize={100}
        />
      </ReportSection>
      <ReportSection id="gross-by-deal" title="Gross per deal" download={() => downloadGrossByDeal(range)}>
        <DataTable
          caption="Front gross per deal"
          rows={byDeal.data}
          isLoading={byDeal.isLoading}
          error={byDeal.error}
          retry={() => byDeal.refetch()}
          rowKey={(row) => row.sale_id}
          columns={dealColumns}
          searchText={(row) => `${row.sale_id} ${row.salesperson} ${row.vin}`}
          empty={problem ?? 'No deals in this range.'}
          pageSize={50}
        />
      </ReportSection>
    </>
  );
}
