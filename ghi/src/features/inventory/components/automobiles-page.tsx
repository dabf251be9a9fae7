import '../../../components/record.css';
import { type AutomobileSort, automobileCreateBody, automobileSorts } from '@carcar/common/contract/inventory';
import type { TFunction } from 'i18next';
import { useId, useState } from 'react';
import { Link } from 'react-router-dom';
import { DataTable } from '../../../components/data-table';
import { ExportCsvButton } from '../../../components/export-csv-button';
import { FormFooter, SelectField, TextField } from '../../../components/form';
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
  const sortId = useId();
  const mayWrite = useCan('inventory.write');

  const filterCount = (n: number | undefined) => (n === undefined ? '' : ` (${formatNumber(n)})`);

  return (
    <>
      <h1>{t('inventory:automobiles.title')}</h1>
      {mayWrite && (
        <p>
          <Link to="/inventory/automobiles/import">{t('inventory:automobiles.import')}</Link>
        </p>
      )}
      {mayWrite && (
        <AddAutomobileForm
          onAdded={(car) => {
            setAdded(car.vin);
            // Newest first, unfiltered: the new car is the first row.
            list.update({ q: '', sold: '', sort: '-id' });
          }}
        />
      )}
      <h2>{t('inventory:automobiles.stock')}</h2>
      <div className="list-toolbar">
        <fieldset>
          <legend>{t('inventory:automobiles.show')}</legend>
          {(
            [
              ['', t('inventory:automobiles.all'), counts.data?.all],
              ['false', t('inventory:automobiles.inStock'), counts.data?.inStock],
              ['true', t('inventory:automobiles.sold'), counts.data?.sold],
            ] as const
          ).map(([value, label, n]) => (
            <label key={value || 'all'}>
              <input
                type="radio"
                name="sold"
                value={value}
                checked={soldFilter === value}
                onChange={() => list.update({ sold: value })}
              />
              {label}
              {filterCount(n)}
            </label>
          ))}
        </fieldset>
        <div>
          <label htmlFor={sortId}>{t('inventory:automobiles.order')}</label>
          <select id={sortId} value={sort} onChange={(event) => list.update({ sort: event.target.value })}>
            {automobileSorts.map((value) => (
              <option key={value} value={value}>
                {sortLabels(t)[value]}
              </option>
            ))}
          </select>
        </div>
        <div>
          <ExportCsvButton name="automobiles" request={automobileListRequest(filters)} />
        </div>
      </div>
      <DataTable
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
                <span className={a.sold ? 'badge sold' : 'badge'}>
                  {a.sold ? t('inventory:automobiles.sold') : t('inventory:automobiles.inStock')}
                </span>
                {a.vin === added && <span className="badge new">{t('inventory:automobiles.justAdded')}</span>}
              </>
            ),
          },
        ]}
      />
    </>
  );
}
