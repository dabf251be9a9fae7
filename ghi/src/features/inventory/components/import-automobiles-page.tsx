import '../../../components/record.css';
import '../../../components/import.css';
import { Button, Table, TextInput } from '@mantine/core';
import { parse } from 'csv-parse/browser/esm/sync';
import type { TFunction } from 'i18next';
import { useId, useState } from 'react';
import { Trans } from 'react-i18next';
import { Link } from 'react-router-dom';
import { Breadcrumb } from '../../../components/breadcrumb';
import { ApiError, errorMessage } from '../../../lib/api-client';
import { saveCsv } from '../../../lib/export-csv';
import { formatDecimal, formatNumber } from '../../../lib/format';
import { useTranslation } from '../../../lib/i18n';
import { type ImportProblem, type ImportResult, useImportAutomobiles } from '../api/import-automobiles';

/** The API's limits, checked here first so a too-big file is not sent at all. */
const MAX_BYTES = 2 * 1024 * 1024;
const MAX_ROWS = 10_000;
/** Rows shown in the preview; the check covers them all. */
const PREVIEW_ROWS = 100;

// A valid Camry VIN (check digit included) under a make and model the demo data has.
const TEMPLATE = 'vin,color,year,manufacturer,model\r\n4T1B11HK4RU900001,silver,2024,Toyota,Camry\r\n';

const columnWords = (t: TFunction): Record<string, string> => ({
  vin: t('inventory:import.column.vin'),
  color: t('inventory:import.column.color'),
  year: t('inventory:import.column.year'),
  model_id: t('inventory:import.column.modelId'),
  model: t('inventory:import.column.model'),
  manufacturer: t('inventory:import.column.manufacturer'),
  '(header)': t('inventory:import.column.header'),
  '(file)': t('inventory:import.column.file'),
});

/** "Line 3, VIN: …": where in the file and what is wrong, as the person fixing the file reads it. */
export function describeProblem(t: TFunction, problem: ImportProblem): string {
  const where = [
    problem.line ? t('inventory:import.lineNumber', { line: problem.line }) : null,
    columnWords(t)[problem.path] ?? problem.path,
  ]
    .filter(Boolean)
    .join(', ');
  const message = problem.message.endsWith('.') ? problem.message : `${problem.message}.`;
  return `${where}: ${message}`;
}

interface Preview {
  columns: string[];
  rows: { line: number; cells: string[] }[];
}

/** The file's rows as the server will read them, each with the line it ends on (the header is line 1). */
function readPreview(text: string): Preview {
  let columns: string[] = [];
  const records = parse(text, {
    bom: true,
    columns: (header: string[]) => {
      columns = header.map((name) => name.trim().toLowerCase());
      return columns;
    },
    record_delimiter: ['\r\n', '\n', '\r'],
    skip_empty_lines: true,
    trim: true,
    info: true,
  }) as Array<{ record: Record<string, string>; info: { lines: number } }>;
  return {
    columns,
    rows: records.map(({ record, info }) => ({ line: info.lines, cells: columns.map((c) => record[c] ?? '') })),
  };
}

type Check =
  | { state: 'idle' }
  | { state: 'checking' }
  | { state: 'ok'; result: ImportResult }
  | { state: 'refused'; message: string; problems: ImportProblem[] };

function problemsOf(error: unknown): { message: string; problems: ImportProblem[] } {
  if (error instanceof ApiError) {
    return { message: error.message, problems: error.fieldErrors as ImportProblem[] };
  }
  return { message: errorMessage(error), problems: [] };
}

