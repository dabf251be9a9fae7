import { customerBody } from '@carcar/common/contract/sales';
import { Group, SimpleGrid, Text } from '@mantine/core';
import { Trans } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import '../../../components/record.css';
import { DetailPage, DetailSection } from '../../../components/detail-page';
import { FormFooter } from '../../../components/form';
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
import { CustomerFields } from './customer-fields';
import { PersonSalesTable } from './person-sales-table';

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
    <DetailSection title={t('sales:customer.details')}>
      <form onSubmit={onSubmit} noValidate aria-label={t('sales:customer.editForm')}>
        <CustomerFields form={form} />
        <FormFooter form={form} submit={t('sales:customer.save')} />
      </form>
    </DetailSection>
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
    <DetailPage
      crumbs={[{ label: t('people:customers.title'), to: '/sales/customers' }, { label: personName(c) }]}
      title={personName(c)}
      subtitle={
        <>
          <span style={{ whiteSpace: 'nowrap' }}>{c.phone_number}</span> · {c.address}
        </>
      }
    >
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        {mayEdit && <EditCustomer key={JSON.stringify(c)} customer={c} />}
        {maySeeSales && (
          <DetailSection title={t('sales:customer.carsBought')}>
            {sales.isLoading ? (
              <Loading />
            ) : cars.length === 0 ? (
              <Text size="sm" c="dimmed" className="empty">
                {t('sales:customer.noCars')}
              </Text>
            ) : (
              <Group gap="xs">
                {cars.map((vin) => (
                  <VinLink key={vin} vin={vin} />
                ))}
              </Group>
            )}
          </DetailSection>
        )}
      </SimpleGrid>
      {maySeeSales && (
        <DetailSection title={t('sales:customer.sales')}>
          <PersonSalesTable
            sales={sales}
            person="customer"
            caption={t('sales:customer.salesTo', { name: personName(c) })}
            empty={t('sales:customer.empty')}
          />
        </DetailSection>
      )}
    </DetailPage>
  );
}
