import { type SaleSort, saleSorts } from '@carcar/common/contract/sales';
import { Button, NativeSelect } from '@mantine/core';
import type { TFunction } from 'i18next';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import '../../../components/record.css';
import { DataTable } from '../../../components/data-table';
import { ExportCsvMenuItem } from '../../../components/export-csv-button';
import { ListPage, MoreMenu, ViewSwitch } from '../../../components/list-page';
import { useCan } from '../../../lib/auth';
import { formatNumber } from '../../../lib/format';
import { useTranslation } from '../../../lib/i18n';
import { useListState } from '../../../lib/list-state';
import { salePath } from '../../../lib/paths';
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
  const navigate = useNavigate();
  const list = useListState('-id');
  const [params] = useSearchParams();
  // `?new=12` after recording a sale: that row is marked.
  const added = Number(params.get('new')) || null;
  const sort = (saleSorts as readonly string[]).includes(list.sort) ? (list.sort as SaleSort) : '-id';
  const withVoided = list.filter('voided') === 'shown';
  const filters = { q: list.q || undefined, include_voided: withVoided || undefined, sort };
  const page = useSalesPage({ ...filters, limit: PAGE_SIZE, offset: list.page * PAGE_SIZE });
  const mayRecord = useCan('sales.record');
  const views = [
    { value: '', label: t('sales:list.viewRecorded') },
    { value: 'shown', label: t('sales:list.viewWithVoided') },
  ] as const;
  return (
    <ListPage
      title={t('sales:list.title')}
      actions={
        mayRecord && (
          <Button component={Link} to="/sales/new">
            {t('sales:list.record')}
          </Button>
        )
      }
    >
      <DataTable
        toolbar={
          <>
            <ViewSwitch
              label={t('sales:list.show')}
              value={withVoided ? 'shown' : ''}
              views={views}
              onChange={(value) => list.update({ voided: value })}
            />
            <NativeSelect
              label={t('sales:list.order')}
              value={sort}
              onChange={(event) => list.update({ sort: event.currentTarget.value })}
              data={saleSorts.map((value) => ({ value, label: sortLabels(t)[value] }))}
            />
            <MoreMenu>
              <ExportCsvMenuItem name="sales" request={salesListRequest(filters)} />
            </MoreMenu>
          </>
        }
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
        onRowClick={(s) => navigate(salePath(s.id))}
        columns={saleColumns(t)}
      />
    </ListPage>
  );
}