/** What the server said about the file: every bad row with its line and why, or that all is well. */
export function CheckVerdict({ check }: { check: Check }) {
  const { t } = useTranslation();
  if (check.state === 'idle') return null;
  if (check.state === 'checking') {
    return (
      <p role="status" aria-busy="true">
        {t('inventory:import.checking')}
      </p>
    );
  }
  if (check.state === 'ok') {
    const n = check.result.valid;
    return (
      <p role="status" className="import-ok">
        {t('inventory:import.ready', { count: n, formatted: formatNumber(n) })}
      </p>
    );
  }
  return (
    <div role="alert" className="import-problems">
      <p>
        <strong>{check.message}.</strong>{' '}
        {check.problems.length > 0 &&
          t('inventory:import.fix', { count: check.problems.length, formatted: formatNumber(check.problems.length) })}
      </p>
      {check.problems.length > 0 && (
        <ul>
          {check.problems.map((problem, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: one line can have several problems, in the server's order
            <li key={index}>{describeProblem(t, problem)}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

function PreviewTable({ preview, badLines }: { preview: Preview; badLines: Set<number> }) {
  const { t } = useTranslation();
  const shown = preview.rows.slice(0, PREVIEW_ROWS);
  const words = columnWords(t);
  return (
    <>
      <p>
        {t('inventory:import.rows', { count: preview.rows.length, formatted: formatNumber(preview.rows.length) })}
        {preview.rows.length > PREVIEW_ROWS && t('inventory:import.firstShown', { n: PREVIEW_ROWS })}.
      </p>
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a table wider than the screen scrolls inside itself, by keyboard too */}
      <section className="overflow-auto import-preview" tabIndex={0} aria-label={t('inventory:import.fileRows')}>
        <Table striped>
          <caption className="visually-hidden">{t('inventory:import.fileRows')}</caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('inventory:import.line')}</Table.Th>
              {preview.columns.map((column) => (
                <Table.Th key={column} scope="col">
                  {words[column] ?? column}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {shown.map((row) => (
              <Table.Tr key={row.line} className={badLines.has(row.line) ? 'import-bad' : undefined}>
                <Table.Td>
                  {row.line}
                  {badLines.has(row.line) && <span className="badge canceled">{t('inventory:import.problem')}</span>}
                </Table.Td>
                {row.cells.map((cell, index) => (
                  <Table.Td key={preview.columns[index]}>{cell}</Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </section>
    </>
  );
}

/** A manager's spreadsheet of new stock: previewed, checked by the server, then imported whole. */
export function ImportAutomobilesPage() {
  const { t } = useTranslation();
  const fileId = useId();
  const mutation = useImportAutomobiles();
  const [file, setFile] = useState<{ name: string; text: string } | null>(null);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [readError, setReadError] = useState<string | null>(null);
  const [check, setCheck] = useState<Check>({ state: 'idle' });
  const [imported, setImported] = useState<ImportResult | null>(null);

  const choose = async (chosen: File | undefined) => {
    setFile(null);
    setPreview(null);
    setReadError(null);
    setCheck({ state: 'idle' });
    setImported(null);
    if (!chosen) return;
    if (chosen.size > MAX_BYTES) {
      setReadError(t('inventory:import.tooBig', { size: formatDecimal(chosen.size / 1024 / 1024, 1, 1) }));
      return;
    }
    const text = await chosen.text();
    setFile({ name: chosen.name, text });
    try {
      const rows = readPreview(text);
      if (rows.rows.length > MAX_ROWS) {
        setReadError(
          t('inventory:import.tooMany', { rows: formatNumber(rows.rows.length), max: formatNumber(MAX_ROWS) }),
        );
        return;
      }
      setPreview(rows);
    } catch {
      // The server's check below says what is unreadable, and where.
    }
    setCheck({ state: 'checking' });
    try {
      setCheck({ state: 'ok', result: await mutation.mutateAsync({ csv: text, dryRun: true }) });
    } catch (error) {
      setCheck({ state: 'refused', ...problemsOf(error) });
    }
  };

  const runImport = async () => {
    if (!file) return;
    try {
      const result = await mutation.mutateAsync({ csv: file.text, dryRun: false });
      setImported(result);
      setCheck({ state: 'idle' });
    } catch (error) {
      setCheck({ state: 'refused', ...problemsOf(error) });
    }
  };

  const badLines = new Set(
    check.state === 'refused' ? check.problems.map((p) => p.line ?? 0).filter((line) => line > 1) : [],
  );
  const ready = check.state === 'ok' ? check.result.valid : 0;

  return (
    <>
      <Breadcrumb
        crumbs={[
          { label: t('inventory:import.automobiles'), to: '/inventory/automobiles' },
          { label: t('inventory:import.crumb') },
        ]}
      />
      <h1>{t('inventory:import.title')}</h1>
      <p>
        <Trans
          t={t}
          i18nKey="inventory:import.intro"
          values={{ max: formatNumber(MAX_ROWS) }}
          components={{ code: <code /> }}
        />
      </p>
      <p>
        <Button
          type="button"
          variant="default"
          size="xs"
          onClick={() => saveCsv(TEMPLATE, 'automobiles-import-template.csv')}
        >
          {t('inventory:import.template')}
        </Button>
      </p>
      {imported ? (
        <div role="status" className="import-done">
          <p>
            <strong>
              {t('inventory:import.imported', { count: imported.created, formatted: formatNumber(imported.created) })}
            </strong>{' '}
            <Link to="/inventory/automobiles">{t('inventory:import.seeThem')}</Link>.
          </p>
        </div>
      ) : null}
      {/* A native file input in the library's frame (not its FileInput, a button): the label names the
          input itself, which is what a file is given to. */}
      <TextInput
        id={fileId}
        type="file"
        label={t('inventory:import.csvFile')}
        accept=".csv,text/csv"
        mb="sm"
        onChange={(event) => {
          void choose(event.currentTarget.files?.[0]);
          // Choosing the same file again (after fixing it) is a change too.
          event.currentTarget.value = '';
        }}
      />
      {file && <p>{t('inventory:import.fileName', { name: file.name })}</p>}
      {readError && (
        <p role="alert" className="form-error">
          {readError}
        </p>
      )}
      <CheckVerdict check={check} />
      {ready > 0 && (
        <p>
          <Button
            type="button"
            disabled={mutation.isPending}
            aria-busy={mutation.isPending || undefined}
            onClick={runImport}
          >
            {t('inventory:import.importButton', { count: ready, formatted: formatNumber(ready) })}
          </Button>
        </p>
      )}
      {preview && !imported && <PreviewTable preview={preview} badLines={badLines} />}
    </>
  );
}
