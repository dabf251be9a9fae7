import '../../../components/record.css';
import { type AutomobileSort, automobileCreateBody, automobileSorts } from '@carcar/common/contract/inventory';
import { Menu, NativeSelect } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { DataTable } from '../../../components/data-table';
import { ExportCsvMenuItem } from '../../../components/export-csv-button';
import { FormFooter, SelectField, TextField } from '../../../components/form';
import { AddInDrawer, ListPage, MoreMenu, ViewSwitch } from '../../../components/list-page';
import { StatusBadge } from '../../../components/status-badge';
import { VinLink } from '../../../components/vin-link';
import { useCan } from '../../../lib/auth';
import { formatNumber } from '../../../lib/format';
import { useTranslation } from '../../../lib/i18n';
import { useListState } from '../../../lib/list-state';
import { useApiForm } from '../../../lib/use-api-form';
import { useCreateAutomobile } from '../api/create-automobile';
import { automobileListRequest, useAutomobileCounts, useAutomobilePage } from '../api/get-automobiles';
import { useModels } from '../api/get-models';
import type { Automobile } from '../types';
import { VinCheck } from './vin-check';

const PAGE_SIZE = 20;

const sortLabels = (t: TFunction): Record<AutomobileSort, string> => ({
  '-id': t('inventory:automobiles.sort.newest'),
  id: t('inventory:automobiles.sort.oldest'),
  vin: t('inventory:automobiles.sort.vin'),
  '-year': t('inventory:automobiles.sort.yearNewest'),
  year: t('inventory:automobiles.sort.yearOldest'),
});

function AddAutomobileForm({ onAdded }: { onAdded: (car: Automobile) => void }) {
  const { t } = useTranslation();
  const models = useModels();
  const create = useCreateAutomobile();
  const { form, onSubmit } = useApiForm({
    schema: automobileCreateBody,
    defaultValues: { vin: '', color: '', year: '', model_id: '' },
    save: create.mutateAsync,
    success: t('inventory:automobiles.added'),
    onSaved: (car) => onAdded(car as Automobile),
  });
  const vin = String(form.watch('vin') ?? '');
  return (
    <form onSubmit={onSubmit} noValidate aria-label={t('inventory:automobiles.addForm')}>
      <div className="grid">
        <TextField
          form={form}
          name="vin"
          label={t('inventory:automobiles.vin')}
          hint={t('inventory:automobiles.vinHint')}
          autoComplete="off"
        />
        <TextField form={form} name="color" label={t('inventory:automobiles.color')} />
        <TextField form={form} name="year" label={t('inventory:automobiles.year')} type="number" />
        <SelectField
          form={form}
          name="model_id"
          label={t('inventory:automobiles.model')}
          placeholder={t('inventory:automobiles.chooseModel')}
          options={(models.data ?? []).map((m) => ({ value: m.id, label: `${m.manufacturer.name} ${m.name}` }))}
        />
      </div>
      <VinCheck vin={vin} />
      <FormFooter form={form} submit={t('inventory:automobiles.add')} />
    </form>
  );
}

