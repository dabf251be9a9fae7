import type { AxiosInstance } from 'axios';

/** The report's range as query parameters: an empty date is left out, the API then chooses. */
export function rangeParams(range: { from: string; to: string }): Record<string, string> {
  return Object.fromEntries(Object.entries(range).filter(([, value]) => value !== ''));
}

/**
 * Asks the report's own address for CSV (`Accept: text/csv`: the same rows the page shows) and
 * saves the answer as `filename`, through a link the browser downloads.
 */
export async function downloadCsv(
  client: AxiosInstance,
  path: string,
  range: { from: string; to: string },
  filename: string,
): Promise<void> {
  const answer = await client.get<string>(path, {
    params: rangeParams(range),
    headers: { Accept: 'text/csv' },
    responseType: 'text',
  });
  const url = URL.createObjectURL(new Blob([answer.data], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has its own copy once it started; the page need not keep the text.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** `sales-by-month 2026-01-01 to 2026-11-30.csv`, or without dates when the range is open. */
export function csvName(report: string, range: { from: string; to: string }): string {
  const dates = [range.from || 'start', range.to || 'today'];
  return range.from || range.to ? `${report}-${dates.join('-to-')}.csv` : `${report}.csv`;
}
