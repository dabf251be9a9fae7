import '../../../components/record.css';
import '../../inventory/import.css';
import type { PartImportResult } from '@carcar/common/contract/parts';
import { useId, useState } from 'react';
import { Link } from 'react-router-dom';
import { ApiError, errorMessage, type FieldError } from '../../../lib/api-client';
import { saveCsv } from '../../../lib/export-csv';
import { useImportParts } from '../api/parts';

/** The API's limit, checked here first so a too-big file is not sent at all. */
const MAX_BYTES = 2 * 1024 * 1024;

const TEMPLATE =
  'number,description,price,cost,on_hand,reorder_point\r\nBP-1001,Front brake pads,89.00,41.50,12,4\r\nOIL-5W30,Engine oil 5W-30 (quart),8.50,3.10,40.5,12\r\n';

const columnWords: Record<string, string> = {
  number: 'Part number',
  description: 'Description',
  price: 'Price',
  cost: 'Cost',
  on_hand: 'On hand',
  reorder_point: 'Reorder at',
  '(header)': 'Header row',
  '(file)': 'File',
};

/** One reason the file was refused: where in the file (the header is line 1), which column, why. */
interface ImportProblem extends FieldError {
  line?: number;
}

export function describePartProblem(problem: ImportProblem): string {
  const where = [problem.line ? `Line ${problem.line}` : null, columnWords[problem.path] ?? problem.path]
    .filter(Boolean)
    .join(', ');
  const message = problem.message.endsWith('.') ? problem.message : `${problem.message}.`;
  return `${where}: ${message}`;
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

const partsWord = (n: number) => `${n.toLocaleString('en-US')} ${n === 1 ? 'part' : 'parts'}`;

/** A parts list from a spreadsheet (a new shop, a supplier's catalogue): checked by the API, then imported whole. */
export function ImportPartsPage() {
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
      setReadError(`The file is ${(chosen.size / 1024 / 1024).toFixed(1)} MB; a file can be at most 2 MB.`);
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
      <nav aria-label="breadcrumb">
        <ul>
          <li>
            <Link to="/service/parts">Parts</Link>
          </li>
          <li aria-current="page">Import</li>
        </ul>
      </nav>
      <h1>Import parts from a CSV file</h1>
      <p>
        One part a row, under a header row naming the columns <code>number</code>, <code>description</code>,{' '}
        <code>price</code> and, if you have them, <code>cost</code>, <code>on_hand</code> (the opening stock) and{' '}
        <code>reorder_point</code>. Up to 2 MB a file. The whole file is imported, or none of it.
      </p>
      <p>
        <button
          type="button"
          className="secondary outline small"
          onClick={() => saveCsv(TEMPLATE, 'parts-import-template.csv')}
        >
          Download a template
        </button>
      </p>
      {imported && (
        <div role="status" className="import-done">
          <p>
            <strong>Imported {partsWord(imported.created)}.</strong> <Link to="/service/parts">See the parts list</Link>
            .
          </p>
        </div>
      )}
      <label htmlFor={fileId}>CSV file</label>
      <input
        id={fileId}
        type="file"
        accept=".csv,text/csv"
        onChange={(event) => {
          void choose(event.target.files?.[0]);
          event.target.value = '';
        }}
      />
      {file && <p>File: {file.name}</p>}
      {readError && (
        <p role="alert" className="form-error">
          {readError}
        </p>
      )}
      {check.state === 'checking' && (
        <p role="status" aria-busy="true">
          Checking the file…
        </p>
      )}
      {check.state === 'ok' && (
        <p role="status" className="import-ok">
          {ready === 1 ? 'The part in the file is' : `All ${partsWord(ready)} in the file are`} ready to import.
        </p>
      )}
      {check.state === 'refused' && (
        <div role="alert" className="import-problems">
          <p>
            <strong>{check.message}.</strong>{' '}
            {check.problems.length > 0 && 'Fix these in the file, then choose it again.'}
          </p>
          {check.problems.length > 0 && (
            <ul>
              {check.problems.map((problem, index) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: one line can have several problems, in the server's order
                <li key={index}>{describePartProblem(problem)}</li>
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
            Import {partsWord(ready)}
          </button>
        </p>
      )}
    </>
  );
}
