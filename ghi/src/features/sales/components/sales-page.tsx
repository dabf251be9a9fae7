import { type SaleSort, saleSorts } from '@carcar/common/contract/sales';
import type { TFunction } from 'i18next';
import { useId } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import '../../../components/record.css';
import { DataTable } from '../../../components/data-table';
import { ExportCsvButton } from '../../../components/export-csv-button';
import { useCan } from '../../../lib/auth';
import { formatNumber } from '../../../lib/format';
import { useTranslation } from '../../../lib/i18n';
import { useListState } from '../../../lib/list-state';
import { salesListRequest, useSalesPage } from '../api/get-sales';
import { saleColumns } from './sale-columns';

const PAGE_SIZE = 20;

const sortLabels = (t: TFunction): Record<SaleSort, string> => ({
  '-id': t('sales:list.newest'),
  id: t('sales:list.oldest'),
  '-price': t('sales:list.priceHigh'),
  price: t('sales:list.priceLow'),
});

const salesCount = (t: TFunction, n: number) => t('sales:list.count', { count: n, formatted: formatNumber(n) });

export function SalesPage() {
  const { t } = useTranslation();
  const list = useListState('-id');
  const [params] = useSearchParams();
  // `?new=12` after recording a sale: that row is marked.
  const added = Number(params.get('new')) || null;
  const sort = (saleSorts as readonly string[]).includes(list.sort) ? (list.sort as SaleSort) : '-id';
  const withVoided = list.filter('voided') === 'shown';
  const filters = { q: list.q || undefined, include_voided: withVoided || undefined, sort };
  const page = useSalesPage({ ...filters, limit: PAGE_SIZE, offset: list.page * PAGE_SIZE });
  const sortId = useId();
  const voidedId = useId();
  const mayRecord = useCan('sales.record');
  return (
    <>
      <h1>{t('sales:list.title')}</h1>
      {mayRecord && (
        <p>
          <Link to="/sales/new" role="button">
            {t('sales:list.record')}
          </Link>
        </p>
      )}
      <div className="list-toolbar">
        <div>
          <label htmlFor={sortId}>{t('sales:list.order')}</label>
          <select id={sortId} value={sort} onChange={(event) => list.update({ sort: event.target.value })}>
            {saleSorts.map((value) => (
              <option key={value} value={value}>
                {sortLabels(t)[value]}
              </option>
            ))}
          </select>
        </div>
        <label htmlFor={voidedId}>
          <input
            id={voidedId}
            type="checkbox"
            checked={withVoided}
            onChange={(event) => list.update({ voided: event.target.checked ? 'shown' : '' })}
          />
          {t('sales:list.showVoided')}
        </label>
        <div>
          <ExportCsvButton name="sales" request={salesListRequest(filters)} />
        </div>
      </div>
      <DataTable
        caption={t('sales:list.caption')}
        rows={page.data?.items}
        isLoading={page.isLoading}
        error={page.error}
        retry={() => page.refetch()}
        rowKey={(s) => s.id}
        highlight={(s) => s.id === added}
        empty={t('sales:list.empty')}
        server={{
          total: page.data?.total ?? 0,
          count: (n) => (withVoided ? t('sales:list.withVoided', { sales: salesCount(t, n) }) : salesCount(t, n)),
          page: list.page,
          pageSize: PAGE_SIZE,
          onPage: (n) => list.update({ page: n }),
          query: list.q,
          onQuery: (q) => list.update({ q }),
          searchHint: t('sales:list.searchHint'),
          isFetching: page.isFetching,
        }}
        columns={saleColumns(t)}
      />
    </>
  );
}
