import { useState } from 'react';
import { Trans } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { toast } from 'sonner';
import '../../../components/record.css';
import { Breadcrumb } from '../../../components/breadcrumb';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import { DataTable } from '../../../components/data-table';
import { ErrorState, Loading, NotFound } from '../../../components/states';
import { errorMessage, isMissingRecord } from '../../../lib/api-client';
import { useCan } from '../../../lib/auth';
import { formatMoney } from '../../../lib/format';
import { useTranslation } from '../../../lib/i18n';
import { useSales } from '../api/get-sales';
import { useSalesperson } from '../api/get-salesperson';
import { useUpdateSalesperson } from '../api/update-salesperson';
import { personName, type Salesperson } from '../types';
import { saleColumns } from './sale-columns';

function RetireOrReinstate({ person }: { person: Salesperson }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const update = useUpdateSalesperson(person.id);
  if (!person.active) {
    return (
      <button
        type="button"
        className="secondary"
        disabled={update.isPending}
        aria-busy={update.isPending || undefined}
        onClick={() =>
          update.mutateAsync({ active: true }).then(
            () => toast.success(t('sales:salesperson.reinstated', { name: personName(person) })),
            (error: unknown) => toast.error(errorMessage(error)),
          )
        }
      >
        {t('sales:salesperson.reinstate', { name: personName(person) })}
      </button>
    );
  }
  return (
    <>
      <button type="button" className="secondary outline" onClick={() => setOpen(true)}>
        {t('sales:salesperson.retire', { name: personName(person) })}
      </button>
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
    <>
      <Breadcrumb>
        <li>
          <Link to="/sales/salespeople">{t('people:salespeople.title')}</Link>
        </li>
        <li aria-current="page">{personName(p)}</li>
      </Breadcrumb>
      <header className="record-header">
        <h1>
          {personName(p)}
          {!p.active && <span className="badge retired">{t('sales:salesperson.retired')}</span>}
        </h1>
        <p>{t('sales:salesperson.employeeId', { id: p.employee_id })}</p>
      </header>
      <div className="record-actions">{mayWrite && <RetireOrReinstate person={p} />}</div>
      <section aria-labelledby="sales-heading">
        <h2 id="sales-heading">{t('sales:salesperson.sales')}</h2>
        {sales.data && (
          <p className="total">{t('sales:total', { count: sales.data.length, total: formatMoney(total) })}</p>
        )}
        <DataTable
          caption={t('sales:salesperson.salesBy', { name: personName(p) })}
          rows={sales.data}
          isLoading={sales.isLoading}
          error={sales.error}
          retry={() => sales.refetch()}
          rowKey={(s) => s.id}
          empty={t('sales:salesperson.empty')}
          columns={saleColumns(t).filter((column) => column.key !== 'salesperson')}
        />
      </section>
    </>
  );
}
