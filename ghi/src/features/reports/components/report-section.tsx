import type { ReactNode } from 'react';
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
