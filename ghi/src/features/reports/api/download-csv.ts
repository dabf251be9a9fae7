import type { ApiClient } from '../../../lib/api-client';
import { fetchListCsv, saveCsv } from '../../../lib/export-csv';

/** The report's range as query parameters: an empty date is left out, the API then chooses. */
export function rangeParams(range: { from: string; to: string }): Record<string, string> {
  return Object.fromEntries(Object.entries(range).filter(([, value]) => value !== ''));
}

/**
 * Asks the report's own address for CSV (`Accept: text/csv`: the same rows the page shows) and
 * saves it as `filename`, the way every list's Export CSV does.
 */
export async function downloadCsv(
  client: ApiClient,
  path: string,
  range: { from: string; to: string },
  filename: string,
): Promise<void> {
  saveCsv(await fetchListCsv({ api: client, url: path, params: rangeParams(range) }), filename);
}

/** `sales-by-month 2026-01-01 to 2026-11-30.csv`, or without dates when the range is open. */
export function csvName(report: string, range: { from: string; to: string }): string {
  const dates = [range.from || 'start', range.to || 'today'];
  return range.from || range.to ? `${report}-${dates.join('-to-')}.csv` : `${report}.csv`;
}