export function AutomobilesPage() {
  const { t } = useTranslation();
  const cars = (n: number) => t('inventory:automobiles.cars', { count: n, formatted: formatNumber(n) });
  const list = useListState('-id');
  const sort = (automobileSorts as readonly string[]).includes(list.sort) ? (list.sort as AutomobileSort) : '-id';
  const soldFilter = list.filter('sold');
  const sold = soldFilter === 'true' ? true : soldFilter === 'false' ? false : undefined;
  const filters = { q: list.q || undefined, sold, sort };
  const page = useAutomobilePage({ ...filters, limit: PAGE_SIZE, offset: list.page * PAGE_SIZE });
  const counts = useAutomobileCounts(list.q);
  const [added, setAdded] = useState<string | null>(null);
  const mayWrite = useCan('inventory.write');

  const views = [
    { value: '', label: t('inventory:automobiles.all'), count: counts.data?.all },
    { value: 'false', label: t('inventory:automobiles.inStock'), count: counts.data?.inStock },
    { value: 'true', label: t('inventory:automobiles.sold'), count: counts.data?.sold },
  ] as const;

  return (
    <ListPage
      title={t('inventory:automobiles.title')}
      actions={
        mayWrite && (
          <AddInDrawer label={t('inventory:automobiles.add')}>
            {(close) => (
              <AddAutomobileForm
                onAdded={(car) => {
                  close();
                  setAdded(car.vin);
                  // Newest first, unfiltered: the new car is the first row.
                  list.update({ q: '', sold: '', sort: '-id' });
                }}
              />
            )}
          </AddInDrawer>
        )
      }
    >
      <DataTable
        toolbar={
          <>
            <ViewSwitch
              label={t('inventory:automobiles.show')}
              value={soldFilter as (typeof views)[number]['value']}
              views={views}
              onChange={(value) => list.update({ sold: value })}
            />
            <NativeSelect
              label={t('inventory:automobiles.order')}
              value={sort}
              onChange={(event) => list.update({ sort: event.currentTarget.value })}
              data={automobileSorts.map((value) => ({ value, label: sortLabels(t)[value] }))}
            />
            <MoreMenu>
              {mayWrite && (
                <Menu.Item component={Link} to="/inventory/automobiles/import">
                  {t('inventory:automobiles.import')}
                </Menu.Item>
              )}
              <ExportCsvMenuItem name="automobiles" request={automobileListRequest(filters)} />
            </MoreMenu>
          </>
        }
        caption={t('inventory:automobiles.title')}
        rows={page.data?.items}
        isLoading={page.isLoading}
        error={page.error}
        retry={() => page.refetch()}
        rowKey={(a) => a.vin}
        highlight={(a) => a.vin === added}
        empty={
          sold === undefined
            ? t('inventory:automobiles.emptyAll')
            : sold
              ? t('inventory:automobiles.emptySold')
              : t('inventory:automobiles.emptyInStock')
        }
        server={{
          total: page.data?.total ?? 0,
          count: (n) =>
            sold === undefined
              ? cars(n)
              : sold
                ? t('inventory:automobiles.countSold', { cars: cars(n) })
                : t('inventory:automobiles.countInStock', { cars: cars(n) }),
          page: list.page,
          pageSize: PAGE_SIZE,
          onPage: (n) => list.update({ page: n }),
          query: list.q,
          onQuery: (q) => list.update({ q }),
          searchHint: t('inventory:automobiles.searchHint'),
          isFetching: page.isFetching,
        }}
        columns={[
          {
            key: 'vin',
            header: t('inventory:automobiles.vin'),
            cell: (a) => (
              <VinLink vin={a.vin} label={`${a.vin}: ${a.year} ${a.model.manufacturer.name} ${a.model.name}`} />
            ),
          },
          { key: 'color', header: t('inventory:automobiles.color'), cell: (a) => a.color },
          { key: 'year', header: t('inventory:automobiles.year'), cell: (a) => a.year },
          { key: 'model', header: t('inventory:automobiles.model'), cell: (a) => a.model.name },
          { key: 'manufacturer', header: t('inventory:automobiles.make'), cell: (a) => a.model.manufacturer.name },
          {
            key: 'sold',
            header: t('inventory:automobiles.status'),
            cell: (a) => (
              <>
                <StatusBadge tone={a.sold ? 'info' : 'success'}>
                  {a.sold ? t('inventory:automobiles.sold') : t('inventory:automobiles.inStock')}
                </StatusBadge>
                {a.vin === added && <StatusBadge tone="warning">{t('inventory:automobiles.justAdded')}</StatusBadge>}
              </>
            ),
          },
        ]}
      />
    </ListPage>
  );
}
