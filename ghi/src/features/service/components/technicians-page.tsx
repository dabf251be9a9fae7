import { technicianBody } from '@carcar/common/contract/service';
import { DataTable } from '../../../components/data-table';
import { FormFooter, TextField } from '../../../components/form';
import { useApiForm } from '../../../lib/use-api-form';
import { useCreateTechnician } from '../api/create-technician';
import { useTechnicians } from '../api/get-technicians';

export function TechniciansPage() {
  const technicians = useTechnicians();
  const create = useCreateTechnician();
  const { form, onSubmit } = useApiForm({
    schema: technicianBody,
    defaultValues: { first_name: '', last_name: '', employee_id: '' },
    save: create.mutateAsync,
    success: 'Technician added',
  });
  return (
    <>
      <h1>Technicians</h1>
      <form onSubmit={onSubmit} noValidate aria-label="Add a technician">
        <div className="grid">
          <TextField form={form} name="first_name" label="First name" />
          <TextField form={form} name="last_name" label="Last name" />
          <TextField form={form} name="employee_id" label="Employee ID" />
        </div>
        <FormFooter form={form} submit="Add technician" />
      </form>
      <DataTable
        caption="Technicians"
        rows={technicians.data}
        isLoading={technicians.isLoading}
        error={technicians.error}
        retry={() => technicians.refetch()}
        rowKey={(t) => t.id}
        searchText={(t) => `${t.first_name} ${t.last_name} ${t.employee_id}`}
        empty="No technicians yet."
        columns={[
          { key: 'employee_id', header: 'Employee ID', cell: (t) => t.employee_id, sortValue: (t) => t.employee_id },
          { key: 'first_name', header: 'First name', cell: (t) => t.first_name, sortValue: (t) => t.first_name },
          { key: 'last_name', header: 'Last name', cell: (t) => t.last_name, sortValue: (t) => t.last_name },
        ]}
      />
    </>
  );
}
