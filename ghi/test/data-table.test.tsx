// @vitest-environment jsdom
import { cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { type Column, DataTable, keepIdsWhole } from '../src/components/data-table';
import { renderThemed } from './render';

interface Car {
  vin: string;
  year: number;
}

const columns: Column<Car>[] = [
  { key: 'vin', header: 'VIN', cell: (c) => c.vin, sortValue: (c) => c.vin },
  { key: 'year', header: 'Year', cell: (c) => c.year, sortValue: (c) => c.year },
];
const cars: Car[] = Array.from({ length: 25 }, (_, i) => ({
  vin: `VIN${String(i).padStart(2, '0')}`,
  year: 2000 + ((i * 7) % 25),
}));

function table(props: Partial<React.ComponentProps<typeof DataTable<Car>>> = {}) {
  return renderThemed(
    <DataTable<Car>
      caption="Cars"
      rows={cars}
      columns={columns}
      rowKey={(c) => c.vin}
      isLoading={false}
      error={null}
      searchText={(c) => c.vin}
      empty="No cars yet."
      pageSize={10}
      {...props}
    />,
  );
}

const bodyRows = () => within(screen.getAllByRole('rowgroup')[1] as HTMLElement).getAllByRole('row');

afterEach(cleanup);

describe('DataTable', () => {
  it('shows loading, error and empty states', () => {
    table({ isLoading: true });
    expect(screen.getByText('Loading…')).toBeTruthy();
    cleanup();
    table({ error: new Error('The inventory service is not reachable.') });
    expect(screen.getByRole('alert').textContent).toContain('not reachable');
    cleanup();
    table({ rows: [] });
    expect(screen.getByText('No cars yet.')).toBeTruthy();
  });

  it('pages long lists', async () => {
    table();
    expect(bodyRows()).toHaveLength(10);
    expect(screen.getByText('Page 1 of 3')).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Next' }));
    expect(screen.getByText('Page 2 of 3')).toBeTruthy();
    expect(bodyRows()[0]?.textContent).toContain('VIN10');
  });

  it('sorts by a column, both ways, and says so to assistive technology', async () => {
    table();
    await userEvent.click(screen.getByRole('button', { name: /Year/ }));
    expect(screen.getByRole('columnheader', { name: /Year/ }).getAttribute('aria-sort')).toBe('ascending');
    expect(bodyRows()[0]?.textContent).toContain('2000');
    await userEvent.click(screen.getByRole('button', { name: /Year/ }));
    expect(screen.getByRole('columnheader', { name: /Year/ }).getAttribute('aria-sort')).toBe('descending');
    expect(bodyRows()[0]?.textContent).toContain('2024');
  });

  it('filters rows and says when nothing matches', async () => {
    table();
    await userEvent.type(screen.getByLabelText('Filter'), 'vin2');
    expect(bodyRows().map((r) => r.textContent?.slice(0, 5))).toEqual(['VIN20', 'VIN21', 'VIN22', 'VIN23', 'VIN24']);
    await userEvent.type(screen.getByLabelText('Filter'), 'x');
    expect(screen.getByText(/Nothing matches/)).toBeTruthy();
  });

  it('says in the empty search box what it looks at', () => {
    table({ searchHint: 'VIN or year' });
    const box = screen.getByLabelText('Filter');
    expect(box.getAttribute('placeholder')).toBe('VIN or year');
    // And to a screen reader, which may not announce a placeholder.
    expect(screen.getByRole('searchbox', { description: 'VIN or year' })).toBe(box);
  });

  it('server-side: shows the page the API answered, its count, and asks the API for searches and pages', async () => {
    const asked: string[] = [];
    const pages: number[] = [];
    table({
      rows: cars.slice(0, 10),
      searchText: undefined,
      highlight: (c) => c.vin === 'VIN03',
      server: {
        total: 42,
        count: (n) => `${n} cars`,
        page: 0,
        pageSize: 10,
        onPage: (page) => pages.push(page),
        query: '',
        onQuery: (q) => asked.push(q),
        searchHint: 'VIN or year',
        isFetching: false,
      },
    });
    // Shown as answered: no client-side slicing, and the count is the API's.
    expect(bodyRows()).toHaveLength(10);
    expect(screen.getByRole('status').textContent).toBe('42 cars');
    expect(screen.getByText('Page 1 of 5')).toBeTruthy();
    expect(bodyRows()[3]?.getAttribute('data-new')).toBe('true');
    await userEvent.click(screen.getByRole('button', { name: 'Next' }));
    expect(pages).toEqual([1]);
    await userEvent.type(screen.getByLabelText('Search'), 'vin2{Enter}');
    expect(asked.at(-1)).toBe('vin2');
  });

  it("names each cell's column for a phone's two-line rows, except the columns that opt out", () => {
    interface Part {
      name: string;
      onHand: number;
      price: string;
    }
    const parts: Part[] = [{ name: 'Oil filter', onHand: 5, price: '$6.00' }];
    renderThemed(
      <DataTable<Part>
        caption="Parts"
        rows={parts}
        columns={[
          { key: 'name', header: 'Name', cell: (p) => p.name },
          { key: 'onHand', header: 'Quantity on hand', phoneLabel: 'On hand', cell: (p) => p.onHand, numeric: true },
          { key: 'price', header: 'Price', cell: (p) => p.price, sortValue: (p) => p.price },
          { key: 'notes', header: 'Notes', phoneLabel: false, cell: () => '—' },
          { key: 'actions', header: 'Actions', cell: () => <button type="button">Edit</button> },
        ]}
        rowKey={(p) => p.name}
        isLoading={false}
        error={null}
        empty="No parts."
      />,
    );
    const cells = within(bodyRows()[0] as HTMLElement).getAllByRole('cell');
    expect(cells.map((cell) => cell.getAttribute('data-label'))).toEqual([
      'Name',
      'On hand',
      // A sortable header's label is its plain name, not the sort button's.
      'Price',
      null,
      null,
    ]);
    // The label is drawn by CSS, no part of the cell's text, and the header still names the column.
    expect(cells[1]?.textContent).toBe('5');
    expect(screen.getByRole('columnheader', { name: 'Quantity on hand' })).toBeTruthy();
  });

  it('keeps a bracketed id whole, and only the id', () => {
    renderThemed(<p data-testid="linked">{keepIdsWhole('Technician Ana Ruiz (T-100); Salesperson Bo Li (S-200)')}</p>);
    const linked = screen.getByTestId('linked');
    const kept = [...linked.querySelectorAll('.list-table-keep')].map((span) => span.textContent);
    expect(kept).toEqual(['(T-100)', '(S-200)']);
    expect(linked.textContent).toBe('Technician Ana Ruiz (T-100); Salesperson Bo Li (S-200)');
    expect(keepIdsWhole('—')).toBe('—');
  });
});
