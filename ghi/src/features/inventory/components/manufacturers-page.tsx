import { manufacturerBody } from '@carcar/common/contract/inventory';
import { DataTable } from '../../../components/data-table';
import { ExportCsvButton } from '../../../components/export-csv-button';
import { FormFooter, TextField } from '../../../components/form';
import { useCan } from '../../../lib/auth';
import { useApiForm } from '../../../lib/use-api-form';
import { useCreateManufacturer } from '../api/create-manufacturer';
import { manufacturersRequest, useManufacturers } from '../api/get-manufacturers';

export function ManufacturersPage() {
  const manufacturers = useManufacturers();
  const mayWrite = useCan('inventory.write');
  const create = useCreateManufacturer();
  const { form, onSubmit } = useApiForm({
    schema: manufacturerBody,
    defaultValues: { name: '' },
    save: create.mutateAsync,
    success: 'Manufacturer added',
  });
  return (
    <>
      <h1>Manufacturers</h1>
      {mayWrite && (
        <form onSubmit={onSubmit} noValidate aria-label="Add a manufacturer" className="inline-form">
          <TextField form={form} name="name" label="Name" />
          <FormFooter form={form} submit="Add manufacturer" />
        </form>
      )}
      <div className="list-toolbar">
        <ExportCsvButton name="manufacturers" request={manufacturersRequest} />
      </div>
      <DataTable
        caption="Manufacturers"
        rows={manufacturers.data}
        isLoading={manufacturers.isLoading}
        error={manufacturers.error}
        retry={() => manufacturers.refetch()}
        rowKey={(m) => m.id}
        searchText={(m) => m.name}
        empty={mayWrite ? 'No manufacturers yet. Add the first one above.' : 'No manufacturers yet.'}
        columns={[{ key: 'name', header: 'Name', cell: (m) => m.name, sortValue: (m) => m.name.toLowerCase() }]}
      />
    </>
  );
}
