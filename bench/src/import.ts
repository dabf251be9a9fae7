import { inventoryRoutes, pathTo } from '@carcar/common/contract/routes';
import { sampleVin } from '@carcar/common/vin/vin';
import { waitForSync } from './data.js';
import { type Spread, spread } from './load.js';
import type { Stack } from './stack.js';

// The stock import, `POST /inventory/api/automobiles/import/`: a manager's spreadsheet of 10,000
// new cars, sent through the gateway as the app sends it, timed from the first byte sent to the
// answer (parse, check, one transaction), median of the runs. Target: under 10 s.

export const IMPORT_ROWS = 10_000;
/** A VIN family of its own (another maker code), so imported cars never meet the loader's or a scenario's. */
const IMPORT_VIN_PREFIX = '2T1BURHE0JC';

export interface ImportBenchResult {
  rows: number;
  seconds: Spread;
  target: string;
  met: boolean;
}

/** A CSV of `rows` cars of one model, VIN serials from `first`, as a spreadsheet exports it. */
export function stockCsv(modelId: number, first: number, rows: number): string {
  const lines = ['vin,color,year,model_id'];
  for (let i = 0; i < rows; i++) lines.push(`${sampleVin(first + i, IMPORT_VIN_PREFIX)},silver,2018,${modelId}`);
  return `${lines.join('\r\n')}\r\n`;
}

export async function measureImport(stack: Stack, modelId: number, runs: number, rows = IMPORT_ROWS) {
  const seconds: number[] = [];
  for (let run = 0; run < runs; run++) {
    // The copies catch up on the previous run's cars first: that work is not the import's.
    await waitForSync(stack);
    const body = stockCsv(modelId, run * rows, rows);
    const started = performance.now();
    const res = await fetch(`${stack.gateway}/inventory${pathTo(inventoryRoutes.automobiles.import)}`, {
      method: 'POST',
      headers: { ...stack.gatewayToken, 'Content-Type': 'text/csv' },
      body,
    });
    const answer = (await res.json()) as { created?: number };
    const elapsed = (performance.now() - started) / 1000;
    if (!res.ok || answer.created !== rows) {
      throw new Error(`import of ${rows} rows answered ${res.status}: ${JSON.stringify(answer).slice(0, 500)}`);
    }
    seconds.push(elapsed);
  }
  await waitForSync(stack);
  const median = spread(seconds);
  return { rows, seconds: median, target: '< 10 s', met: median.median < 10 } satisfies ImportBenchResult;
}
