import { customerBody, salespersonBody } from '@carcar/common/contract/sales';
import { DataTable } from '../../../components/data-table';
import { FormFooter, TextField } from '../../../components/form';
import { useApiForm } from '../../../lib/use-api-form';
import { useCreateCustomer } from '../api/create-customer';
import { useCreateSalesperson } from '../api/create-salesperson';
import { useCustomers } from '../api/get-customers';
import { useSalespeople } from '../api/get-salespeople';

export function SalespeoplePage() {
  const salespeople = useSalespeople();
  const create = useCreateSalesperson();
  const { form, onSubmit } = useApiForm({
    schema: salespersonBody,
    defaultValues: { first_name: '', last_name: '', employee_id: '' },
    save: create.mutateAsync,
    success: 'Salesperson added',
  });
  return (
    <>
      <h1>Salespeople</h1>
      <form onSubmit={onSubmit} noValidate aria-label="Add a salesperson">
        <div className="grid">
          <TextField form={form} name="first_name" label="First name" />
          <TextField form={form} name="last_name" label="Last name" />
          <TextField form={form} name="employee_id" label="Employee ID" />
        </div>
        <FormFooter form={form} submit="Add salesperson" />
      </form>
      <DataTable
        caption="Salespeople"
        rows={salespeople.data}
        isLoading={salespeople.isLoading}
        error={salespeople.error}
        retry={() => salespeople.refetch()}
        rowKey={(p) => p.id}
        searchText={(p) => `${p.first_name} ${p.last_name} ${p.employee_id}`}
        empty="No salespeople yet."
        columns={[
          { key: 'employee_id', header: 'Employee ID', cell: (p) => p.employee_id, sortValue: (p) => p.employee_id },
          { key: 'first_name', header: 'First name', cell: (p) => p.first_name, sortValue: (p) => p.first_name },
          { key: 'last_name', header: 'Last name', cell: (p) => p.last_name, sortValue: (p) => p.last_name },
        ]}
      />
    </>
  );
}

export function CustomersPage() {
  const customers = useCustomers();
  const create = useCreateCustomer();
  const { form, onSubmit } = useApiForm({
    schema: customerBody,
    defaultValues: { first_name: '', last_name: '', address: '', phone_number: '' },
    save: create.mutateAsync,
    success: 'Customer added',
  });
  return (
    <>
      <h1>Customers</h1>
      <form onSubmit={onSubmit} noValidate aria-label="Add a customer">
        <div className="grid">
          <TextField form={form} name="first_name" label="First name" />
          <TextField form={form} name="last_name" label="Last name" />
        </div>
        <div className="grid">
          <TextField form={form} name="address" label="Address" autoComplete="street-address" />
          <TextField form={form} name="phone_number" label="Phone number" type="tel" />
        </div>
        <FormFooter form={form} submit="Add customer" />
      </form>
      <DataTable
        caption="Customers"
        rows={customers.data}
        isLoading={customers.isLoading}
        error={customers.error}
        retry={() => customers.refetch()}
        rowKey={(c) => c.id}
        searchText={(c) => `${c.first_name} ${c.last_name} ${c.address} ${c.phone_number}`}
        empty="No customers yet."
        columns={[
          { key: 'first_name', header: 'First name', cell: (c) => c.first_name, sortValue: (c) => c.first_name },
          { key: 'last_name', header: 'Last name', cell: (c) => c.last_name, sortValue: (c) => c.last_name },
          { key: 'address', header: 'Address', cell: (c) => c.address },
          { key: 'phone_number', header: 'Phone number', cell: (c) => c.phone_number },
        ]}
      />
    </>
  );
}
