import { manufacturerBody } from '@carcar/common/contract/inventory';
import { DataTable } from '../../../components/data-table';
import { ExportCsvMenuItem } from '../../../components/export-csv-button';
import { FormFooter, TextField } from '../../../components/form';
import { AddInDrawer, ListPage, MoreMenu } from '../../../components/list-page';
import { useCan } from '../../../lib/auth';
import { formatNumber } from '../../../lib/format';
import { useTranslation } from '../../../lib/i18n';
import { useApiForm } from '../../../lib/use-api-form';
import { useCreateManufacturer } from '../api/create-manufacturer';
import { manufacturersRequest, useManufacturers } from '../api/get-manufacturers';

function AddManufacturerForm({ onAdded }: { onAdded: () => void }) {
  const { t } = useTranslation();
  const create = useCreateManufacturer();
  const { form, onSubmit } = useApiForm({
    schema: manufacturerBody,
    defaultValues: { name: '' },
    save: create.mutateAsync,
    success: t('inventory:manufacturers.added'),
    onSaved: onAdded,
  });
  return (
    <form onSubmit={onSubmit} noValidate aria-label={t('inventory:manufacturers.addForm')}>
      <TextField form={form} name="name" label={t('inventory:manufacturers.name')} />
      <FormFooter form={form} submit={t('inventory:manufacturers.add')} />
    </form>
  );
}

export function ManufacturersPage() {
  const { t } = useTranslation();
  const manufacturers = useManufacturers();
  const mayWrite = useCan('inventory.write');
  const total = manufacturers.data?.length;
  return (
    <ListPage
      title={t('inventory:manufacturers.title')}
      count={
        total === undefined
          ? undefined
          : t('inventory:manufacturers.count', { count: total, formatted: formatNumber(total) })
      }
      // The table's own search row is the toolbar: the More menu sits beside the primary action, so
      // the first row stays near the top.
      actions={
        <>
          {mayWrite && (
            <AddInDrawer label={t('inventory:manufacturers.add')}>
              {(close) => <AddManufacturerForm onAdded={close} />}
            </AddInDrawer>
          )}
          <MoreMenu>
            <ExportCsvMenuItem name="manufacturers" request={manufacturersRequest} />
          </MoreMenu>
        </>
      }
    >
      <DataTable
        caption={t('inventory:manufacturers.title')}
        rows={manufacturers.data}
        isLoading={manufacturers.isLoading}
        error={manufacturers.error}
        retry={() => manufacturers.refetch()}
        rowKey={(m) => m.id}
        searchHint={t('inventory:manufacturers.searchHint')}
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
    </ListPage>
  );
}
