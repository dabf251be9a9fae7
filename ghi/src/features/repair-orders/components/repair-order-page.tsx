import { allowsOwn } from '@carcar/common/contract/permissions';
import '../repair-orders.css';
import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Anchor, Button, Grid, Group, List, Stack, Text } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useForm } from 'react-hook-form';
import { Link, useParams } from 'react-router-dom';
import { toast } from 'sonner';
import { DetailPage, DetailSection, Facts } from '../../../components/detail-page';
import { FormFooter, TextField } from '../../../components/form';
import { ErrorState, Loading } from '../../../components/states';
import { VinLink } from '../../../components/vin-link';
import { VipBadge } from '../../../components/vip-badge';
import { isMissingRecord } from '../../../lib/api-client';
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
import {
  ConcernField,
  CustomerFields,
  showWriteUpError,
  type WriteUpInput,
  type WriteUpValues,
  writeUpBody,
  writeUpForm,
} from './new-repair-order-page';
import { ApprovalLink, InvoiceButton, RecordApproval, SendEstimate, TakePayment, VoidOrder } from './order-actions';
import { RepairOrderNotFound } from './order-not-found';
import { OrderStatusBadge } from './repair-order-columns';
import { OrderTotals } from './totals';

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
      showWriteUpError(form, initial, error);
    }
  });
  return (
    <form onSubmit={submit} noValidate aria-label={t('repairOrders:writeUp.editForm')}>
      <CustomerFields form={form} spacing="sm" />
      <TextField form={form} name="mileage" label={t('repairOrders:writeUp.mileage')} type="number" min="0" />
      <ConcernField field={form.register('concern')} error={form.formState.errors.concern?.message} />
      <Group gap="xs" align="center">
        <FormFooter form={form} submit={t('repairOrders:writeUp.save')} />
        <Button variant="default" onClick={onDone}>
          {t('repairOrders:writeUp.cancel')}
        </Button>
      </Group>
    </form>
  );
}

/** Who brought which car, how far it has driven and what they ask for. */
function WriteUp({ order, mayEdit }: { order: RepairOrder; mayEdit: boolean }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const dash = '—';
  // A phone number or email to tap, or a dash where the customer left none.
  const contact = (scheme: 'tel' | 'mailto', value: string | null | undefined) =>
    value ? (
      <Anchor href={`${scheme}:${value}`} className="nowrap">
        {value}
      </Anchor>
    ) : (
      dash
    );
  return (
    <DetailSection
      title={t('repairOrders:writeUp.title')}
      actions={
        mayEdit &&
        !editing && (
          <Button variant="default" onClick={() => setEditing(true)}>
            {t('repairOrders:writeUp.edit')}
          </Button>
        )
      }
    >
      {editing ? (
        <EditWriteUp order={order} onDone={() => setEditing(false)} />
      ) : (
        <Facts
          items={[
            { label: t('repairOrders:writeUp.customer'), value: order.customer.name },
            { label: t('repairOrders:writeUp.phoneShort'), value: contact('tel', order.customer.phone) },
            { label: t('repairOrders:writeUp.emailShort'), value: contact('mailto', order.customer.email) },
            {
              label: t('repairOrders:writeUp.car'),
              value: (
                <Group gap={6} wrap="nowrap" component="span">
                  <VinLink vin={order.vin} />
                  {order.vip && <VipBadge>{t('repairOrders:order.vip')}</VipBadge>}
                </Group>
              ),
            },
            {
              label: t('repairOrders:writeUp.mileage'),
              value: t('repairOrders:writeUp.miles', { mileage: formatNumber(order.mileage) }),
            },
            { label: t('repairOrders:writeUp.concern'), value: order.concern },
            ...(order.appointment !== null
              ? [
                  {
                    label: t('repairOrders:writeUp.appointment'),
                    value: (
                      <Link to={`/service/appointments/${order.appointment}`}>
                        {t('repairOrders:writeUp.appointmentNumber', { id: order.appointment })}
                      </Link>
                    ),
                  },
                ]
              : []),
            { label: t('repairOrders:writeUp.advisor'), value: order.advisor?.name ?? dash },
          ]}
        />
      )}
    </DetailSection>
  );
}

