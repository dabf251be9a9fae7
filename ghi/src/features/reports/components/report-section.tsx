import type { UseQueryResult } from '@tanstack/react-query';
import type { ComponentProps, ReactNode } from 'react';
import { DataTable } from '../../../components/data-table';
import { DownloadCsvButton } from './report-range';

/** One report on a page: its heading, the CSV download, then the chart and the table. */
export function ReportSection({
  id,
  title,
  download,
  children,
}: {
  id: string;
  title: string;
  download: () => Promise<void>;
  children: ReactNode;
}) {
  return (
    <section className="report-section" aria-labelledby={id}>
      <div className="report-section-header">
        <h2 id={id}>{title}</h2>
        <DownloadCsvButton download={download} label={title} />
      </div>
      {children}
    </section>
  );
}

/**
 * A report's table, filled by its query. While the chosen days are wrong (`problem`), nothing is
 * asked and the table says what is wrong instead of "nothing in these days".
 */
export function ReportTable<T>({
  query,
  problem,
  empty,
  ...table
}: {
  query: UseQueryResult<T[]>;
  problem: string | null;
  empty: string;
} & Omit<ComponentProps<typeof DataTable<T>>, 'rows' | 'isLoading' | 'error' | 'retry' | 'empty'>) {
  return (
    <DataTable
      {...table}
      rows={query.data}
      isLoading={query.isLoading}
      error={query.error}
      retry={() => query.refetch()}
      empty={problem ?? empty}
    />
  );
}
