import '../../../components/record.css';
import '../../../components/import.css';
import type { PartImportResult } from '@carcar/common/contract/parts';
import type { TFunction } from 'i18next';
import { useId, useState } from 'react';
import { Trans } from 'react-i18next';
import { Link } from 'react-router-dom';
import { Breadcrumb } from '../../../components/breadcrumb';
import { ApiError, errorMessage, type FieldError } from '../../../lib/api-client';
import { saveCsv } from '../../../lib/export-csv';
import { formatDecimal, formatNumber } from '../../../lib/format';
import { useTranslation } from '../../../lib/i18n';
import { useImportParts } from '../api/parts';

/** The API's limit, checked here first so a too-big file is not sent at all. */
const MAX_BYTES = 2 * 1024 * 1024;

const TEMPLATE =
  'number,description,price,cost,on_hand,reorder_point\r\nBP-1001,Front brake pads,89.00,41.50,12,4\r\nOIL-5W30,Engine oil 5W-30 (quart),8.50,3.10,40.5,12\r\n';

/** The columns (and the two places that are no column) the API names a problem by, in words. */
const columnWords = (t: TFunction): Record<string, string> => ({
  number: t('parts:column.number'),
  description: t('parts:column.description'),
  price: t('parts:column.price'),
  cost: t('parts:column.cost'),
  on_hand: t('parts:column.on_hand'),
  reorder_point: t('parts:column.reorder_point'),
  '(header)': t('parts:column.header'),
  '(file)': t('parts:column.file'),
});

/** Megabytes to one decimal, as the dealership writes numbers. */

/** One reason the file was refused: where in the file (the header is line 1), which column, why. */
interface ImportProblem extends FieldError {
  line?: number;
}

export function describePartProblem(t: TFunction, problem: ImportProblem): string {
  const where = [
    problem.line ? t('parts:import.line', { line: problem.line }) : null,
    columnWords(t)[problem.path] ?? problem.path,
  ]
    .filter(Boolean)
    .join(', ');
  const message = problem.message.endsWith('.') ? problem.message : `${problem.message}.`;
  return t('parts:import.problem', { where, message });
}

type Check =
  | { state: 'idle' }
  | { state: 'checking' }
  | { state: 'ok'; result: PartImportResult }
  | { state: 'refused'; message: string; problems: ImportProblem[] };

const refusal = (error: unknown): Check => ({
  state: 'refused',
  message: errorMessage(error),
  problems: error instanceof ApiError ? (error.fieldErrors as ImportProblem[]) : [],
});

/** A parts list from a spreadsheet (a new shop, a supplier's catalogue): checked by the API, then imported whole. */
export function ImportPartsPage() {
  const { t } = useTranslation('parts');
  const fileId = useId();
  const mutation = useImportParts();
  const [file, setFile] = useState<{ name: string; text: string } | null>(null);
  const [check, setCheck] = useState<Check>({ state: 'idle' });
  const [imported, setImported] = useState<PartImportResult | null>(null);
  const [readError, setReadError] = useState<string | null>(null);

  const choose = async (chosen: File | undefined) => {
    setFile(null);
    setCheck({ state: 'idle' });
    setImported(null);
    setReadError(null);
    if (!chosen) return;
    if (chosen.size > MAX_BYTES) {
      setReadError(t('parts:import.tooBig', { size: formatDecimal(chosen.size / 1024 / 1024, 1, 1) }));
      return;
    }
    const text = await chosen.text();
    setFile({ name: chosen.name, text });
    setCheck({ state: 'checking' });
    try {
      setCheck({ state: 'ok', result: await mutation.mutateAsync({ csv: text, dryRun: true }) });
    } catch (error) {
      setCheck(refusal(error));
    }
  };

  const runImport = async () => {
    if (!file) return;
    try {
      setImported(await mutation.mutateAsync({ csv: file.text, dryRun: false }));
      setCheck({ state: 'idle' });
    } catch (error) {
      setCheck(refusal(error));
    }
  };

  const ready = check.state === 'ok' ? check.result.valid : 0;
  return (
    <>
      <Breadcrumb
        crumbs={[{ label: t('parts:import.parts'), to: '/service/parts' }, { label: t('parts:import.breadcrumb') }]}
      />
      <h1>{t('parts:import.title')}</h1>
      <p>
        {/* The column names stay as the file must spell them, in <code>, within the translated sentence. */}
        <Trans t={t} i18nKey="parts:import.intro" components={{ code: <code /> }} />
      </p>
      <p>
        <button
          type="button"
          className="secondary outline small"
          onClick={() => saveCsv(TEMPLATE, 'parts-import-template.csv')}
        >
          {t('parts:import.template')}
        </button>
      </p>
      {imported && (
        <div role="status" className="import-done">
          <p>
            <strong>
              {t('parts:import.imported', { count: imported.created, formatted: formatNumber(imported.created) })}
            </strong>{' '}
            <Link to="/service/parts">{t('parts:import.seeList')}</Link>.
          </p>
        </div>
      )}
      <label htmlFor={fileId}>{t('parts:import.file')}</label>
      <input
        id={fileId}
        type="file"
        accept=".csv,text/csv"
        onChange={(event) => {
          void choose(event.target.files?.[0]);
          event.target.value = '';
        }}
      />
      {file && <p>{t('parts:import.chosen', { name: file.name })}</p>}
      {readError && (
        <p role="alert" className="form-error">
          {readError}
        </p>
      )}
      {check.state === 'checking' && (
        <p role="status" aria-busy="true">
          {t('parts:import.checking')}
        </p>
      )}
      {check.state === 'ok' && (
        <p role="status" className="import-ok">
          {t('parts:import.ready', { count: ready, formatted: formatNumber(ready) })}
        </p>
      )}
      {check.state === 'refused' && (
        <div role="alert" className="import-problems">
          <p>
            <strong>{check.message}.</strong> {check.problems.length > 0 && t('parts:import.fixThese')}
          </p>
          {check.problems.length > 0 && (
            <ul>
              {check.problems.map((problem, index) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: one line can have several problems, in the server's order
                <li key={index}>{describePartProblem(t, problem)}</li>
              ))}
            </ul>
          )}
        </div>
      )}
      {ready > 0 && (
        <p>
          <button
            type="button"
            disabled={mutation.isPending}
            aria-busy={mutation.isPending || undefined}
            onClick={runImport}
          >
            {t('parts:import.submit', { count: ready, formatted: formatNumber(ready) })}
          </button>
        </p>
      )}
    </>
  );
}