function Payments({ order }: { order: RepairOrder }) {
  const { t } = useTranslation();
  if (order.payments.length === 0) return null;
  return (
    <DetailSection title={t('repairOrders:payments.title')}>
      <List spacing={4} size="sm">
        {order.payments.map((p) => (
          <List.Item key={p.id}>
            <span className="money">{formatMoney(p.amount)}</span> {methodLabel(t, p.method)}
            {p.reference ? ` (${p.reference})` : ''}, {formatDateTime(p.at)}
          </List.Item>
        ))}
      </List>
    </DetailSection>
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
    return <RepairOrderNotFound rawId={rawId} />;
  }
  if (order.isLoading) return <Loading />;
  if (order.error || !order.data) return <ErrorState error={order.error} retry={() => order.refetch()} />;
  const o = order.data;
  const settled = isSettled(o.status);
  const proposed = o.lines.some((l) => l.status === 'proposed');
  const invoiced = o.status === 'invoiced' || o.status === 'closed';
  return (
    <DetailPage
      crumbs={[
        { label: t('repairOrders:list.title'), to: '/service/repair-orders' },
        { label: t('repairOrders:order.short', { id: o.id }) },
      ]}
      title={t('repairOrders:order.heading', { id: o.id, customer: o.customer.name })}
      status={<OrderStatusBadge status={o.status} />}
      subtitle={
        <>
          {t('repairOrders:order.opened', { at: formatDateTime(o.created_at) })}
          {o.invoiced_at && ` · ${t('repairOrders:order.invoicedAt', { at: formatDateTime(o.invoiced_at) })}`}
          {o.closed_at && ` · ${t('repairOrders:order.closedAt', { at: formatDateTime(o.closed_at) })}`}
        </>
      }
      actions={
        <>
          {mayWrite && !settled && <SendEstimate order={o} onSent={setLink} />}
          {mayWrite && !settled && proposed && !deciding && (
            <Button variant="default" onClick={() => setDeciding(true)}>
              {t('repairOrders:order.recordApproval')}
            </Button>
          )}
          {mayWrite && !settled && <InvoiceButton order={o} onRefused={setRefusal} />}
          <Button component={Link} to={`/service/repair-orders/${o.id}/print`} role="button" variant="default">
            {invoiced ? t('repairOrders:order.printInvoice') : t('repairOrders:order.printEstimate')}
          </Button>
          {mayWrite && !settled && <VoidOrder order={o} />}
        </>
      }
    >
      {o.status === 'void' && (
        <Alert color="red" role="status">
          <Text size="sm">
            <strong>{t('repairOrders:order.voided')}</strong> {t('repairOrders:order.voidReason')}{' '}
            {o.void_reason ?? t('repairOrders:order.noVoidReason')}
          </Text>
        </Alert>
      )}
      {refusal && !settled && (
        <Alert color="orange" role="alert" data-testid="invoice-refusal">
          <Text size="sm">
            <strong>{t('repairOrders:order.notReady')}</strong> {refusal}
          </Text>
        </Alert>
      )}
      {link && !settled && <ApprovalLink order={o} link={link} />}
      {/* The write-up beside the money; below, the lines across the whole width. */}
      <Grid gap="md">
        <Grid.Col span={{ base: 12, lg: 8 }}>
          <WriteUp order={o} mayEdit={mayWrite && !settled} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 4 }}>
          <Stack gap="md" component="aside" aria-label={t('repairOrders:order.moneyAndActions')}>
            <OrderTotals totals={o.totals} />
            {mayWrite && o.status === 'invoiced' && o.totals.balance > 0 && (
              <TakePayment key={o.payments.length} order={o} />
            )}
          </Stack>
        </Grid.Col>
      </Grid>
      <DetailSection title={t('repairOrders:order.lines')}>
        <LinesTable
          orderId={o.id}
          lines={o.lines}
          technicians={technicians.data}
          mayRemove={mayWrite && !settled}
          mayAssign={mayWrite && !settled}
          mayFinish={(line) => user !== null && allowsOwn(user, 'repair_orders.work', line.technician)}
        />
      </DetailSection>
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
    </DetailPage>
  );
}
