import { defaultReportRange, reportRangeQuery } from '@carcar/common/contract/reports';
import { useId, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { toast } from 'sonner';
import { errorMessage } from '../../../lib/api-client';
import { useTranslation } from '../../../lib/i18n';
import { dealershipToday } from '../../../lib/time-zone';

export interface DateRange {
  from: string;
  to: string;
}

/**
 * The report's days, kept in the address (`?from=&to=`) so a reload or a shared link shows the
 * same report. Without them: the API's default (`defaults`, the last twelve months unless given),
 * or (`open`) no limit at all.
 */
export function useReportRange({
  open = false,
  defaults = defaultReportRange,
}: {
  open?: boolean;
  defaults?: (today: string) => DateRange;
} = {}) {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const fallback = open ? { from: '', to: '' } : defaults(dealershipToday());
  const range: DateRange = { from: params.get('from') ?? fallback.from, to: params.get('to') ?? fallback.to };
  // The API's own rule, checked before asking; its sentence (English, as the API answers) said in the
  // user's language.
  const checked = reportRangeQuery.safeParse(
    Object.fromEntries(Object.entries(range).filter(([, value]) => value !== '')),
  );
  const issue = checked.success ? undefined : checked.error.issues[0];
  const problem = checked.success
    ? null
    : issue?.code === 'invalid_format'
      ? t('reports:range.badDate')
      : issue?.code === 'custom'
        ? range.from > range.to
          ? t('reports:range.order')
          : t('reports:range.tooLong')
        : t('reports:range.check');
  const change = (key: keyof DateRange, value: string) => {
    const next = new URLSearchParams(params);
    next.set(key, value);
    setParams(next, { replace: true });
  };
  return { range, problem, change };
}

/** From and To dates for a report; a sentence when they do not make a range. */
export function ReportRangeForm({
  range,
  problem,
  change,
  hint,
}: ReturnType<typeof useReportRange> & { hint: string }) {
  const { t } = useTranslation();
  const ids = useId();
  return (
    <form className="report-range" aria-label={t('reports:range.label')} onSubmit={(event) => event.preventDefault()}>
      <div className="grid">
        <div>
          <label htmlFor={`${ids}-from`}>{t('reports:range.from')}</label>
          <input
            id={`${ids}-from`}
            type="date"
            value={range.from}
            max={range.to || undefined}
            aria-invalid={problem ? true : undefined}
            onChange={(event) => change('from', event.target.value)}
          />
        </div>
        <div>
          <label htmlFor={`${ids}-to`}>{t('reports:range.to')}</label>
          <input
            id={`${ids}-to`}
            type="date"
            value={range.to}
            min={range.from || undefined}
            aria-invalid={problem ? true : undefined}
            aria-describedby={`${ids}-hint`}
            onChange={(event) => change('to', event.target.value)}
          />
        </div>
      </div>
      <small id={`${ids}-hint`}>{problem ?? hint}</small>
    </form>
  );
}

/** Saves the report as CSV: the same rows as the table, from the API. */
export function DownloadCsvButton({ download, label }: { download: () => Promise<void>; label: string }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  return (
    <button
      type="button"
      className="secondary outline small"
      aria-label={t('reports:download.label', { report: label })}
      disabled={busy}
      aria-busy={busy || undefined}
      onClick={async () => {
        setBusy(true);
        try {
          await download();
        } catch (error) {
          toast.error(t('reports:download.failed', { reason: errorMessage(error) }));
        } finally {
          setBusy(false);
        }
      }}
    >
      {t('reports:download.button')}
    </button>
  );
}
