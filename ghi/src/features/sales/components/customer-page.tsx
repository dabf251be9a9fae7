import { customerBody } from '@carcar/common/contract/sales';
import { Trans } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import '../../../components/record.css';
import { Breadcrumb } from '../../../components/breadcrumb';
import { DataTable } from '../../../components/data-table';
import { FormFooter, TextField } from '../../../components/form';
import { ErrorState, Loading, NotFound } from '../../../components/states';
import { VinLink } from '../../../components/vin-link';
import { isMissingRecord } from '../../../lib/api-client';
import { useCan, useCanAtLeastOwn } from '../../../lib/auth';
import { useTranslation } from '../../../lib/i18n';
import { useApiForm } from '../../../lib/use-api-form';
import { useCustomer } from '../api/get-customer';
import { useSales } from '../api/get-sales';
import { useUpdateCustomer } from '../api/update-customer';
import { type Customer, personName } from '../types';
import { saleColumns } from './sale-columns';

function EditCustomer({ customer }: { customer: Customer }) {
  const { t } = useTranslation();
  const update = useUpdateCustomer(customer.id);
  const { form, onSubmit } = useApiForm({
    schema: customerBody,
    defaultValues: {
      first_name: customer.first_name,
      last_name: customer.last_name,
      address: customer.address,
      phone_number: customer.phone_number,
    },
    save: update.mutateAsync,
    success: t('sales:customer.saved'),
    keepValues: true,
  });
  return (
    <section aria-labelledby="edit-heading">
      <h2 id="edit-heading">{t('sales:customer.details')}</h2>
      <form onSubmit={onSubmit} noValidate aria-label={t('sales:customer.editForm')}>
        <div className="grid">
          <TextField form={form} name="first_name" label={t('common:staff.firstName')} autoComplete="off" />
          <TextField form={form} name="last_name" label={t('common:staff.lastName')} autoComplete="off" />
        </div>
        <div className="grid">
          <TextField form={form} name="address" label={t('people:customers.address')} autoComplete="off" />
          <TextField
            form={form}
            name="phone_number"
            label={t('people:customers.phone')}
            type="tel"
            autoComplete="off"
          />
        </div>
        <FormFooter form={form} submit={t('sales:customer.save')} />
      </form>
    </section>
  );
}

/** One customer: their details (editable), the cars they bought and every sale to them. */
export function CustomerPage() {
  const { t } = useTranslation();
  const id = Number(useParams().id);
  const customer = useCustomer(id);
  const mayEdit = useCan('customers.create');
  // A service advisor looks customers up but does not see sales.
  const maySeeSales = useCanAtLeastOwn('sales.read');
  const sales = useSales(
    { customer: id, include_voided: true, sort: '-id' },
    maySeeSales && Number.isInteger(id) && id > 0,
  );
  if (isMissingRecord(id, customer.error)) {
    return (
      <NotFound title={t('sales:customer.notFound')}>
        <Trans t={t} i18nKey="sales:customer.noSuch" components={{ back: <Link to="/sales/customers" /> }} />
      </NotFound>
    );
  }
  if (customer.isLoading) return <Loading />;
  if (customer.error || !customer.data) return <ErrorState error={customer.error} retry={() => customer.refetch()} />;
  const c = customer.data;
  const cars = [...new Set((sales.data ?? []).filter((s) => !s.voided_at).map((s) => s.automobile.vin))];
  return (
    <>
      <Breadcrumb>
        <li>
          <Link to="/sales/customers">{t('people:customers.title')}</Link>
        </li>
        <li aria-current="page">{personName(c)}</li>
      </Breadcrumb>
      <header className="record-header">
        <h1>{personName(c)}</h1>
        <p>
          {c.phone_number} · {c.address}
        </p>
      </header>
      <div className="record-columns">
        {mayEdit && <EditCustomer key={JSON.stringify(c)} customer={c} />}
        {maySeeSales && (
          <section aria-labelledby="cars-heading">
            <h2 id="cars-heading">{t('sales:customer.carsBought')}</h2>
            {sales.isLoading ? (
              <Loading />
            ) : cars.length === 0 ? (
              <p className="empty">{t('sales:customer.noCars')}</p>
            ) : (
              <ul>
                {cars.map((vin) => (
                  <li key={vin}>
                    <VinLink vin={vin} />
                  </li>
                ))}
              </ul>
            )}
          </section>
        )}
      </div>
      {maySeeSales && (
        <section aria-labelledby="sales-heading">
          <h2 id="sales-heading">{t('sales:customer.sales')}</h2>
          <DataTable
            caption={t('sales:customer.salesTo', { name: personName(c) })}
            rows={sales.data}
            isLoading={sales.isLoading}
            error={sales.error}
            retry={() => sales.refetch()}
            rowKey={(s) => s.id}
            empty={t('sales:customer.empty')}
            columns={saleColumns(t).filter((column) => column.key !== 'customer')}
          />
        </section>
      )}
    </>
  );
}
