import { allowsOwn } from '@carcar/common/contract/permissions';
import '../../../components/record.css';
import '../repair-orders.css';
import { zodResolver } from '@hookform/resolvers/zod';
import { useMemo, useState } from 'react';
import { type Path, useForm } from 'react-hook-form';
import { Link, useParams } from 'react-router-dom';
import { toast } from 'sonner';
import type { z } from 'zod';
import { Breadcrumb } from '../../../components/breadcrumb';
import { FormFooter, TextField } from '../../../components/form';
import { ErrorState, Loading, NotFound } from '../../../components/states';
import { VinLink } from '../../../components/vin-link';
import { ApiError, errorMessage, isMissingRecord } from '../../../lib/api-client';
import { useCan, useCurrentUser } from '../../../lib/auth';
import { formatDateTime, formatMoney, formatNumber } from '../../../lib/format';
import { useTranslation } from '../../../lib/i18n';
import { useRepairOrder } from '../api/get-repair-order';
import { useShopSettings } from '../api/get-shop-settings';
import { useTechnicians } from '../api/get-technicians';
import { useUpdateRepairOrder } from '../api/update-repair-order';
import { type EstimateLink, isSettled, methodLabel, type OrderPageSlots, type RepairOrder } from '../types';
import { AddLineForm } from './add-line-form';
import { LinesTable } from './lines-table';
import { ConcernField, formPath, type WriteUpValues, writeUpBody, writeUpForm } from './new-repair-order-page';
import { ApprovalLink, InvoiceButton, RecordApproval, SendEstimate, TakePayment, VoidOrder } from './order-actions';
import { OrderStatusBadge } from './repair-order-columns';
import { OrderTotals } from './totals';

type WriteUpInput = z.input<ReturnType<typeof writeUpForm>>;

function EditWriteUp({ order, onDone }: { order: RepairOrder; onDone: () => void }) {
  const { t } = useTranslation();
  const update = useUpdateRepairOrder(order.id);
  const schema = useMemo(() => writeUpForm(t), [t]);
  const initial: WriteUpInput = {
    customer_name: order.customer.name,
    customer_phone: order.customer.phone ?? '',
    customer_email: order.customer.email ?? '',
    mileage: String(order.mileage),
    concern: order.concern,
  };
  const form = useForm<WriteUpInput, unknown, WriteUpValues>({
    resolver: zodResolver(schema),
    defaultValues: initial,
  });
  const submit = form.handleSubmit(async (values) => {
    try {
      await update.mutateAsync(writeUpBody(values, { clearEmpty: true }));
      toast.success(t('repairOrders:writeUp.saved'));
      onDone();
    } catch (error) {
      const fields = error instanceof ApiError ? error.fieldErrors.filter((f) => formPath(f.path) in initial) : [];
      for (const field of fields) {
        form.setError(formPath(field.path) as Path<WriteUpInput>, { type: 'server', message: field.message });
      }
      if (fields.length === 0 || (error instanceof ApiError && error.status !== 400)) {
        form.setError('root.server', { type: 'server', message: errorMessage(error) });
      }
    }
  });
  return (
    <form onSubmit={submit} noValidate aria-label={t('repairOrders:writeUp.editForm')}>
      <div className="grid">
        <TextField form={form} name="customer_name" label={t('repairOrders:writeUp.customerName')} autoComplete="off" />
        <TextField
          form={form}
          name="customer_phone"
          label={t('repairOrders:writeUp.phone')}
          type="tel"
          autoComplete="off"
        />
        <TextField
          form={form}
          name="customer_email"
          label={t('repairOrders:writeUp.email')}
          type="email"
          autoComplete="off"
        />
      </div>
      <TextField form={form} name="mileage" label={t('repairOrders:writeUp.mileage')} type="number" min="0" />
      <ConcernField field={form.register('concern')} error={form.formState.errors.concern?.message} />
      <div className="record-actions">
        <FormFooter form={form} submit={t('repairOrders:writeUp.save')} />
        <button type="button" className="secondary" onClick={onDone}>
          {t('repairOrders:writeUp.cancel')}
        </button>
      </div>
    </form>
  );
}

