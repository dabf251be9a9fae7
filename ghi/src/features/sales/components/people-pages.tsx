import { staffBody as salespersonBody } from '@carcar/common/contract/people';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import '../../../components/record.css';
import { DataTable } from '../../../components/data-table';
import { ExportCsvMenuItem } from '../../../components/export-csv-button';
import { FormFooter } from '../../../components/form';
import { AddInDrawer, ListPage, MoreMenu } from '../../../components/list-page';
import { StaffForm } from '../../../components/staff-form';
import { StatusBadge } from '../../../components/status-badge';
import { useCan } from '../../../lib/auth';
import { formatNumber } from '../../../lib/format';
import { useTranslation } from '../../../lib/i18n';
import { customerPath, salespersonPath } from '../../../lib/paths';
import { useApiForm } from '../../../lib/use-api-form';
import { useCreateSalesperson } from '../api/create-salesperson';
import { customersRequest, useCustomers } from '../api/get-customers';
import { salespeopleRequest, useSalespeople } from '../api/get-salespeople';
import type { Customer, Salesperson } from '../types';
import { CustomerFields } from './customer-fields';
import { useAddCustomerForm } from './customer-form';

function AddSalespersonForm({ onAdded }: { onAdded: (person: Salesperson) => void }) {
  const { t } = useTranslation();
  const create = useCreateSalesperson();
  const { form, onSubmit } = useApiForm({
    schema: salespersonBody,
    defaultValues: { first_name: '', last_name: '', employee_id: '' },
    save: create.mutateAsync,
    success: t('people:salespeople.added'),
    onSaved: (person) => onAdded(person as Salesperson),
  });
  return (
    <StaffForm
      form={form}
      onSubmit={onSubmit}
      label={t('people:salespeople.addForm')}
      submit={t('people:salespeople.add')}
    />
  );
}

export function SalespeoplePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const salespeople = useSalespeople();
  const mayWrite = useCan('salespeople.write');
  const [added, setAdded] = useState<number | null>(null);
  const total = salespeople.data?.length;
  return (
    <ListPage
      title={t('people:salespeople.title')}
      count={
        total === undefined
          ? undefined
          : t('people:salespeople.count', { count: total, formatted: formatNumber(total) })
      }
      actions={
        <>
          <MoreMenu>
            <ExportCsvMenuItem name="salespeople" request={salespeopleRequest} />
          </MoreMenu>
          {mayWrite && (
            <AddInDrawer label={t('people:salespeople.add')}>
              {(close) => (
                <AddSalespersonForm
                  onAdded={(person) => {
                    close();
                    setAdded(person.id);
                  }}
                />
              )}
            </AddInDrawer>
          )}
        </>
      }
    >
      <DataTable<Salesperson>
        caption={t('people:salespeople.title')}
        rows={salespeople.data}
        isLoading={salespeople.isLoading}
        error={salespeople.error}
        retry={() => salespeople.refetch()}
        rowKey={(p) => p.id}
        highlight={(p) => p.id === added}
        onRowClick={(p) => navigate(salespersonPath(p.id))}
        searchHint={t('people:salespeople.searchHint')}
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
            nowrap: true,
          },
          {
            key: 'active',
            header: t('common:staff.status'),
            cell: (p) =>
              p.active ? (
                <StatusBadge tone="success">{t('common:staff.active')}</StatusBadge>
              ) : (
                <StatusBadge tone="neutral">{t('common:staff.retired')}</StatusBadge>
              ),
            sortValue: (p) => (p.active ? 0 : 1),
          },
        ]}
      />
    </ListPage>
  );
}

function AddCustomerForm({ onAdded }: { onAdded: (customer: Customer) => void }) {
  const { t } = useTranslation();
  const { form, onSubmit } = useAddCustomerForm(t('people:customers.added'), onAdded);
  return (
    <form onSubmit={onSubmit} noValidate aria-label={t('people:customers.addForm')}>
      <CustomerFields form={form} narrow />
      <FormFooter form={form} submit={t('people:customers.add')} />
    </form>
  );
}

export function CustomersPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const customers = useCustomers();
  const mayCreate = useCan('customers.create');
  const [added, setAdded] = useState<number | null>(null);
  const total = customers.data?.length;
  return (
    <ListPage
      title={t('people:customers.title')}
      count={
        total === undefined ? undefined : t('people:customers.count', { count: total, formatted: formatNumber(total) })
      }
      actions={
        <>
          <MoreMenu>
            <ExportCsvMenuItem name="customers" request={customersRequest} />
          </MoreMenu>
          {mayCreate && (
            <AddInDrawer label={t('people:customers.add')}>
              {(close) => (
                <AddCustomerForm
                  onAdded={(customer) => {
                    close();
                    setAdded(customer.id);
                  }}
                />
              )}
            </AddInDrawer>
          )}
        </>
      }
    >
      <DataTable<Customer>
        caption={t('people:customers.title')}
        rows={customers.data}
        isLoading={customers.isLoading}
        error={customers.error}
        retry={() => customers.refetch()}
        rowKey={(c) => c.id}
        highlight={(c) => c.id === added}
        onRowClick={(c) => navigate(customerPath(c.id))}
        searchHint={t('people:customers.searchHint')}
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
          { key: 'phone_number', header: t('people:customers.phone'), cell: (c) => c.phone_number, nowrap: true },
        ]}
      />
    </ListPage>
  );
}
