// @vitest-environment jsdom
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { ExportCsvButton } from '../src/components/export-csv-button';
import { type ApiClient, createApiClient } from '../src/lib/api-client';
import { exportFileName, exportParams, fetchListCsv } from '../src/lib/export-csv';

// "Export CSV" against a real HTTP server: what the browser asks for, and the file it is handed.

const AUTOS = 'vin,color,sold\r\n1C3CC5FB2AN120174,blue,false\r\n';
const FINISHED = 'id,status,vin\r\n3,finished,1C3CC5FB2AN120174\r\n';
const CANCELED = 'id,status,vin\r\n4,canceled,1C3CC5FB2AN120174\r\n5,canceled,1C3CC5FB2AN120174\r\n';

let server: Server;
let api: ApiClient;
const seen: { url: string; headers: IncomingHttpHeaders }[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    seen.push({ url: req.url ?? '', headers: req.headers });
    res.setHeader('Access-Control-Allow-Origin', '*');
    const url = new URL(req.url ?? '/', 'http://stub');
    const body =
      url.pathname === '/api/appointments/'
        ? url.searchParams.get('status') === 'finished'
          ? FINISHED
          : url.searchParams.get('status') === 'canceled'
            ? CANCELED
            : 'other,columns\r\n1,2\r\n'
        : AUTOS;
    if (req.headers.accept !== 'text/csv') {
      res.writeHead(406).end();
      return;
    }
    res.writeHead(200, { 'Content-Type': 'text/csv; charset=utf-8' }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  api = createApiClient(`http://127.0.0.1:${(server.address() as AddressInfo).port}`, 'test');
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
afterEach(() => {
  cleanup();
  seen.length = 0;
  vi.restoreAllMocks();
});

describe('the export helper', () => {
  it('keeps the filters and drops the paging and empty values', () => {
    expect(
      exportParams({ q: 'blue', sold: false, sort: '-id', limit: 20, offset: 40, technician: undefined, x: '' }),
    ).toEqual({
      q: 'blue',
      sold: false,
      sort: '-id',
    });
  });

  it('names the file after the list and the local day it was exported', () => {
    expect(exportFileName('automobiles', new Date(2026, 10, 30, 23, 59))).toBe('automobiles-2026-11-30.csv');
    expect(exportFileName('sales', new Date(2027, 0, 5, 0, 1))).toBe('sales-2027-01-05.csv');
  });

  it('puts the lists of several statuses under one header', async () => {
    const csv = await fetchListCsv([
      { api, url: '/api/appointments/', params: { status: 'finished', limit: 25 } },
      { api, url: '/api/appointments/', params: { status: 'canceled', offset: 25 } },
    ]);
    expect(csv).toBe(`${FINISHED}4,canceled,1C3CC5FB2AN120174\r\n5,canceled,1C3CC5FB2AN120174\r\n`);
    expect(seen.map((s) => s.url).sort()).toEqual([
      '/api/appointments/?status=canceled',
      '/api/appointments/?status=finished',
    ]);
  });

  it('refuses to glue lists with different columns', async () => {
    await expect(
      fetchListCsv([
        { api, url: '/api/appointments/', params: { status: 'finished' } },
        { api, url: '/api/appointments/' },
      ]),
    ).rejects.toThrow('different columns');
  });
});

describe('the Export CSV button', () => {
  it('downloads the whole filtered list as CSV, named after the list and today', async () => {
    const blobs: Blob[] = [];
    // jsdom has no object URLs; the browser's are opaque too: what matters is the Blob behind it.
    URL.createObjectURL = (blob: Blob | MediaSource) => {
      blobs.push(blob as Blob);
      return `blob:test/${blobs.length}`;
    };
    URL.revokeObjectURL = () => {};
    const clicks: { href: string; download: string }[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicks.push({ href: this.getAttribute('href') ?? '', download: this.download });
    });

    render(
      <ExportCsvButton
        name="automobiles"
        request={{
          api,
          url: '/api/automobiles/',
          params: { q: 'blue', sold: false, sort: '-id', limit: 20, offset: 40 },
        }}
      />,
    );
    await userEvent.click(screen.getByRole('button', { name: 'Export CSV' }));

    await waitFor(() => expect(clicks).toHaveLength(1));
    expect(seen).toHaveLength(1);
    expect(seen[0]?.url).toBe('/api/automobiles/?q=blue&sold=false&sort=-id');
    expect(seen[0]?.headers.accept).toBe('text/csv');
    expect(clicks[0]).toEqual({ href: 'blob:test/1', download: exportFileName('automobiles') });
    expect(blobs[0]?.type).toBe('text/csv;charset=utf-8');
    // The byte-order mark first (text() would drop it), then the API's CSV as it came.
    const bytes = new Uint8Array((await blobs[0]?.arrayBuffer()) ?? new ArrayBuffer(0));
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder().decode(bytes.slice(3))).toBe(AUTOS);
    // The link was only the means: nothing is left in the page.
    expect(document.querySelector('a[download]')).toBeNull();
    expect(screen.getByRole('button', { name: 'Export CSV' })).toHaveProperty('disabled', false);
  });
});
