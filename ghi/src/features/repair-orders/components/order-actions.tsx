import { Button, Fieldset, Group, NativeSelect, Radio, Table, TextInput } from '@mantine/core';
import { type FormEvent, useId, useRef, useState } from 'react';
import { toast } from 'sonner';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import { BusyButton, FormError } from '../../../components/form';
import { ApiError, errorMessage } from '../../../lib/api-client';
import { formatDateTime, formatMoney } from '../../../lib/format';
import { useTranslation } from '../../../lib/i18n';
import { useInvoice } from '../api/invoice';
import { useRecordApproval } from '../api/record-approval';
import { useSendEstimate } from '../api/send-estimate';
import { useTakePayment } from '../api/take-payment';
import { useVoidRepairOrder } from '../api/void-repair-order';
import { type EstimateLink, kindLabel, methodLabel, type PaymentMethod, type RepairOrder } from '../types';
import { lineFigures } from './lines-table';

/** The approval link as a full address: the API may answer it as a path of the gateway's. */
const absolute = (url: string) => new URL(url, window.location.origin).toString();

/** Send estimate: the API makes the customer's approval link (and marks the order sent). */
export function SendEstimate({ order, onSent }: { order: RepairOrder; onSent: (link: EstimateLink) => void }) {
  const { t } = useTranslation();
  const send = useSendEstimate(order.id);
  const proposed = order.lines.filter((l) => l.status === 'proposed').length;
  return (
    <Button
      disabled={send.isPending || proposed === 0}
      aria-busy={send.isPending || undefined}
      title={
        proposed === 0
          ? t('repairOrders:estimate.nothingProposed')
          : order.status === 'estimate'
            ? t('repairOrders:estimate.replacesLink')
            : undefined
      }
      onClick={() =>
        send.mutate(undefined, {
          onSuccess: (answer) => {
            onSent(answer);
            toast.success(t('repairOrders:estimate.ready'));
          },
          onError: (error) => toast.error(errorMessage(error)),
        })
      }
    >
      {order.status === 'estimate' ? t('repairOrders:estimate.sendAgain') : t('repairOrders:estimate.send')}
    </Button>
  );
}

/** The link the customer approves from, shown to copy into a text message or an email. */
export function ApprovalLink({ order, link }: { order: RepairOrder; link: EstimateLink }) {
  const { t } = useTranslation();
  const ids = useId();
  const box = useRef<HTMLInputElement>(null);
  const url = absolute(link.approval_url);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(url);
      toast.success(t('repairOrders:approvalLink.copied'));
    } catch {
      // No clipboard (an insecure page, a refusal): the address is selected for Ctrl+C instead.
      box.current?.select();
      toast.info(t('repairOrders:approvalLink.copyByHand'));
    }
  };
  return (
    <section className="approval-link" aria-labelledby={`${ids}-heading`}>
      <h2 id={`${ids}-heading`}>{t('repairOrders:approvalLink.title', { customer: order.customer.name })}</h2>
      <p>{t('repairOrders:approvalLink.explain', { until: formatDateTime(link.expires_at) })}</p>
      <div className="inline-actions">
        {/* mb lines the box up with Copy, which keeps Pico's bottom margin (record.css). */}
        <TextInput
          ref={box}
          id={`${ids}-url`}
          className="field"
          label={t('repairOrders:approvalLink.link')}
          readOnly
          value={url}
          onFocus={(event) => event.currentTarget.select()}
          mb="md"
        />
        <Button variant="default" onClick={copy}>
          {t('repairOrders:approvalLink.copy')}
        </Button>
      </div>
    </section>
  );
}

