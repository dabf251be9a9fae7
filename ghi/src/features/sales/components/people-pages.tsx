import { customerBody, salespersonBody } from '@carcar/common/contract/sales';
import { DataTable } from '../../../components/data-table';
import { FormFooter, TextField } from '../../../components/form';
import { StaffPage } from '../../../components/staff-page';
import { useApiForm } from '../../../lib/use-api-form';
import { useCreateCustomer } from '../api/create-customer';
import { useCreateSalesperson } from '../api/create-salesperson';
import { useCustomers } from '../api/get-customers';
import { useSalespeople } from '../api/get-salespeople';

export function SalespeoplePage() {
  const create = useCreateSalesperson();
  return (
    <StaffPage
      title="Salespeople"
      kind="salesperson"
      schema={salespersonBody}
      staff={useSalespeople()}
      save={create.mutateAsync}
    />
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
