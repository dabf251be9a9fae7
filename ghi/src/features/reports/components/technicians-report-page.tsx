import '../reports.css';
import { defaultWeeksRange, type TechnicianWeekRow } from '@carcar/common/contract/reports';
import { useMemo } from 'react';
import { type Column, DataTable } from '../../../components/data-table';
import { downloadTechnicianWeeks, useTechnicianWeeks } from '../api/get-technician-weeks';
import { dayLabel, formatCount } from './labels';
import { ReportChart } from './report-chart';
import { ReportRangeForm, useReportRange } from './report-range';
import { ReportSection } from './report-section';

const number = (key: 'booked' | 'finished' | 'canceled' | 'open', header: string): Column<TechnicianWeekRow> => ({
  key,
  header,
  cell: (row) => formatCount(row[key]),
  sortValue: (row) => row[key],
});

const columns: Column<TechnicianWeekRow>[] = [
  { key: 'week', header: 'Week of', cell: (row) => dayLabel(row.week), sortValue: (row) => row.week },
  {
    key: 'technician',
    header: 'Technician',
    cell: (row) => `${row.technician} (${row.employee_id})`,
    sortValue: (row) => row.technician,
  },
  number('booked', 'Booked'),
  number('finished', 'Finished'),
  number('canceled', 'Canceled'),
  number('open', 'Still open'),
];

/** Managers: each technician's appointments per week, and what became of them. */
export function TechniciansReportPage() {
  const dates = useReportRange({ defaults: defaultWeeksRange });
  const { range, problem } = dates;
  const weeks = useTechnicianWeeks(range, !problem);

  // The workshop's week: every technician's appointments added up, split by what became of them.
  const chart = useMemo(() => {
    const totals = new Map<string, { finished: number; canceled: number; open: number }>();
    for (const row of weeks.data ?? []) {
      const week = totals.get(row.week) ?? { finished: 0, canceled: 0, open: 0 };
      week.finished += row.finished;
      week.canceled += row.canceled;
      week.open += row.open;
      totals.set(row.week, week);
    }
    const ordered = [...totals].sort(([a], [b]) => (a < b ? -1 : 1));
    const values = (key: 'finished' | 'canceled' | 'open') => ordered.map(([, week]) => week[key]);
    return {
      labels: ordered.map(([week]) => dayLabel(week)),
      series: [
        { label: 'Finished', values: values('finished') },
        { label: 'Canceled', values: values('canceled') },
        { label: 'Still open', values: values('open') },
      ],
    };
  }, [weeks.data]);

  return (
    <>
      <h1>Technicians’ weeks</h1>
      <ReportRangeForm
        {...dates}
        hint="Appointments starting on these days, both included; weeks run Monday to Sunday on the dealership’s clock."
      />
      <ReportSection
        id="technician-weeks"
        title="Appointments per technician and week"
        download={() => downloadTechnicianWeeks(range)}
      >
        {chart.labels.length > 0 && (
          <ReportChart title="Appointments per week, all technicians" format={formatCount} stacked {...chart} />
        )}
        <DataTable
          caption="Appointments per technician and week"
          rows={weeks.data}
          isLoading={weeks.isLoading}
          error={weeks.error}
          retry={() => weeks.refetch()}
          rowKey={(row) => `${row.week}-${row.technician_id}`}
          columns={columns}
          searchText={(row) => `${row.technician} ${row.employee_id}`}
          empty={problem ?? 'No appointments in this range.'}
          pageSize={50}
        />
      </ReportSection>
    </>
  );
}
