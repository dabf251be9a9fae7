import { useState } from 'react';
import { toast } from 'sonner';
import { errorMessage } from '../lib/api-client';
import { type CsvRequest, exportCsv } from '../lib/export-csv';
import { useTranslation } from '../lib/i18n';

interface ExportCsvButtonProps {
  /** The file's name before the date: `automobiles` gives `automobiles-2026-11-30.csv`. */
  name: string;
  /** The page's own list request(s), with the filters on screen; paging is dropped. */
  request: CsvRequest | readonly CsvRequest[];
  label?: string;
}

/** "Export CSV" on a list page: the whole list as the filters show it, as a spreadsheet file. */
export function ExportCsvButton({ name, request, label }: ExportCsvButtonProps) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  return (
    <button
      type="button"
      className="secondary outline small export-csv"
      disabled={busy}
      aria-busy={busy || undefined}
      onClick={async () => {
        setBusy(true);
        try {
          await exportCsv(name, request);
        } catch (error) {
          toast.error(t('common:export.failed', { reason: errorMessage(error) }));
        } finally {
          setBusy(false);
        }
      }}
    >
      {label ?? t('common:export.label')}
    </button>
  );
}