/** Record approval: the customer decided by phone or at the desk; each proposed line approved or declined. */
export function RecordApproval({ order, onDone }: { order: RepairOrder; onDone: () => void }) {
  const { t } = useTranslation();
  const record = useRecordApproval(order.id);
  const proposed = order.lines.filter((l) => l.status === 'proposed');
  const [decisions, setDecisions] = useState<Record<number, boolean | undefined>>({});
  const [name, setName] = useState(order.customer.name);
  const [method, setMethod] = useState<'phone' | 'in_person'>('phone');
  const [error, setError] = useState<string | null>(null);
  const ids = useId();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const chosen = proposed.filter((l) => decisions[l.id] !== undefined);
    if (chosen.length === 0) return setError(t('repairOrders:recordApproval.chooseOne'));
    if (!name.trim()) return setError(t('repairOrders:recordApproval.nameMissing'));
    setError(null);
    try {
      await record.mutateAsync({
        decisions: chosen.map((l) => ({ line: l.id, approved: decisions[l.id] === true })),
        name: name.trim(),
        method,
      });
      toast.success(t('repairOrders:recordApproval.recorded'));
      onDone();
    } catch (failure) {
      setError(errorMessage(failure));
    }
  };
  return (
    <section className="ro-panel" aria-labelledby={`${ids}-heading`}>
      <h2 id={`${ids}-heading`}>{t('repairOrders:recordApproval.title')}</h2>
      <form onSubmit={submit} noValidate aria-label={t('repairOrders:recordApproval.form')}>
        <div className="overflow-auto">
          <Table className="approval-decisions">
            <caption className="visually-hidden">{t('repairOrders:recordApproval.caption')}</caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('repairOrders:recordApproval.line')}</Table.Th>
                <Table.Th scope="col">{t('repairOrders:recordApproval.amount')}</Table.Th>
                <Table.Th scope="col">{t('repairOrders:recordApproval.decision')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {proposed.map((line) => (
                <Table.Tr key={line.id}>
                  <Table.Td>
                    {kindLabel(t, line.kind)}: {line.description}
                    <br />
                    <small className="muted">{lineFigures(line)}</small>
                  </Table.Td>
                  <Table.Td className="money">{formatMoney(line.amount)}</Table.Td>
                  <Table.Td>
                    {/* A fieldset named for its line (not the library's Radio.Group, a radiogroup): each
                        line's two radios are a group of their own, as the journeys find them. */}
                    <Fieldset
                      variant="unstyled"
                      m={0}
                      aria-label={t('repairOrders:recordApproval.decisionOn', { description: line.description })}
                    >
                      <Group gap="md" wrap="nowrap">
                        <Radio
                          name={`${ids}-line-${line.id}`}
                          label={t('repairOrders:recordApproval.approve')}
                          checked={decisions[line.id] === true}
                          onChange={() => setDecisions((d) => ({ ...d, [line.id]: true }))}
                        />
                        <Radio
                          name={`${ids}-line-${line.id}`}
                          label={t('repairOrders:recordApproval.decline')}
                          checked={decisions[line.id] === false}
                          onChange={() => setDecisions((d) => ({ ...d, [line.id]: false }))}
                        />
                      </Group>
                    </Fieldset>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </div>
        <div className="grid">
          <TextInput
            id={`${ids}-name`}
            className="field"
            label={t('repairOrders:recordApproval.decidedBy')}
            value={name}
            onChange={(event) => setName(event.currentTarget.value)}
            mb="sm"
          />
          <NativeSelect
            id={`${ids}-method`}
            className="field"
            label={t('repairOrders:recordApproval.how')}
            value={method}
            onChange={(event) => setMethod(event.currentTarget.value === 'in_person' ? 'in_person' : 'phone')}
            data={[
              { value: 'phone', label: t('repairOrders:recordApproval.byPhone') },
              { value: 'in_person', label: t('repairOrders:recordApproval.inPerson') },
            ]}
            mb="sm"
          />
        </div>
        {error && <FormError>{error}</FormError>}
        <Group gap="xs">
          <BusyButton type="submit" busy={record.isPending}>
            {t('repairOrders:recordApproval.save')}
          </BusyButton>
          <Button variant="default" onClick={onDone}>
            {t('repairOrders:recordApproval.cancel')}
          </Button>
        </Group>
      </form>
    </section>
  );
}

/** Invoice: refused (409) while work is undecided, unfinished or on the clock; the reason is shown as the API says it. */
export function InvoiceButton({ order, onRefused }: { order: RepairOrder; onRefused: (why: string | null) => void }) {
  const { t } = useTranslation();
  const invoice = useInvoice(order.id);
  const [asking, setAsking] = useState(false);
  return (
    <>
      <Button variant="default" onClick={() => setAsking(true)} disabled={invoice.isPending}>
        {t('repairOrders:invoice.button')}
      </Button>
      <ConfirmDialog
        open={asking}
        title={t('repairOrders:invoice.title')}
        confirmLabel={t('repairOrders:invoice.confirm')}
        cancelLabel={t('repairOrders:invoice.notYet')}
        destructive={false}
        onConfirm={async () => {
          onRefused(null);
          try {
            await invoice.mutateAsync();
            toast.success(t('repairOrders:invoice.done', { id: order.id }));
          } catch (error) {
            if (error instanceof ApiError && error.status === 409) {
              onRefused(error.message);
              return;
            }
            throw error;
          }
        }}
        onClose={() => setAsking(false)}
      >
        <p>{t('repairOrders:invoice.explain', { total: formatMoney(order.totals.total) })}</p>
      </ConfirmDialog>
    </>
  );
}

const methods: PaymentMethod[] = ['card', 'cash', 'check', 'other'];

/** Take payment: the amount starts at the balance; a part payment leaves the rest owed. */
export function TakePayment({ order }: { order: RepairOrder }) {
  const { t } = useTranslation();
  const pay = useTakePayment(order.id);
  const ids = useId();
  const [amount, setAmount] = useState(order.totals.balance.toFixed(2));
  const [method, setMethod] = useState<PaymentMethod>('card');
  const [reference, setReference] = useState('');
  const [error, setError] = useState<{ field?: 'amount' | 'reference'; message: string } | null>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const text = amount.trim().replace(/^\$/, '').replace(/,/g, '');
    if (!/^\d+(\.\d{1,2})?$/.test(text) || Number(text) <= 0) {
      return setError({ field: 'amount', message: t('repairOrders:payment.amountInvalid') });
    }
    setError(null);
    try {
      const after = await pay.mutateAsync({
        amount: Number(text),
        method,
        ...(reference.trim() ? { reference: reference.trim() } : {}),
      });
      toast.success(
        after.status === 'closed'
          ? t('repairOrders:payment.paidInFull', { id: order.id })
          : t('repairOrders:payment.taken', { balance: formatMoney(after.totals.balance) }),
      );
      setAmount(after.totals.balance.toFixed(2));
      setReference('');
    } catch (failure) {
      const field =
        failure instanceof ApiError
          ? failure.fieldErrors.find((f) => f.path === 'amount' || f.path === 'reference')
          : undefined;
      setError({
        field: field?.path === 'amount' || field?.path === 'reference' ? field.path : undefined,
        message: field?.message ?? errorMessage(failure),
      });
    }
  };
  return (
    <section className="ro-panel" aria-labelledby={`${ids}-heading`}>
      <h2 id={`${ids}-heading`}>{t('repairOrders:payment.title')}</h2>
      <form onSubmit={submit} noValidate aria-label={t('repairOrders:payment.title')}>
        {/* The balance is the hint; an amount refused replaces it, as in the app's other forms. */}
        <TextInput
          id={`${ids}-amount`}
          className="field"
          label={t('repairOrders:payment.amount')}
          inputMode="decimal"
          value={amount}
          description={
            error?.field === 'amount'
              ? undefined
              : t('repairOrders:payment.balance', { balance: formatMoney(order.totals.balance) })
          }
          error={error?.field === 'amount' ? error.message : undefined}
          errorProps={{ className: 'field-error' }}
          onChange={(event) => setAmount(event.currentTarget.value)}
          mb="sm"
        />
        <NativeSelect
          id={`${ids}-method`}
          className="field"
          label={t('repairOrders:payment.method')}
          value={method}
          onChange={(event) => setMethod(methods.find((m) => m === event.currentTarget.value) ?? 'card')}
          data={methods.map((m) => ({ value: m, label: methodLabel(t, m) }))}
          mb="sm"
        />
        <TextInput
          id={`${ids}-reference`}
          className="field"
          label={t('repairOrders:payment.reference')}
          value={reference}
          description={t('repairOrders:payment.referenceHint')}
          onChange={(event) => setReference(event.currentTarget.value)}
          mb="sm"
        />
        {error && error.field !== 'amount' && <FormError>{error.message}</FormError>}
        <BusyButton type="submit" busy={pay.isPending}>
          {t('repairOrders:payment.submit')}
        </BusyButton>
      </form>
    </section>
  );
}

/** Void, with the reason kept on the order; only before it is invoiced. */
export function VoidOrder({ order }: { order: RepairOrder }) {
  const { t } = useTranslation();
  const voidOrder = useVoidRepairOrder(order.id);
  const [asking, setAsking] = useState(false);
  return (
    <>
      <Button variant="subtle" color="red" onClick={() => setAsking(true)}>
        {t('repairOrders:void.button')}
      </Button>
      <ConfirmDialog
        open={asking}
        title={t('repairOrders:void.title')}
        confirmLabel={t('repairOrders:void.confirm')}
        cancelLabel={t('repairOrders:void.keep')}
        reason={{
          label: t('repairOrders:void.reason'),
          required: true,
          maxLength: 500,
          hint: t('repairOrders:void.reasonHint'),
          missing: t('repairOrders:void.reasonMissing'),
        }}
        onConfirm={async (reason) => {
          await voidOrder.mutateAsync(reason);
          toast.success(t('repairOrders:void.done', { id: order.id }));
        }}
        onClose={() => setAsking(false)}
      >
        <p>{t('repairOrders:void.explain', { id: order.id, customer: order.customer.name })}</p>
      </ConfirmDialog>
    </>
  );
}
