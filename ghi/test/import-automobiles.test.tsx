// @vitest-environment jsdom
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Role } from '@carcar/common/contract/permissions';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { appHarness, send, staffMember } from './app-harness';

// The automobile import page against a stand-in gateway over real HTTP: the file goes to the dry
// run as it is, every refused row is listed with its line and reason, and only a clean file imports.

const GOOD = 'vin,color,year,manufacturer,model\r\n4T1B11HK4RU900001,silver,2024,Toyota,Camry\r\n';
const BAD = `${GOOD}SHORT1,red,2024,Toyota,Camry\r\n4T1B11HK4RU900001,blue,2024,Toyota,Camry\r\n`;
const FIXED = `${GOOD}4T1B11HK6RU900002,red,2024,Toyota,Camry\r\n`;

const stub = { role: 'manager' as Role, posts: [] as { url: string; type: string; body: string }[] };

async function handle(req: IncomingMessage, res: ServerResponse) {
  const url = new URL(req.url ?? '/', 'http://stub');
  if (url.pathname === '/auth/me') {
    return send(res, 200, staffMember(stub.role, { name: 'Max Manager' }));
  }
  if (url.pathname === '/inventory/api/automobiles/import/' && req.method === 'POST') {
    let body = '';
    for await (const chunk of req) body += chunk;
    stub.posts.push({ url: `${url.pathname}${url.search}`, type: req.headers['content-type'] ?? '', body });
    const dryRun = url.searchParams.get('dry_run') === 'true';
    if (body.includes('SHORT1')) {
      return send(res, 400, {
        message: 'The file has problems; nothing was imported',
        code: 'validation_error',
        errors: [
          { line: 3, path: 'vin', message: 'A VIN has 17 characters; this one has 6' },
          { line: 4, path: 'vin', message: 'VIN 4T1B11HK4RU900001 is also on line 2' },
        ],
      });
    }
    const rows = body.trim().split('\r\n').length - 1;
    return send(res, 200, { created: dryRun ? 0 : rows, valid: rows, dry_run: dryRun });
  }
  return send(res, 404, { message: `Nothing at ${url.pathname}.` });
}

const harness = appHarness(handle, () => {
  stub.role = 'manager';
  stub.posts = [];
});

const csvFile = (text: string) => new File([text], 'stock.csv', { type: 'text/csv' });

describe('importing cars from a CSV file', () => {
  it('lists every refused row with its line and reason, marks it in the preview, and offers no import', async () => {
    render(harness().mount('/inventory/automobiles/import').ui);
    const user = userEvent.setup();
    await user.upload(await screen.findByLabelText('CSV file', {}, { timeout: 10_000 }), csvFile(BAD));

    const alert = await screen.findByRole('alert');
    expect(within(alert).getByText(/The file has problems; nothing was imported/)).toBeTruthy();
    expect(
      within(alert)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual([
      'Line 3, VIN: A VIN has 17 characters; this one has 6.',
      'Line 4, VIN: VIN 4T1B11HK4RU900001 is also on line 2.',
    ]);
    // The preview shows the file's rows with the server's line numbers; the refused ones are marked.
    const preview = screen.getByRole('region', { name: "The file's rows" });
    const rows = within(preview).getAllByRole('row').slice(1);
    expect(rows.map((row) => within(row).getAllByRole('cell')[0]?.textContent)).toEqual(['2', '3Problem', '4Problem']);
    expect(within(rows[1] as HTMLElement).getByText('SHORT1')).toBeTruthy();
    expect(screen.queryByRole('button', { name: /^Import/ })).toBeNull();
    // Only the dry run was asked for, with the file exactly as chosen.
    expect(stub.posts).toEqual([
      { url: '/inventory/api/automobiles/import/?dry_run=true', type: 'text/csv', body: BAD },
    ]);
  });

  it('imports a clean file once the dry run passes, then links to the list', async () => {
    render(harness().mount('/inventory/automobiles/import').ui);
    const user = userEvent.setup();
    await user.upload(await screen.findByLabelText('CSV file', {}, { timeout: 10_000 }), csvFile(FIXED));
    await screen.findByText('All 2 cars in the file are ready to import.');
    expect(stub.posts).toHaveLength(1);

    await user.click(screen.getByRole('button', { name: 'Import 2 cars' }));
    await screen.findByText('Imported 2 cars.');
    expect(screen.getByRole('link', { name: 'See them in the automobiles list' }).getAttribute('href')).toBe(
      '/inventory/automobiles',
    );
    expect(stub.posts.map((p) => p.url)).toEqual([
      '/inventory/api/automobiles/import/?dry_run=true',
      '/inventory/api/automobiles/import/',
    ]);
    expect(stub.posts[1]?.body).toBe(FIXED);
  });

  it('is a managers’ page: a salesperson is refused it and sends nothing', async () => {
    stub.role = 'sales';
    render(harness().mount('/inventory/automobiles/import').ui);
    await screen.findByRole('heading', { level: 1, name: 'No access' });
    expect(screen.queryByLabelText('CSV file')).toBeNull();
    expect(stub.posts).toEqual([]);
  });
});
