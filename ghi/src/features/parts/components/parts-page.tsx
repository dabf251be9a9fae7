import '../../../components/record.css';
import '../parts.css';
import type { Part } from '@carcar/common/contract/parts';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { type Column, DataTable } from '../../../components/data-table';
import { ExportCsvButton } from '../../../components/export-csv-button';
import { FormFooter, TextField } from '../../../components/form';
import { serviceApi } from '../../../lib/api-client';
import { useCan } from '../../../lib/auth';
import { formatMoney } from '../../../lib/format';
import { useListState } from '../../../lib/list-state';
import { useApiForm } from '../../../lib/use-api-form';
import { useCreatePart, useLowStockCount, usePartsPage } from '../api/parts';
import { newPartForm } from '../schemas';
import { formatQuantity, StockLevel } from '../stock';

const PAGE_SIZE = 25;

const partsCount = (n: number) => `${n.toLocaleString('en-US')} part${n === 1 ? '' : 's'}`;

const columns: Column<Part>[] = [
  {
    key: 'number',
    header: 'Part number',
    cell: (p) => <Link to={`/service/parts/${encodeURIComponent(p.number)}`}>{p.number}</Link>,
  },
  { key: 'description', header: 'Description', cell: (p) => p.description },
  { key: 'on_hand', header: 'On hand', cell: (p) => <StockLevel part={p} /> },
  { key: 'reorder_point', header: 'Reorder at', cell: (p) => formatQuantity(p.reorder_point) },
  { key: 'price', header: 'Price', cell: (p) => <span className="money">{formatMoney(p.price)}</span> },
  {
    key: 'cost',
    header: 'Cost',
    cell: (p) => <span className="money">{p.cost === null ? '—' : formatMoney(p.cost)}</span>,
  },
];

function NewPart({ onDone }: { onDone: () => void }) {
  const create = useCreatePart();
  const { form, onSubmit } = useApiForm({
    schema: newPartForm,
    defaultValues: { number: '', description: '', price: '', cost: '', on_hand: '', reorder_point: '' },
    save: (values) => create.mutateAsync(values),
    success: 'Part added',
    onSaved: onDone,
  });
  return (
    <section className="new-part" aria-labelledby="new-part-heading">
      <h2 id="new-part-heading">New part</h2>
      <form onSubmit={onSubmit} noValidate>
        <div className="grid">
          <TextField form={form} name="number" label="Part number" autoComplete="off" />
          <TextField form={form} name="description" label="Description" autoComplete="off" />
        </div>
        <div className="grid">
          <TextField form={form} name="price" label="Price" hint="What the customer pays for one" />
          <TextField form={form} name="cost" label="Cost (optional)" hint="What the shop pays" />
          <TextField form={form} name="on_hand" label="Opening stock (optional)" />
          <TextField form={form} name="reorder_point" label="Reorder at (optional)" hint="Low stock at or under this" />
        </div>
        <div className="record-actions">
          <FormFooter form={form} submit="Add part" />
          <button type="button" className="secondary" onClick={onDone}>
            Cancel
          </button>
        </div>
      </form>
    </section>
  );
}

/** The parts counter's list: searched, or only what is at or under its reorder point. */
export function PartsPage() {
  const list = useListState('number');
  const low = list.filter('low') === 'true';
  const q = list.q || undefined;
  const page = usePartsPage({ q, low, limit: PAGE_SIZE, offset: list.page * PAGE_SIZE });
  const lowCount = useLowStockCount(true, q);
  const mayWrite = useCan('parts.write');
  const [adding, setAdding] = useState(false);
  const hrefFor = (lowOnly: boolean) => {
    const next = new URLSearchParams();
    if (list.q) next.set('q', list.q);
    if (lowOnly) next.set('low', 'true');
    const query = next.toString();
    return query ? `?${query}` : '?';
  };
  return (
    <>
      <div className="page-heading">
        <h1>Parts</h1>
        <div className="page-actions">
          {mayWrite && !adding && (
            <button type="button" onClick={() => setAdding(true)}>
              New part
            </button>
          )}
          {mayWrite && (
            <Link to="/service/parts/import" role="button" className="secondary outline">
              Import CSV
            </Link>
          )}
          <ExportCsvButton
            name={low ? 'parts-low-stock' : 'parts'}
            request={{ api: serviceApi, url: '/api/parts/', params: { q, low: low || undefined } }}
          />
        </div>
      </div>
      {adding && <NewPart onDone={() => setAdding(false)} />}
      <nav aria-label="Parts by stock" className="parts-filters">
        <ul>
          <li>
            <Link to={hrefFor(false)} aria-current={low ? undefined : 'page'}>
              All parts
            </Link>
          </li>
          <li>
            <Link to={hrefFor(true)} aria-current={low ? 'page' : undefined}>
              Low stock <span className="count">{lowCount.data ?? '…'}</span>
            </Link>
          </li>
        </ul>
      </nav>
      <DataTable
        caption={low ? 'Parts at or under their reorder point' : 'Parts'}
        rows={page.data?.items}
        isLoading={page.isLoading}
        error={page.error}
        retry={() => page.refetch()}
        rowKey={(p) => p.number}
        empty={low ? 'No part is at or under its reorder point.' : 'No parts yet.'}
        columns={columns}
        server={{
          total: page.data?.total ?? 0,
          count: (n) => `${partsCount(n)}${low ? ' low on stock' : ''}`,
          page: list.page,
          pageSize: PAGE_SIZE,
          onPage: (n) => list.update({ page: n }),
          query: list.q,
          onQuery: (value) => list.update({ q: value }),
          searchHint: 'Part number or description',
          isFetching: page.isFetching,
        }}
      />
    </>
  );
}
