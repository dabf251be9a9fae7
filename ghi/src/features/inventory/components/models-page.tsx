import { modelCreateBody } from '@carcar/common/contract/inventory';
import { useState } from 'react';
import { DataTable } from '../../../components/data-table';
import { ExportCsvButton } from '../../../components/export-csv-button';
import { FormFooter, SelectField, TextField } from '../../../components/form';
import { useCan } from '../../../lib/auth';
import { useTranslation } from '../../../lib/i18n';
import { useApiForm } from '../../../lib/use-api-form';
import { useCreateModel } from '../api/create-model';
import { useManufacturers } from '../api/get-manufacturers';
import { modelsRequest, useModels } from '../api/get-models';

export function ModelsPage() {
  const { t } = useTranslation();
  const models = useModels();
  const mayWrite = useCan('inventory.write');
  const manufacturers = useManufacturers();
  const create = useCreateModel();
  const { form, onSubmit } = useApiForm({
    schema: modelCreateBody,
    defaultValues: { name: '', picture_url: '', manufacturer_id: '' },
    save: create.mutateAsync,
    success: t('inventory:models.added'),
  });
  return (
    <>
      <h1>{t('inventory:models.title')}</h1>
      {mayWrite && (
        <form onSubmit={onSubmit} noValidate aria-label={t('inventory:models.addForm')}>
          <div className="grid">
            <TextField form={form} name="name" label={t('inventory:models.modelName')} />
            <TextField form={form} name="picture_url" label={t('inventory:models.pictureUrl')} type="url" />
            <SelectField
              form={form}
              name="manufacturer_id"
              label={t('inventory:models.manufacturer')}
              placeholder={t('inventory:models.chooseManufacturer')}
              options={(manufacturers.data ?? []).map((m) => ({ value: m.id, label: m.name }))}
            />
          </div>
          <FormFooter form={form} submit={t('inventory:models.add')} />
        </form>
      )}
      <div className="list-toolbar">
        <ExportCsvButton name="vehicle-models" request={modelsRequest} />
      </div>
      <DataTable
        caption={t('inventory:models.title')}
        rows={models.data}
        isLoading={models.isLoading}
        error={models.error}
        retry={() => models.refetch()}
        rowKey={(m) => m.id}
        searchText={(m) => `${m.name} ${m.manufacturer.name}`}
        empty={t('inventory:models.empty')}
        columns={[
          {
            key: 'picture',
            header: t('inventory:models.picture'),
            cell: (m) => <ModelPicture src={m.picture_url} alt={`${m.manufacturer.name} ${m.name}`} />,
          },
          {
            key: 'name',
            header: t('inventory:models.name'),
            cell: (m) => m.name,
            sortValue: (m) => m.name.toLowerCase(),
          },
          {
            key: 'manufacturer',
            header: t('inventory:models.manufacturer'),
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
  const { t } = useTranslation();
  const [failed, setFailed] = useState<string | null>(null);
  const missing = !src || failed === src;
  return (
    <img
      src={missing ? PLACEHOLDER : src}
      alt={missing ? t('inventory:models.noPicture', { name: alt }) : alt}
      className="thumb"
      loading="lazy"
      onError={() => setFailed(src)}
    />
  );
}
