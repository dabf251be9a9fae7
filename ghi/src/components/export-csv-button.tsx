import { Menu } from '@mantine/core';
import { useState } from 'react';
import { toast } from 'sonner';
import { errorMessage } from '../lib/api-client';
import { type CsvRequest, exportCsv } from '../lib/export-csv';
import { useTranslation } from '../lib/i18n';

interface ExportCsvProps {
  /** The file's name before the date: `automobiles` gives `automobiles-2026-11-30.csv`. */
  name: string;
  /** The page's own list request(s), with the filters on screen; paging is dropped. */
  request: CsvRequest | readonly CsvRequest[];
  label?: string;
}

/** The whole list as the filters show it, as a spreadsheet file; a failure is said in a toast. */
function useExportCsv({ name, request, label }: ExportCsvProps) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const run = async () => {
    setBusy(true);
    try {
      await exportCsv(name, request);
    } catch (error) {
      toast.error(t('common:export.failed', { reason: errorMessage(error) }));
    } finally {
      setBusy(false);
    }
  };
  return { busy, run, text: label ?? t('common:export.label') };
}

/** "Export CSV" as a button, where a page has no list menu. */
export function ExportCsvButton(props: ExportCsvProps) {
  const { busy, run, text } = useExportCsv(props);
  return (
    <button
      type="button"
      className="secondary outline small export-csv"
      disabled={busy}
      aria-busy={busy || undefined}
      onClick={run}
    >
      {text}
    </button>
  );
}

/** "Export CSV" in a list page's More menu (list-page.tsx). */
export function ExportCsvMenuItem(props: ExportCsvProps) {
  const { busy, run, text } = useExportCsv(props);
  return (
    <Menu.Item className="export-csv" disabled={busy} onClick={run}>
      {text}
    </Menu.Item>
  );
}
