import { modelCreateBody } from '@carcar/common/contract/inventory';
import { useState } from 'react';
import { DataTable } from '../../../components/data-table';
import { ExportCsvMenuItem } from '../../../components/export-csv-button';
import { FormFooter, SelectField, TextField } from '../../../components/form';
import { AddInDrawer, ListPage, MoreMenu } from '../../../components/list-page';
import { useCan } from '../../../lib/auth';
import { formatNumber } from '../../../lib/format';
import { useTranslation } from '../../../lib/i18n';
import { useApiForm } from '../../../lib/use-api-form';
import { useCreateModel } from '../api/create-model';
import { useManufacturers } from '../api/get-manufacturers';
import { modelsRequest, useModels } from '../api/get-models';

function AddModelForm({ onAdded }: { onAdded: () => void }) {
  const { t } = useTranslation();
  const manufacturers = useManufacturers();
  const create = useCreateModel();
  const { form, onSubmit } = useApiForm({
    schema: modelCreateBody,
    defaultValues: { name: '', picture_url: '', manufacturer_id: '' },
    save: create.mutateAsync,
    success: t('inventory:models.added'),
    onSaved: onAdded,
  });
  return (
    <form onSubmit={onSubmit} noValidate aria-label={t('inventory:models.addForm')}>
      <TextField form={form} name="name" label={t('inventory:models.modelName')} />
      <TextField form={form} name="picture_url" label={t('inventory:models.pictureUrl')} type="url" />
      <SelectField
        form={form}
        name="manufacturer_id"
        label={t('inventory:models.manufacturer')}
        placeholder={t('inventory:models.chooseManufacturer')}
        options={(manufacturers.data ?? []).map((m) => ({ value: m.id, label: m.name }))}
      />
      <FormFooter form={form} submit={t('inventory:models.add')} />
    </form>
  );
}

export function ModelsPage() {
  const { t } = useTranslation();
  const models = useModels();
  const mayWrite = useCan('inventory.write');
  const total = models.data?.length;
  return (
    <ListPage
      title={t('inventory:models.title')}
      count={
        total === undefined ? undefined : t('inventory:models.count', { count: total, formatted: formatNumber(total) })
      }
      // The table's own search row is the toolbar: the More menu sits beside the primary action, so
      // the first row stays near the top.
      actions={
        <>
          {mayWrite && (
            <AddInDrawer label={t('inventory:models.add')}>{(close) => <AddModelForm onAdded={close} />}</AddInDrawer>
          )}
          <MoreMenu>
            <ExportCsvMenuItem name="vehicle-models" request={modelsRequest} />
          </MoreMenu>
        </>
      }
    >
      <DataTable
        caption={t('inventory:models.title')}
        rows={models.data}
        isLoading={models.isLoading}
        error={models.error}
        retry={() => models.refetch()}
        rowKey={(m) => m.id}
        searchHint={t('inventory:models.searchHint')}
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
    </ListPage>
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
