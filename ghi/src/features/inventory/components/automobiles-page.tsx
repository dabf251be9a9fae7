import '../../../components/record.css';
import { type AutomobileSort, automobileCreateBody, automobileSorts } from '@carcar/common/contract/inventory';
import { useId, useState } from 'react';
import { Link } from 'react-router-dom';
import { DataTable } from '../../../components/data-table';
import { ExportCsvButton } from '../../../components/export-csv-button';
import { FormFooter, SelectField, TextField } from '../../../components/form';
import { VinLink } from '../../../components/vin-link';
import { useCan } from '../../../lib/auth';
import { useListState } from '../../../lib/list-state';
import { useApiForm } from '../../../lib/use-api-form';
import { useCreateAutomobile } from '../api/create-automobile';
import { automobileListRequest, useAutomobileCounts, useAutomobilePage } from '../api/get-automobiles';
import { useModels } from '../api/get-models';
import type { Automobile } from '../types';
import { VinCheck } from './vin-check';

const PAGE_SIZE = 20;

const sortLabels: Record<AutomobileSort, string> = {
  '-id': 'Newest first',
  id: 'Oldest first',
  vin: 'VIN (A to Z)',
  '-year': 'Model year, newest first',
  year: 'Model year, oldest first',
};

const cars = (n: number) => `${n.toLocaleString('en-US')} ${n === 1 ? 'car' : 'cars'}`;

function AddAutomobileForm({ onAdded }: { onAdded: (car: Automobile) => void }) {
  const models = useModels();
  const create = useCreateAutomobile();
  const { form, onSubmit } = useApiForm({
    schema: automobileCreateBody,
    defaultValues: { vin: '', color: '', year: '', model_id: '' },
    save: create.mutateAsync,
    success: 'Automobile added to inventory',
    onSaved: (car) => onAdded(car as Automobile),
  });
  const vin = String(form.watch('vin') ?? '');
  return (
    <form onSubmit={onSubmit} noValidate aria-label="Add an automobile">
      <div className="grid">
        <TextField form={form} name="vin" label="VIN" hint="17 characters, no I, O or Q" autoComplete="off" />
        <TextField form={form} name="color" label="Color" />
        <TextField form={form} name="year" label="Year" type="number" />
        <SelectField
          form={form}
          name="model_id"
          label="Model"
          placeholder="Choose a model"
          options={(models.data ?? []).map((m) => ({ value: m.id, label: `${m.manufacturer.name} ${m.name}` }))}
        />
      </div>
      <VinCheck vin={vin} />
      <FormFooter form={form} submit="Add automobile" />
    </form>
  );
}

export function AutomobilesPage() {
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

  const filterCount = (n: number | undefined) => (n === undefined ? '' : ` (${n.toLocaleString('en-US')})`);

  return (
    <>
      <h1>Automobiles</h1>
      {mayWrite && (
        <p>
          <Link to="/inventory/automobiles/import">Import cars from a CSV file</Link>
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
      <h2>Stock</h2>
      <div className="list-toolbar">
        <fieldset>
          <legend>Show</legend>
          {(
            [
              ['', 'All', counts.data?.all],
              ['false', 'In stock', counts.data?.inStock],
              ['true', 'Sold', counts.data?.sold],
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
          <label htmlFor={sortId}>Order</label>
          <select id={sortId} value={sort} onChange={(event) => list.update({ sort: event.target.value })}>
            {automobileSorts.map((value) => (
              <option key={value} value={value}>
                {sortLabels[value]}
              </option>
            ))}
          </select>
        </div>
        <div>
          <ExportCsvButton name="automobiles" request={automobileListRequest(filters)} />
        </div>
      </div>
      <DataTable
        caption="Automobiles"
        rows={page.data?.items}
        isLoading={page.isLoading}
        error={page.error}
        retry={() => page.refetch()}
        rowKey={(a) => a.vin}
        highlight={(a) => a.vin === added}
        empty={
          sold === undefined
            ? 'No automobiles in inventory yet.'
            : sold
              ? 'No car has been sold yet.'
              : 'Every car has been sold.'
        }
        server={{
          total: page.data?.total ?? 0,
          count: (n) => (sold === undefined ? cars(n) : `${cars(n)} ${sold ? 'sold' : 'in stock'}`),
          page: list.page,
          pageSize: PAGE_SIZE,
          onPage: (n) => list.update({ page: n }),
          query: list.q,
          onQuery: (q) => list.update({ q }),
          searchHint: 'VIN, color, model or manufacturer',
          isFetching: page.isFetching,
        }}
        columns={[
          {
            key: 'vin',
            header: 'VIN',
            cell: (a) => (
              <VinLink vin={a.vin} label={`${a.vin}: ${a.year} ${a.model.manufacturer.name} ${a.model.name}`} />
            ),
          },
          { key: 'color', header: 'Color', cell: (a) => a.color },
          { key: 'year', header: 'Year', cell: (a) => a.year },
          { key: 'model', header: 'Model', cell: (a) => a.model.name },
          { key: 'manufacturer', header: 'Make', cell: (a) => a.model.manufacturer.name },
          {
            key: 'sold',
            header: 'Status',
            cell: (a) => (
              <>
                <span className={a.sold ? 'badge sold' : 'badge'}>{a.sold ? 'Sold' : 'In stock'}</span>
                {a.vin === added && <span className="badge new">Just added</span>}
              </>
            ),
          },
        ]}
      />
    </>
  );
}
