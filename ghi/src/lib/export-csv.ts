import { type ApiClient, ApiError } from './api-client';
import type { ListParams } from './paged';

/** One list request as a page makes it: which API, which address, which filters. */
export interface CsvRequest {
  api: ApiClient;
  url: string;
  params?: ListParams;
}

/**
 * The page's filters as the export sends them: the same search, filters and order, but never
 * `limit`/`offset`, so the whole filtered list comes rather than the page on screen.
 */
export function exportParams(params: ListParams = {}): Record<string, string | number | boolean> {
  return Object.fromEntries(
    Object.entries(params).filter(
      (entry): entry is [string, string | number | boolean] =>
        entry[0] !== 'limit' && entry[0] !== 'offset' && entry[1] !== undefined && entry[1] !== '',
    ),
  );
}

/** `automobiles-2026-11-30.csv`: the list's name and the day it was exported, on the local calendar. */
export function exportFileName(name: string, now: Date = new Date()): string {
  const day = [now.getFullYear(), now.getMonth() + 1, now.getDate()].map((n) => String(n).padStart(2, '0')).join('-');
  return `${name}-${day}.csv`;
}

async function fetchCsv({ api, url, params }: CsvRequest): Promise<string> {
  const response = await api.get<string>(url, {
    params: exportParams(params),
    headers: { Accept: 'text/csv' },
    responseType: 'text',
    // The whole list can take longer than a page.
    timeout: 120_000,
  });
  return typeof response.data === 'string' ? response.data : String(response.data);
}

/** The header row with its line end (the APIs write CRLF, as RFC 4180 says). */
function firstLine(csv: string): string {
  const end = csv.indexOf('\r\n');
  return end < 0 ? csv : csv.slice(0, end + 2);
}

/**
 * The CSV of one list, or of several lists of the same rows (the service board's "Done" asks for
 * finished and canceled separately): their rows one after the other under one header.
 */
export async function fetchListCsv(requests: CsvRequest | readonly CsvRequest[]): Promise<string> {
  const all = Array.isArray(requests) ? requests : [requests as CsvRequest];
  const parts = (await Promise.all(all.map(fetchCsv))).filter((csv) => csv.trim() !== '');
  const [first, ...rest] = parts;
  if (first === undefined) return '';
  const header = firstLine(first);
  let csv = first;
  for (const part of rest) {
    if (firstLine(part) !== header) {
      throw new ApiError('The lists to export have different columns; export them one at a time.', null);
    }
    csv += (csv.endsWith('\r\n') ? '' : '\r\n') + part.slice(header.length);
  }
  return csv;
}

/**
 * Hands `csv` to the browser as a download named `fileName`. The byte-order mark lets a
 * spreadsheet read the file as UTF-8, so "Zoë" does not open as "ZoÃ«".
 */
export function saveCsv(csv: string, fileName: string): void {
  const blob = new Blob(['\uFEFF', csv], { type: 'text/csv;charset=utf-8' });
  const href = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = href;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The click has started the download; the address is freed once the browser has read it.
  setTimeout(() => URL.revokeObjectURL(href), 10_000);
}

/** Downloads the whole filtered list as `name-YYYY-MM-DD.csv`; answers the file name. */
export async function exportCsv(name: string, requests: CsvRequest | readonly CsvRequest[]): Promise<string> {
  const fileName = exportFileName(name);
  saveCsv(await fetchListCsv(requests), fileName);
  return fileName;
}
