import { manufacturerBody } from '@carcar/common/contract/inventory';
import { DataTable } from '../../../components/data-table';
import { ExportCsvButton } from '../../../components/export-csv-button';
import { FormFooter, TextField } from '../../../components/form';
import { useCan } from '../../../lib/auth';
import { useTranslation } from '../../../lib/i18n';
import { useApiForm } from '../../../lib/use-api-form';
import { useCreateManufacturer } from '../api/create-manufacturer';
import { manufacturersRequest, useManufacturers } from '../api/get-manufacturers';

export function ManufacturersPage() {
  const { t } = useTranslation();
  const manufacturers = useManufacturers();
  const mayWrite = useCan('inventory.write');
  const create = useCreateManufacturer();
  const { form, onSubmit } = useApiForm({
    schema: manufacturerBody,
    defaultValues: { name: '' },
    save: create.mutateAsync,
    success: t('inventory:manufacturers.added'),
  });
  return (
    <>
      <h1>{t('inventory:manufacturers.title')}</h1>
      {mayWrite && (
        <form onSubmit={onSubmit} noValidate aria-label={t('inventory:manufacturers.addForm')} className="inline-form">
          <TextField form={form} name="name" label={t('inventory:manufacturers.name')} />
          <FormFooter form={form} submit={t('inventory:manufacturers.add')} />
        </form>
      )}
      <div className="list-toolbar">
        <ExportCsvButton name="manufacturers" request={manufacturersRequest} />
      </div>
      <DataTable
        caption={t('inventory:manufacturers.title')}
        rows={manufacturers.data}
        isLoading={manufacturers.isLoading}
        error={manufacturers.error}
        retry={() => manufacturers.refetch()}
        rowKey={(m) => m.id}
        searchText={(m) => m.name}
        empty={mayWrite ? t('inventory:manufacturers.emptyAdd') : t('inventory:manufacturers.empty')}
        columns={[
          {
            key: 'name',
            header: t('inventory:manufacturers.name'),
            cell: (m) => m.name,
            sortValue: (m) => m.name.toLowerCase(),
          },
        ]}
      />
    </>
  );
}
