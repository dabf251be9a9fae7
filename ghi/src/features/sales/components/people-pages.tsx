import { staffBody as salespersonBody } from '@carcar/common/contract/people';
import { customerBody } from '@carcar/common/contract/sales';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import '../../../components/record.css';
import { DataTable } from '../../../components/data-table';
import { ExportCsvButton } from '../../../components/export-csv-button';
import { FormFooter, TextField } from '../../../components/form';
import { StaffForm } from '../../../components/staff-form';
import { useCan } from '../../../lib/auth';
import { customerPath, salespersonPath } from '../../../lib/paths';
import { useApiForm } from '../../../lib/use-api-form';
import { useCreateCustomer } from '../api/create-customer';
import { useCreateSalesperson } from '../api/create-salesperson';
import { customersRequest, useCustomers } from '../api/get-customers';
import { salespeopleRequest, useSalespeople } from '../api/get-salespeople';
import type { Customer, Salesperson } from '../types';

export function SalespeoplePage() {
  const salespeople = useSalespeople();
  const mayWrite = useCan('salespeople.write');
  const create = useCreateSalesperson();
  const [added, setAdded] = useState<number | null>(null);
  const { form, onSubmit } = useApiForm({
    schema: salespersonBody,
    defaultValues: { first_name: '', last_name: '', employee_id: '' },
    save: create.mutateAsync,
    success: 'Salesperson added',
    onSaved: (person) => setAdded((person as Salesperson).id),
  });
  return (
    <>
      <h1>Salespeople</h1>
      {mayWrite && <StaffForm form={form} onSubmit={onSubmit} label="Add a salesperson" submit="Add salesperson" />}
      <div className="list-toolbar">
        <ExportCsvButton name="salespeople" request={salespeopleRequest} />
      </div>
      <DataTable<Salesperson>
        caption="Salespeople"
        rows={salespeople.data}
        isLoading={salespeople.isLoading}
        error={salespeople.error}
        retry={() => salespeople.refetch()}
        rowKey={(p) => p.id}
        highlight={(p) => p.id === added}
        searchText={(p) => `${p.first_name} ${p.last_name} ${p.employee_id} ${p.active ? 'active' : 'retired'}`}
        empty="No salespeople yet."
        columns={[
          {
            key: 'name',
            header: 'Name',
            cell: (p) => <Link to={salespersonPath(p.id)}>{`${p.first_name} ${p.last_name}`}</Link>,
            sortValue: (p) => `${p.last_name} ${p.first_name}`,
          },
          { key: 'employee_id', header: 'Employee ID', cell: (p) => p.employee_id, sortValue: (p) => p.employee_id },
          {
            key: 'active',
            header: 'Status',
            cell: (p) => (p.active ? 'Active' : <span className="badge retired">Retired</span>),
            sortValue: (p) => (p.active ? 0 : 1),
          },
        ]}
      />
    </>
  );
}

export function CustomersPage() {
  const customers = useCustomers();
  const mayCreate = useCan('customers.create');
  const create = useCreateCustomer();
  const [added, setAdded] = useState<number | null>(null);
  const { form, onSubmit } = useApiForm({
    schema: customerBody,
    defaultValues: { first_name: '', last_name: '', address: '', phone_number: '' },
    save: create.mutateAsync,
    success: 'Customer added',
    onSaved: (customer) => setAdded((customer as Customer).id),
  });
  return (
    <>
      <h1>Customers</h1>
      {mayCreate && (
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
      )}
      <div className="list-toolbar">
        <ExportCsvButton name="customers" request={customersRequest} />
      </div>
      <DataTable<Customer>
        caption="Customers"
        rows={customers.data}
        isLoading={customers.isLoading}
        error={customers.error}
        retry={() => customers.refetch()}
        rowKey={(c) => c.id}
        highlight={(c) => c.id === added}
        searchText={(c) => `${c.first_name} ${c.last_name} ${c.address} ${c.phone_number}`}
        empty="No customers yet."
        columns={[
          {
            key: 'name',
            header: 'Name',
            cell: (c) => <Link to={customerPath(c.id)}>{`${c.first_name} ${c.last_name}`}</Link>,
            sortValue: (c) => `${c.last_name} ${c.first_name}`,
          },
          { key: 'address', header: 'Address', cell: (c) => c.address },
          { key: 'phone_number', header: 'Phone number', cell: (c) => c.phone_number },
        ]}
      />
    </>
  );
}