/** Who brought which car, how far it has driven and what they ask for. */
function WriteUp({ order, mayEdit }: { order: RepairOrder; mayEdit: boolean }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  return (
    <section aria-labelledby="write-up-heading" className="ro-panel">
      <h2 id="write-up-heading">{t('repairOrders:writeUp.title')}</h2>
      {editing ? (
        <EditWriteUp order={order} onDone={() => setEditing(false)} />
      ) : (
        <>
          <dl className="facts">
            <dt>{t('repairOrders:writeUp.customer')}</dt>
            <dd>{order.customer.name}</dd>
            <dt>{t('repairOrders:writeUp.phoneShort')}</dt>
            <dd>{order.customer.phone ? <a href={`tel:${order.customer.phone}`}>{order.customer.phone}</a> : '—'}</dd>
            <dt>{t('repairOrders:writeUp.emailShort')}</dt>
            <dd>
              {order.customer.email ? <a href={`mailto:${order.customer.email}`}>{order.customer.email}</a> : '—'}
            </dd>
            <dt>{t('repairOrders:writeUp.car')}</dt>
            <dd>
              <VinLink vin={order.vin} />
              {order.vip && <span className="badge vip">{t('repairOrders:order.vip')}</span>}
            </dd>
            <dt>{t('repairOrders:writeUp.mileage')}</dt>
            <dd>{t('repairOrders:writeUp.miles', { mileage: formatNumber(order.mileage) })}</dd>
            <dt>{t('repairOrders:writeUp.concern')}</dt>
            <dd>{order.concern}</dd>
            {order.appointment !== null && (
              <>
                <dt>{t('repairOrders:writeUp.appointment')}</dt>
                <dd>
                  <Link to={`/service/appointments/${order.appointment}`}>
                    {t('repairOrders:writeUp.appointmentNumber', { id: order.appointment })}
                  </Link>
                </dd>
              </>
            )}
            <dt>{t('repairOrders:writeUp.advisor')}</dt>
            <dd>{order.advisor?.name ?? '—'}</dd>
          </dl>
          {mayEdit && (
            <button type="button" className="secondary outline" onClick={() => setEditing(true)}>
              {t('repairOrders:writeUp.edit')}
            </button>
          )}
        </>
      )}
    </section>
  );
}

function Payments({ order }: { order: RepairOrder }) {
  const { t } = useTranslation();
  if (order.payments.length === 0) return null;
  return (
    <section aria-labelledby="payments-heading" className="ro-panel">
      <h2 id="payments-heading">{t('repairOrders:payments.title')}</h2>
      <ul>
        {order.payments.map((p) => (
          <li key={p.id}>
            <span className="money">{formatMoney(p.amount)}</span> {methodLabel(t, p.method)}
            {p.reference ? ` (${p.reference})` : ''}, {formatDateTime(p.at)}
          </li>
        ))}
      </ul>
    </section>
  );
}

/**
 * The advisor's page of one repair order: the write-up, the lines, the money, and what to do next.
 * The inspection and the part picker are other features', given by app/ (repair-order-route.tsx).
 */
