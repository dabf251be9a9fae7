import '../../../components/record.css';
import '../import.css';
import { parse } from 'csv-parse/browser/esm/sync';
import { useId, useState } from 'react';
import { Link } from 'react-router-dom';
import { ApiError, errorMessage } from '../../../lib/api-client';
import { saveCsv } from '../../../lib/export-csv';
import { type ImportProblem, type ImportResult, useImportAutomobiles } from '../api/import-automobiles';

/** The API's limits, checked here first so a too-big file is not sent at all. */
const MAX_BYTES = 2 * 1024 * 1024;
const MAX_ROWS = 10_000;
/** Rows shown in the preview; the check covers them all. */
const PREVIEW_ROWS = 100;

// A valid Camry VIN (check digit included) under a make and model the demo data has.
const TEMPLATE = 'vin,color,year,manufacturer,model\r\n4T1B11HK4RU900001,silver,2024,Toyota,Camry\r\n';

const columnWords: Record<string, string> = {
  vin: 'VIN',
  color: 'Color',
  year: 'Year',
  model_id: 'Model id',
  model: 'Model',
  manufacturer: 'Manufacturer',
  '(header)': 'Header row',
  '(file)': 'File',
};

/** "Line 3, VIN: …": where in the file and what is wrong, as the person fixing the file reads it. */
export function describeProblem(problem: ImportProblem): string {
  const where = [problem.line ? `Line ${problem.line}` : null, columnWords[problem.path] ?? problem.path]
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
  if (check.state === 'idle') return null;
  if (check.state === 'checking') {
    return (
      <p role="status" aria-busy="true">
        Checking the file…
      </p>
    );
  }
  if (check.state === 'ok') {
    const n = check.result.valid;
    return (
      <p role="status" className="import-ok">
        {n === 1 ? 'The car in the file is' : `All ${n.toLocaleString('en-US')} cars in the file are`} ready to import.
      </p>
    );
  }
  return (
    <div role="alert" className="import-problems">
      <p>
        <strong>{check.message}.</strong>{' '}
        {check.problems.length > 0 &&
          `Fix ${check.problems.length === 1 ? 'this row' : `these ${check.problems.length} problems`} in the file, then choose it again.`}
      </p>
      {check.problems.length > 0 && (
        <ul>
          {check.problems.map((problem, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: one line can have several problems, in the server's order
            <li key={index}>{describeProblem(problem)}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

function PreviewTable({ preview, badLines }: { preview: Preview; badLines: Set<number> }) {
  const shown = preview.rows.slice(0, PREVIEW_ROWS);
  return (
    <>
      <p>
        {preview.rows.length.toLocaleString('en-US')} {preview.rows.length === 1 ? 'row' : 'rows'} in the file
        {preview.rows.length > PREVIEW_ROWS && `; the first ${PREVIEW_ROWS} are shown`}.
      </p>
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a table wider than the screen scrolls inside itself, by keyboard too */}
      <section className="overflow-auto import-preview" tabIndex={0} aria-label="The file's rows">
        <table className="striped">
          <caption className="visually-hidden">The file's rows</caption>
          <thead>
            <tr>
              <th scope="col">Line</th>
              {preview.columns.map((column) => (
                <th key={column} scope="col">
                  {columnWords[column] ?? column}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {shown.map((row) => (
              <tr key={row.line} className={badLines.has(row.line) ? 'import-bad' : undefined}>
                <td>
                  {row.line}
                  {badLines.has(row.line) && <span className="badge canceled">Problem</span>}
                </td>
                {row.cells.map((cell, index) => (
                  <td key={preview.columns[index]}>{cell}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </>
  );
}

/** A manager's spreadsheet of new stock: previewed, checked by the server, then imported whole. */
export function ImportAutomobilesPage() {
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
      setReadError(`The file is ${(chosen.size / 1024 / 1024).toFixed(1)} MB; a file can be at most 2 MB.`);
      return;
    }
    const text = await chosen.text();
    setFile({ name: chosen.name, text });
    try {
      const rows = readPreview(text);
      if (rows.rows.length > MAX_ROWS) {
        setReadError(
          `The file has ${rows.rows.length.toLocaleString('en-US')} cars; a file can hold at most ${MAX_ROWS.toLocaleString('en-US')}.`,
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
      <nav aria-label="breadcrumb">
        <ul>
          <li>
            <Link to="/inventory/automobiles">Automobiles</Link>
          </li>
          <li aria-current="page">Import</li>
        </ul>
      </nav>
      <h1>Import cars from a CSV file</h1>
      <p>
        One car a row, under a header row naming the columns <code>vin</code>, <code>color</code>, <code>year</code> and
        either <code>manufacturer</code> and <code>model</code> (their names, as on the Vehicle models page) or{' '}
        <code>model_id</code>. Up to {MAX_ROWS.toLocaleString('en-US')} cars and 2 MB a file. The whole file is
        imported, or none of it.
      </p>
      <p>
        <button
          type="button"
          className="secondary outline small"
          onClick={() => saveCsv(TEMPLATE, 'automobiles-import-template.csv')}
        >
          Download a template
        </button>
      </p>
      {imported ? (
        <div role="status" className="import-done">
          <p>
            <strong>
              Imported {imported.created.toLocaleString('en-US')} {imported.created === 1 ? 'car' : 'cars'}.
            </strong>{' '}
            <Link to="/inventory/automobiles">See them in the automobiles list</Link>.
          </p>
        </div>
      ) : null}
      <label htmlFor={fileId}>CSV file</label>
      <input
        id={fileId}
        type="file"
        accept=".csv,text/csv"
        onChange={(event) => {
          void choose(event.target.files?.[0]);
          // Choosing the same file again (after fixing it) is a change too.
          event.target.value = '';
        }}
      />
      {file && <p>File: {file.name}</p>}
      {readError && (
        <p role="alert" className="form-error">
          {readError}
        </p>
      )}
      <CheckVerdict check={check} />
      {ready > 0 && (
        <p>
          <button
            type="button"
            disabled={mutation.isPending}
            aria-busy={mutation.isPending || undefined}
            onClick={runImport}
          >
            Import {ready.toLocaleString('en-US')} {ready === 1 ? 'car' : 'cars'}
          </button>
        </p>
      )}
      {preview && !imported && <PreviewTable preview={preview} badLines={badLines} />}
    </>
  );
}
