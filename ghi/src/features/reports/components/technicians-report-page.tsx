import { formatDate, formatNumber } from '../../../lib/format';
import '../reports.css';
import { defaultWeeksRange, type TechnicianWeekRow } from '@carcar/common/contract/reports';
import type { TFunction } from 'i18next';
import { useMemo } from 'react';
import type { Column } from '../../../components/data-table';
import { useTranslation } from '../../../lib/i18n';
import { downloadTechnicianWeeks, useTechnicianWeeks } from '../api/get-technician-weeks';
import { ReportChart } from './report-chart';
import { ReportRangeForm, useReportRange } from './report-range';
import { ReportSection, ReportTable } from './report-section';

const number = (key: 'booked' | 'finished' | 'canceled' | 'open', header: string): Column<TechnicianWeekRow> => ({
  key,
  header,
  cell: (row) => formatNumber(row[key]),
  sortValue: (row) => row[key],
});

const columns = (t: TFunction): Column<TechnicianWeekRow>[] => [
  { key: 'week', header: t('reports:weeks.weekOf'), cell: (row) => formatDate(row.week), sortValue: (row) => row.week },
  {
    key: 'technician',
    header: t('reports:weeks.technician'),
    cell: (row) => `${row.technician} (${row.employee_id})`,
    sortValue: (row) => row.technician,
  },
  number('booked', t('reports:weeks.booked')),
  number('finished', t('reports:weeks.finished')),
  number('canceled', t('reports:weeks.canceled')),
  number('open', t('reports:weeks.open')),
];

/** Managers: each technician's appointments per week, and what became of them. */
export function TechniciansReportPage() {
  const { t } = useTranslation();
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
      labels: ordered.map(([week]) => formatDate(week)),
      series: [
        { label: t('reports:weeks.finished'), values: values('finished') },
        { label: t('reports:weeks.canceled'), values: values('canceled') },
        { label: t('reports:weeks.open'), values: values('open') },
      ],
    };
  }, [weeks.data, t]);

  return (
    <>
      <h1>{t('reports:weeks.title')}</h1>
      <ReportRangeForm {...dates} hint={t('reports:weeks.hint')} />
      <ReportSection
        id="technician-weeks"
        title={t('reports:weeks.perTechnician')}
        download={() => downloadTechnicianWeeks(range)}
      >
        {chart.labels.length > 0 && (
          <ReportChart title={t('reports:weeks.perWeek')} format={formatNumber} stacked {...chart} />
        )}
        <ReportTable
          caption={t('reports:weeks.perTechnician')}
          query={weeks}
          rowKey={(row) => `${row.week}-${row.technician_id}`}
          columns={columns(t)}
          searchText={(row) => `${row.technician} ${row.employee_id}`}
          problem={problem}
          empty={t('reports:weeks.empty')}
          pageSize={50}
        />
      </ReportSection>
    </>
  );
}