export function RepairOrderPage({ inspection, partPicker }: OrderPageSlots) {
  const { t } = useTranslation();
  const rawId = useParams().id ?? '';
  const id = Number(rawId);
  const order = useRepairOrder(id);
  const technicians = useTechnicians();
  const settings = useShopSettings();
  const user = useCurrentUser();
  const mayWrite = useCan('repair_orders.write');
  const mayPropose = useCan('repair_orders.propose');
  const [deciding, setDeciding] = useState(false);
  const [link, setLink] = useState<EstimateLink | null>(null);
  const [refusal, setRefusal] = useState<string | null>(null);
  if (isMissingRecord(id, order.error)) {
    return (
      <NotFound title={t('repairOrders:order.notFound')}>
        {t('repairOrders:order.noSuch', { id: rawId })}{' '}
        <Link to="/service/repair-orders">{t('repairOrders:order.backToList')}</Link>.
      </NotFound>
    );
  }
  if (order.isLoading) return <Loading />;
  if (order.error || !order.data) return <ErrorState error={order.error} retry={() => order.refetch()} />;
  const o = order.data;
  const settled = isSettled(o.status);
  const proposed = o.lines.some((l) => l.status === 'proposed');
  const invoiced = o.status === 'invoiced' || o.status === 'closed';
  return (
    <>
      <Breadcrumb>
        <li>
          <Link to="/service/repair-orders">{t('repairOrders:list.title')}</Link>
        </li>
        <li aria-current="page">{t('repairOrders:order.short', { id: o.id })}</li>
      </Breadcrumb>
      <header className="record-header">
        <h1>
          {t('repairOrders:order.heading', { id: o.id, customer: o.customer.name })}{' '}
          <OrderStatusBadge status={o.status} />
        </h1>
        <p>
          {t('repairOrders:order.opened', { at: formatDateTime(o.created_at) })}
          {o.invoiced_at && ` · ${t('repairOrders:order.invoicedAt', { at: formatDateTime(o.invoiced_at) })}`}
          {o.closed_at && ` · ${t('repairOrders:order.closedAt', { at: formatDateTime(o.closed_at) })}`}
        </p>
      </header>
      {o.status === 'void' && (
        <div className="voided-notice" role="status">
          <p>
            <strong>{t('repairOrders:order.voided')}</strong> {t('repairOrders:order.voidReason')}{' '}
            {o.void_reason ?? t('repairOrders:order.noVoidReason')}
          </p>
        </div>
      )}
      {/* The write-up beside the money and what to do next; below, the lines across the whole width. */}
      <div className="ro-layout">
        <WriteUp order={o} mayEdit={mayWrite && !settled} />
        <aside aria-label={t('repairOrders:order.moneyAndActions')}>
          <OrderTotals totals={o.totals} />
          <div className="record-actions ro-actions">
            {mayWrite && !settled && <SendEstimate order={o} onSent={setLink} />}
            {mayWrite && !settled && proposed && !deciding && (
              <button type="button" className="secondary" onClick={() => setDeciding(true)}>
                {t('repairOrders:order.recordApproval')}
              </button>
            )}
            {mayWrite && !settled && <InvoiceButton order={o} onRefused={setRefusal} />}
            <Link to={`/service/repair-orders/${o.id}/print`} role="button" className="secondary outline">
              {invoiced ? t('repairOrders:order.printInvoice') : t('repairOrders:order.printEstimate')}
            </Link>
            {mayWrite && !settled && <VoidOrder order={o} />}
          </div>
          {refusal && !settled && (
            <p role="alert" className="ro-missing" data-testid="invoice-refusal">
              <strong>{t('repairOrders:order.notReady')}</strong> {refusal}
            </p>
          )}
          {mayWrite && o.status === 'invoiced' && o.totals.balance > 0 && (
            <TakePayment key={o.payments.length} order={o} />
          )}
        </aside>
      </div>
      {link && !settled && <ApprovalLink order={o} link={link} />}
      <section aria-labelledby="lines-heading">
        <h2 id="lines-heading">{t('repairOrders:order.lines')}</h2>
        <LinesTable
          orderId={o.id}
          lines={o.lines}
          technicians={technicians.data}
          mayRemove={mayWrite && !settled}
          mayAssign={mayWrite && !settled}
          mayFinish={(line) => user !== null && allowsOwn(user, 'repair_orders.work', line.technician)}
        />
      </section>
      {deciding && proposed && !settled && <RecordApproval order={o} onDone={() => setDeciding(false)} />}
      {inspection(o)}
      {(mayWrite || mayPropose) && !settled && (
        <AddLineForm
          orderId={o.id}
          laborRate={settings.data?.labor_rate}
          technicians={technicians.data}
          partPicker={partPicker}
        />
      )}
      <Payments order={o} />
    </>
  );
}
