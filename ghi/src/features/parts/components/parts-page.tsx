import '../../../components/record.css';
import '../parts.css';
import type { Part } from '@carcar/common/contract/parts';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { type Column, DataTable } from '../../../components/data-table';
import { ExportCsvButton } from '../../../components/export-csv-button';
import { FormFooter, TextField } from '../../../components/form';
import { serviceApi } from '../../../lib/api-client';
import { useCan } from '../../../lib/auth';
import { formatMoney, formatNumber } from '../../../lib/format';
import { useTranslation } from '../../../lib/i18n';
import { useListState } from '../../../lib/list-state';
import { useApiForm } from '../../../lib/use-api-form';
import { useCreatePart, useLowStockCount, usePartsPage } from '../api/parts';
import { newPartForm } from '../schemas';
import { formatQuantity, StockLevel } from '../stock';

const PAGE_SIZE = 25;

const columns = (t: TFunction): Column<Part>[] => [
  {
    key: 'number',
    header: t('parts:columns.number'),
    cell: (p) => <Link to={`/service/parts/${encodeURIComponent(p.number)}`}>{p.number}</Link>,
  },
  { key: 'description', header: t('parts:columns.description'), cell: (p) => p.description },
  { key: 'on_hand', header: t('parts:columns.onHand'), cell: (p) => <StockLevel part={p} /> },
  { key: 'reorder_point', header: t('parts:columns.reorderAt'), cell: (p) => formatQuantity(p.reorder_point) },
  {
    key: 'price',
    header: t('parts:columns.price'),
    cell: (p) => <span className="money">{formatMoney(p.price)}</span>,
  },
  {
    key: 'cost',
    header: t('parts:columns.cost'),
    cell: (p) => <span className="money">{p.cost === null ? '—' : formatMoney(p.cost)}</span>,
  },
];

function NewPart({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation('parts');
  const create = useCreatePart();
  const { form, onSubmit } = useApiForm({
    schema: newPartForm,
    defaultValues: { number: '', description: '', price: '', cost: '', on_hand: '', reorder_point: '' },
    save: (values) => create.mutateAsync(values),
    success: t('parts:newPart.added'),
    onSaved: onDone,
  });
  return (
    <section className="new-part" aria-labelledby="new-part-heading">
      <h2 id="new-part-heading">{t('parts:newPart.heading')}</h2>
      <form onSubmit={onSubmit} noValidate>
        <div className="grid">
          <TextField form={form} name="number" label={t('parts:newPart.number')} autoComplete="off" />
          <TextField form={form} name="description" label={t('parts:newPart.description')} autoComplete="off" />
        </div>
        <div className="grid">
          <TextField form={form} name="price" label={t('parts:newPart.price')} hint={t('parts:newPart.priceHint')} />
          <TextField form={form} name="cost" label={t('parts:newPart.cost')} hint={t('parts:newPart.costHint')} />
          <TextField form={form} name="on_hand" label={t('parts:newPart.openingStock')} />
          <TextField
            form={form}
            name="reorder_point"
            label={t('parts:newPart.reorderAt')}
            hint={t('parts:newPart.reorderHint')}
          />
        </div>
        <div className="record-actions">
          <FormFooter form={form} submit={t('parts:newPart.submit')} />
          <button type="button" className="secondary" onClick={onDone}>
            {t('parts:newPart.cancel')}
          </button>
        </div>
      </form>
    </section>
  );
}

/** The parts counter's list: searched, or only what is at or under its reorder point. */
export function PartsPage() {
  const { t } = useTranslation('parts');
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
        <h1>{t('parts:list.title')}</h1>
        <div className="page-actions">
          {mayWrite && !adding && (
            <button type="button" onClick={() => setAdding(true)}>
              {t('parts:list.newPart')}
            </button>
          )}
          {mayWrite && (
            <Link to="/service/parts/import" role="button" className="secondary outline">
              {t('parts:list.importCsv')}
            </Link>
          )}
          <ExportCsvButton
            name={low ? 'parts-low-stock' : 'parts'}
            request={{ api: serviceApi, url: '/api/parts/', params: { q, low: low || undefined } }}
          />
        </div>
      </div>
      {adding && <NewPart onDone={() => setAdding(false)} />}
      <nav aria-label={t('parts:list.byStock')} className="parts-filters">
        <ul>
          <li>
            <Link to={hrefFor(false)} aria-current={low ? undefined : 'page'}>
              {t('parts:list.allParts')}
            </Link>
          </li>
          <li>
            <Link to={hrefFor(true)} aria-current={low ? 'page' : undefined}>
              {t('parts:list.lowStock')} <span className="count">{lowCount.data ?? '…'}</span>
            </Link>
          </li>
        </ul>
      </nav>
      <DataTable
        caption={low ? t('parts:list.captionLow') : t('parts:list.caption')}
        rows={page.data?.items}
        isLoading={page.isLoading}
        error={page.error}
        retry={() => page.refetch()}
        rowKey={(p) => p.number}
        empty={low ? t('parts:list.emptyLow') : t('parts:list.empty')}
        columns={columns(t)}
        server={{
          total: page.data?.total ?? 0,
          count: (n) =>
            low
              ? t('parts:list.countLow', { count: n, formatted: formatNumber(n) })
              : t('parts:list.count', { count: n, formatted: formatNumber(n) }),
          page: list.page,
          pageSize: PAGE_SIZE,
          onPage: (n) => list.update({ page: n }),
          query: list.q,
          onQuery: (value) => list.update({ q: value }),
          searchHint: t('parts:list.searchHint'),
          isFetching: page.isFetching,
        }}
      />
    </>
  );
}
