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
import { useTranslation } from '../../../lib/i18n';
import { customerPath, salespersonPath } from '../../../lib/paths';
import { useApiForm } from '../../../lib/use-api-form';
import { useCreateCustomer } from '../api/create-customer';
import { useCreateSalesperson } from '../api/create-salesperson';
import { customersRequest, useCustomers } from '../api/get-customers';
import { salespeopleRequest, useSalespeople } from '../api/get-salespeople';
import type { Customer, Salesperson } from '../types';

export function SalespeoplePage() {
  const { t } = useTranslation();
  const salespeople = useSalespeople();
  const mayWrite = useCan('salespeople.write');
  const create = useCreateSalesperson();
  const [added, setAdded] = useState<number | null>(null);
  const { form, onSubmit } = useApiForm({
    schema: salespersonBody,
    defaultValues: { first_name: '', last_name: '', employee_id: '' },
    save: create.mutateAsync,
    success: t('people:salespeople.added'),
    onSaved: (person) => setAdded((person as Salesperson).id),
  });
  return (
    <>
      <h1>{t('people:salespeople.title')}</h1>
      {mayWrite && (
        <StaffForm
          form={form}
          onSubmit={onSubmit}
          label={t('people:salespeople.addForm')}
          submit={t('people:salespeople.add')}
        />
      )}
      <div className="list-toolbar">
        <ExportCsvButton name="salespeople" request={salespeopleRequest} />
      </div>
      <DataTable<Salesperson>
        caption={t('people:salespeople.title')}
        rows={salespeople.data}
        isLoading={salespeople.isLoading}
        error={salespeople.error}
        retry={() => salespeople.refetch()}
        rowKey={(p) => p.id}
        highlight={(p) => p.id === added}
        searchText={(p) =>
          `${p.first_name} ${p.last_name} ${p.employee_id} ${p.active ? t('common:staff.active') : t('common:staff.retired')}`
        }
        empty={t('people:salespeople.empty')}
        columns={[
          {
            key: 'name',
            header: t('common:staff.name'),
            cell: (p) => <Link to={salespersonPath(p.id)}>{`${p.first_name} ${p.last_name}`}</Link>,
            sortValue: (p) => `${p.last_name} ${p.first_name}`,
          },
          {
            key: 'employee_id',
            header: t('common:staff.employeeId'),
            cell: (p) => p.employee_id,
            sortValue: (p) => p.employee_id,
          },
          {
            key: 'active',
            header: t('common:staff.status'),
            cell: (p) =>
              p.active ? t('common:staff.active') : <span className="badge retired">{t('common:staff.retired')}</span>,
            sortValue: (p) => (p.active ? 0 : 1),
          },
        ]}
      />
    </>
  );
}

export function CustomersPage() {
  const { t } = useTranslation();
  const customers = useCustomers();
  const mayCreate = useCan('customers.create');
  const create = useCreateCustomer();
  const [added, setAdded] = useState<number | null>(null);
  const { form, onSubmit } = useApiForm({
    schema: customerBody,
    defaultValues: { first_name: '', last_name: '', address: '', phone_number: '' },
    save: create.mutateAsync,
    success: t('people:customers.added'),
    onSaved: (customer) => setAdded((customer as Customer).id),
  });
  return (
    <>
      <h1>{t('people:customers.title')}</h1>
      {mayCreate && (
        <form onSubmit={onSubmit} noValidate aria-label={t('people:customers.addForm')}>
          <div className="grid">
            <TextField form={form} name="first_name" label={t('common:staff.firstName')} />
            <TextField form={form} name="last_name" label={t('common:staff.lastName')} />
          </div>
          <div className="grid">
            <TextField form={form} name="address" label={t('people:customers.address')} autoComplete="street-address" />
            <TextField form={form} name="phone_number" label={t('people:customers.phone')} type="tel" />
          </div>
          <FormFooter form={form} submit={t('people:customers.add')} />
        </form>
      )}
      <div className="list-toolbar">
        <ExportCsvButton name="customers" request={customersRequest} />
      </div>
      <DataTable<Customer>
        caption={t('people:customers.title')}
        rows={customers.data}
        isLoading={customers.isLoading}
        error={customers.error}
        retry={() => customers.refetch()}
        rowKey={(c) => c.id}
        highlight={(c) => c.id === added}
        searchText={(c) => `${c.first_name} ${c.last_name} ${c.address} ${c.phone_number}`}
        empty={t('people:customers.empty')}
        columns={[
          {
            key: 'name',
            header: t('common:staff.name'),
            cell: (c) => <Link to={customerPath(c.id)}>{`${c.first_name} ${c.last_name}`}</Link>,
            sortValue: (c) => `${c.last_name} ${c.first_name}`,
          },
          { key: 'address', header: t('people:customers.address'), cell: (c) => c.address },
          { key: 'phone_number', header: t('people:customers.phone'), cell: (c) => c.phone_number },
        ]}
      />
    </>
  );
}
