import { Button, Text } from '@mantine/core';
import { useState } from 'react';
import { Trans } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { toast } from 'sonner';
import '../../../components/record.css';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import { DetailPage, DetailSection } from '../../../components/detail-page';
import { ErrorState, Loading, NotFound } from '../../../components/states';
import { StatusBadge } from '../../../components/status-badge';
import { errorMessage, isMissingRecord } from '../../../lib/api-client';
import { useCan } from '../../../lib/auth';
import { formatMoney } from '../../../lib/format';
import { useTranslation } from '../../../lib/i18n';
import { usePhone } from '../../../lib/use-phone';
import { useSales } from '../api/get-sales';
import { useSalesperson } from '../api/get-salesperson';
import { useUpdateSalesperson } from '../api/update-salesperson';
import { personName, type Salesperson } from '../types';
import { PersonSalesTable } from './person-sales-table';

function RetireOrReinstate({ person, size }: { person: Salesperson; size: 'sm' | 'md' }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const update = useUpdateSalesperson(person.id);
  if (!person.active) {
    return (
      <Button
        variant="default"
        size={size}
        loading={update.isPending}
        onClick={() =>
          update.mutateAsync({ active: true }).then(
            () => toast.success(t('sales:salesperson.reinstated', { name: personName(person) })),
            (error: unknown) => toast.error(errorMessage(error)),
          )
        }
      >
        {t('sales:salesperson.reinstate', { name: personName(person) })}
      </Button>
    );
  }
  return (
    <>
      <Button variant="default" color="red" size={size} onClick={() => setOpen(true)}>
        {t('sales:salesperson.retire', { name: personName(person) })}
      </Button>
      <ConfirmDialog
        open={open}
        title={t('sales:salesperson.retireTitle', { name: personName(person) })}
        confirmLabel={t('sales:salesperson.retireConfirm')}
        cancelLabel={t('sales:salesperson.keepActive')}
        onConfirm={async () => {
          await update.mutateAsync({ active: false });
          toast.success(t('sales:salesperson.retiredToast', { name: personName(person) }));
        }}
        onClose={() => setOpen(false)}
      >
        <p>{t('sales:salesperson.retireBody')}</p>
      </ConfirmDialog>
    </>
  );
}

/** One salesperson: who they are, whether they still sell, and every sale they made. */
export function SalespersonPage() {
  const { t } = useTranslation();
  const id = Number(useParams().id);
  const person = useSalesperson(id);
  const mayWrite = useCan('salespeople.write');
  const sales = useSales({ salesperson: id, sort: '-id' }, Number.isInteger(id) && id > 0);
  // A phone's tap needs a 44 px target; on a wide screen the header's buttons stay small.
  const size = usePhone() ? 'md' : 'sm';
  if (isMissingRecord(id, person.error)) {
    return (
      <NotFound title={t('sales:salesperson.notFound')}>
        <Trans t={t} i18nKey="sales:salesperson.noSuch" components={{ back: <Link to="/sales/salespeople" /> }} />
      </NotFound>
    );
  }
  if (person.isLoading) return <Loading />;
  if (person.error || !person.data) return <ErrorState error={person.error} retry={() => person.refetch()} />;
  const p = person.data;
  const total = (sales.data ?? []).reduce((sum, sale) => sum + sale.price, 0);
  return (
    <DetailPage
      crumbs={[{ label: t('people:salespeople.title'), to: '/sales/salespeople' }, { label: personName(p) }]}
      title={personName(p)}
      status={
        p.active ? (
          <StatusBadge tone="success">{t('common:staff.active')}</StatusBadge>
        ) : (
          <StatusBadge tone="neutral">{t('sales:salesperson.retired')}</StatusBadge>
        )
      }
      subtitle={t('sales:salesperson.employeeId', { id: p.employee_id })}
      actions={mayWrite && <RetireOrReinstate person={p} size={size} />}
    >
      <DetailSection title={t('sales:salesperson.sales')}>
        {sales.data && (
          <Text size="sm" mb="xs" className="total">
            {t('sales:total', { count: sales.data.length, total: formatMoney(total) })}
          </Text>
        )}
        <PersonSalesTable
          sales={sales}
          person="salesperson"
          caption={t('sales:salesperson.salesBy', { name: personName(p) })}
          empty={t('sales:salesperson.empty')}
        />
      </DetailSection>
    </DetailPage>
  );
}
