import { pathTo, serviceApiRoutes } from '@carcar/common/contract/routes';
import '../parts.css';
import type { Part } from '@carcar/common/contract/parts';
import { Button, Group, SimpleGrid, Stack } from '@mantine/core';
import type { TFunction } from 'i18next';
import { Link, useNavigate } from 'react-router-dom';
import { type Column, DataTable } from '../../../components/data-table';
import { ExportCsvButton } from '../../../components/export-csv-button';
import { FormFooter, TextField } from '../../../components/form';
import { AddInDrawer, ListPage, ViewLink } from '../../../components/list-page';
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
    cell: (p) => <Link to={partPath(p.number)}>{p.number}</Link>,
    nowrap: true,
  },
  { key: 'description', header: t('parts:columns.description'), cell: (p) => p.description },
  { key: 'on_hand', header: t('parts:columns.onHand'), cell: (p) => <StockLevel part={p} />, numeric: true },
  {
    key: 'reorder_point',
    header: t('parts:columns.reorderAt'),
    cell: (p) => formatQuantity(p.reorder_point),
    numeric: true,
  },
  { key: 'price', header: t('parts:columns.price'), cell: (p) => formatMoney(p.price), numeric: true },
  {
    key: 'cost',
    header: t('parts:columns.cost'),
    cell: (p) => (p.cost === null ? '—' : formatMoney(p.cost)),
    numeric: true,
  },
];

const partPath = (number: string) => `/service/parts/${encodeURIComponent(number)}`;

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
    <form onSubmit={onSubmit} noValidate aria-label={t('parts:newPart.heading')}>
      <Stack gap="xs">
        <TextField form={form} name="number" label={t('parts:newPart.number')} autoComplete="off" />
        <TextField form={form} name="description" label={t('parts:newPart.description')} autoComplete="off" />
        <SimpleGrid cols={2} spacing="sm">
          <TextField form={form} name="price" label={t('parts:newPart.price')} hint={t('parts:newPart.priceHint')} />
          <TextField form={form} name="cost" label={t('parts:newPart.cost')} hint={t('parts:newPart.costHint')} />
          <TextField form={form} name="on_hand" label={t('parts:newPart.openingStock')} />
          <TextField
            form={form}
            name="reorder_point"
            label={t('parts:newPart.reorderAt')}
            hint={t('parts:newPart.reorderHint')}
          />
        </SimpleGrid>
        <Group gap="xs" align="center">
          <FormFooter form={form} submit={t('parts:newPart.submit')} />
          <Button variant="default" onClick={onDone}>
            {t('parts:newPart.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
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
  const navigate = useNavigate();
  const hrefFor = (lowOnly: boolean) => {
    const next = new URLSearchParams();
    if (list.q) next.set('q', list.q);
    if (lowOnly) next.set('low', 'true');
    const query = next.toString();
    return query ? `?${query}` : '?';
  };
  const filterLink = (lowOnly: boolean, label: string) => (
    // Used standing at the counter, on a phone: a tap target of 44 px.
    <ViewLink to={hrefFor(lowOnly)} current={low === lowOnly} tapHeight={44}>
      {label}
    </ViewLink>
  );
  return (
    <ListPage
      title={t('parts:list.title')}
      actions={
        mayWrite && (
          <>
            <AddInDrawer label={t('parts:list.newPart')} title={t('parts:newPart.heading')}>
              {(close) => <NewPart onDone={close} />}
            </AddInDrawer>
            <Button component={Link} to="/service/parts/import" variant="default">
              {t('parts:list.importCsv')}
            </Button>
          </>
        )
      }
    >
      <DataTable
        toolbar={
          <>
            <nav aria-label={t('parts:list.byStock')}>
              <Group gap={6}>
                {filterLink(false, t('parts:list.allParts'))}
                {filterLink(true, `${t('parts:list.lowStock')} ${lowCount.data ?? '…'}`)}
              </Group>
            </nav>
            <ExportCsvButton
              name={low ? 'parts-low-stock' : 'parts'}
              request={{
                api: serviceApi,
                url: pathTo(serviceApiRoutes.parts.list),
                params: { q, low: low || undefined },
              }}
            />
          </>
        }
        caption={low ? t('parts:list.captionLow') : t('parts:list.caption')}
        rows={page.data?.items}
        isLoading={page.isLoading}
        error={page.error}
        retry={() => page.refetch()}
        rowKey={(p) => p.number}
        onRowClick={(p) => navigate(partPath(p.number))}
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
    </ListPage>
  );
}
