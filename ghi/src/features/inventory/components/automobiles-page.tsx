import { automobileCreateBody } from '@carcar/common/contract/inventory';
import { DataTable } from '../../../components/data-table';
import { FormFooter, SelectField, TextField } from '../../../components/form';
import { useApiForm } from '../../../lib/use-api-form';
import { useCreateAutomobile } from '../api/create-automobile';
import { useAutomobiles } from '../api/get-automobiles';
import { useModels } from '../api/get-models';
import { VinCheck } from './vin-check';

export function AutomobilesPage() {
  const automobiles = useAutomobiles();
  const models = useModels();
  const create = useCreateAutomobile();
  const { form, onSubmit } = useApiForm({
    schema: automobileCreateBody,
    defaultValues: { vin: '', color: '', year: '', model_id: '' },
    save: create.mutateAsync,
    success: 'Automobile added to inventory',
  });
  const vin = String(form.watch('vin') ?? '');
  return (
    <>
      <h1>Automobiles</h1>
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
      <DataTable
        caption="Automobiles"
        rows={automobiles.data}
        isLoading={automobiles.isLoading}
        error={automobiles.error}
        retry={() => automobiles.refetch()}
        rowKey={(a) => a.vin}
        searchText={(a) =>
          `${a.vin} ${a.color} ${a.year} ${a.model.name} ${a.model.manufacturer.name} ${a.sold ? 'sold' : 'in stock'}`
        }
        empty="No automobiles in inventory yet."
        columns={[
          { key: 'vin', header: 'VIN', cell: (a) => <code>{a.vin}</code>, sortValue: (a) => a.vin },
          { key: 'color', header: 'Color', cell: (a) => a.color, sortValue: (a) => a.color },
          { key: 'year', header: 'Year', cell: (a) => a.year, sortValue: (a) => a.year },
          { key: 'model', header: 'Model', cell: (a) => a.model.name, sortValue: (a) => a.model.name },
          {
            key: 'manufacturer',
            header: 'Manufacturer',
            cell: (a) => a.model.manufacturer.name,
            sortValue: (a) => a.model.manufacturer.name,
          },
          {
            key: 'sold',
            header: 'Status',
            cell: (a) => <span className={a.sold ? 'badge sold' : 'badge'}>{a.sold ? 'Sold' : 'In stock'}</span>,
            sortValue: (a) => (a.sold ? 1 : 0),
          },
        ]}
      />
    </>
  );
}
