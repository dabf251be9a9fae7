import { modelCreateBody } from '@carcar/common/contract/inventory';
import { useState } from 'react';
import { DataTable } from '../../../components/data-table';
import { ExportCsvButton } from '../../../components/export-csv-button';
import { FormFooter, SelectField, TextField } from '../../../components/form';
import { useCan } from '../../../lib/auth';
import { useApiForm } from '../../../lib/use-api-form';
import { useCreateModel } from '../api/create-model';
import { useManufacturers } from '../api/get-manufacturers';
import { modelsRequest, useModels } from '../api/get-models';

export function ModelsPage() {
  const models = useModels();
  const mayWrite = useCan('inventory.write');
  const manufacturers = useManufacturers();
  const create = useCreateModel();
  const { form, onSubmit } = useApiForm({
    schema: modelCreateBody,
    defaultValues: { name: '', picture_url: '', manufacturer_id: '' },
    save: create.mutateAsync,
    success: 'Vehicle model added',
  });
  return (
    <>
      <h1>Vehicle models</h1>
      {mayWrite && (
        <form onSubmit={onSubmit} noValidate aria-label="Add a vehicle model">
          <div className="grid">
            <TextField form={form} name="name" label="Model name" />
            <TextField form={form} name="picture_url" label="Picture URL (optional)" type="url" />
            <SelectField
              form={form}
              name="manufacturer_id"
              label="Manufacturer"
              placeholder="Choose a manufacturer"
              options={(manufacturers.data ?? []).map((m) => ({ value: m.id, label: m.name }))}
            />
          </div>
          <FormFooter form={form} submit="Add model" />
        </form>
      )}
      <div className="list-toolbar">
        <ExportCsvButton name="vehicle-models" request={modelsRequest} />
      </div>
      <DataTable
        caption="Vehicle models"
        rows={models.data}
        isLoading={models.isLoading}
        error={models.error}
        retry={() => models.refetch()}
        rowKey={(m) => m.id}
        searchText={(m) => `${m.name} ${m.manufacturer.name}`}
        empty="No vehicle models yet."
        columns={[
          {
            key: 'picture',
            header: 'Picture',
            cell: (m) => <ModelPicture src={m.picture_url} alt={`${m.manufacturer.name} ${m.name}`} />,
          },
          { key: 'name', header: 'Name', cell: (m) => m.name, sortValue: (m) => m.name.toLowerCase() },
          {
            key: 'manufacturer',
            header: 'Manufacturer',
            cell: (m) => m.manufacturer.name,
            sortValue: (m) => m.manufacturer.name.toLowerCase(),
          },
        ]}
      />
    </>
  );
}

// Under the app's base path, like every file of ghi/public.
const PLACEHOLDER = `${import.meta.env.BASE_URL}models/placeholder.svg`;

/** A model's picture, or the app's own drawing when it has none or its address does not load. */
function ModelPicture({ src, alt }: { src: string; alt: string }) {
  const [failed, setFailed] = useState<string | null>(null);
  const missing = !src || failed === src;
  return (
    <img
      src={missing ? PLACEHOLDER : src}
      alt={missing ? `${alt} (no picture)` : alt}
      className="thumb"
      loading="lazy"
      onError={() => setFailed(src)}
    />
  );
}
