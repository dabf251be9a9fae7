import { type FormEvent, useId, useRef, useState } from 'react';
import { toast } from 'sonner';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import { ApiError, errorMessage } from '../../../lib/api-client';
import { formatDateTime, formatMoney } from '../../../lib/format';
import { useInvoice } from '../api/invoice';
import { useRecordApproval } from '../api/record-approval';
import { useSendEstimate } from '../api/send-estimate';
import { useTakePayment } from '../api/take-payment';
import { useVoidRepairOrder } from '../api/void-repair-order';
import { type EstimateLink, kindLabels, methodLabels, type PaymentMethod, type RepairOrder } from '../types';
import { lineFigures } from './lines-table';

/** The approval link as a full address: the API may answer it as a path of the gateway's. */
const absolute = (url: string) => new URL(url, window.location.origin).toString();

/** Send estimate: the API makes the customer's approval link (and marks the order sent). */
export function SendEstimate({ order, onSent }: { order: RepairOrder; onSent: (link: EstimateLink) => void }) {
  const send = useSendEstimate(order.id);
  const proposed = order.lines.filter((l) => l.status === 'proposed').length;
  return (
    <button
      type="button"
      disabled={send.isPending || proposed === 0}
      aria-busy={send.isPending || undefined}
      title={
        proposed === 0
          ? 'Add a line first: the estimate asks the customer to decide on proposed lines'
          : order.status === 'estimate'
            ? 'A new link replaces the one sent before, which stops working'
            : undefined
      }
      onClick={() =>
        send.mutate(undefined, {
          onSuccess: (answer) => {
            onSent(answer);
            toast.success('Estimate ready: send the customer the link');
          },
          onError: (error) => toast.error(errorMessage(error)),
        })
      }
    >
      {order.status === 'estimate' ? 'Send estimate again' : 'Send estimate'}
    </button>
  );
}

/** The link the customer approves from, shown to copy into a text message or an email. */
export function ApprovalLink({ order, link }: { order: RepairOrder; link: EstimateLink }) {
  const ids = useId();
  const box = useRef<HTMLInputElement>(null);
  const url = absolute(link.approval_url);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(url);
      toast.success('Link copied');
    } catch {
      // No clipboard (an insecure page, a refusal): the address is selected for Ctrl+C instead.
      box.current?.select();
      toast.info('Press Ctrl+C (or ⌘C) to copy the selected link');
    }
  };
  return (
    <section className="approval-link" aria-labelledby={`${ids}-heading`}>
      <h2 id={`${ids}-heading`}>Approval link for {order.customer.name}</h2>
      <p>
        The customer opens it without signing in and approves or declines each proposed line. It works until{' '}
        {formatDateTime(link.expires_at)}.
      </p>
      <div className="inline-actions">
        <div className="field">
          <label htmlFor={`${ids}-url`}>Link</label>
          <input ref={box} id={`${ids}-url`} readOnly value={url} onFocus={(event) => event.target.select()} />
        </div>
        <button type="button" className="secondary" onClick={copy}>
          Copy link
        </button>
      </div>
    </section>
  );
}

/** Record approval: the customer decided by phone or at the desk; each proposed line approved or declined. */
export function RecordApproval({ order, onDone }: { order: RepairOrder; onDone: () => void }) {
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
    if (chosen.length === 0) return setError('Choose Approve or Decline for at least one line.');
    if (!name.trim()) return setError('Say who decided: the customer’s name.');
    setError(null);
    try {
      await record.mutateAsync({
        decisions: chosen.map((l) => ({ line: l.id, approved: decisions[l.id] === true })),
        name: name.trim(),
        method,
      });
      toast.success('Decisions recorded');
      onDone();
    } catch (failure) {
      setError(errorMessage(failure));
    }
  };
  return (
    <section className="ro-panel" aria-labelledby={`${ids}-heading`}>
      <h2 id={`${ids}-heading`}>Record the customer’s decision</h2>
      <form onSubmit={submit} noValidate aria-label="Record the customer's decision">
        <div className="overflow-auto">
          <table className="approval-decisions">
            <caption className="visually-hidden">Proposed lines to decide</caption>
            <thead>
              <tr>
                <th scope="col">Line</th>
                <th scope="col">Amount</th>
                <th scope="col">Decision</th>
              </tr>
            </thead>
            <tbody>
              {proposed.map((line) => (
                <tr key={line.id}>
                  <td>
                    {kindLabels[line.kind]}: {line.description}
                    <br />
                    <small className="muted">{lineFigures(line)}</small>
                  </td>
                  <td className="money">{formatMoney(line.amount)}</td>
                  <td>
                    <fieldset aria-label={`Decision on ${line.description}`}>
                      <label>
                        <input
                          type="radio"
                          name={`${ids}-line-${line.id}`}
                          checked={decisions[line.id] === true}
                          onChange={() => setDecisions((d) => ({ ...d, [line.id]: true }))}
                        />
                        Approve
                      </label>
                      <label>
                        <input
                          type="radio"
                          name={`${ids}-line-${line.id}`}
                          checked={decisions[line.id] === false}
                          onChange={() => setDecisions((d) => ({ ...d, [line.id]: false }))}
                        />
                        Decline
                      </label>
                    </fieldset>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <div className="grid">
          <div className="field">
            <label htmlFor={`${ids}-name`}>Decided by</label>
            <input id={`${ids}-name`} value={name} onChange={(event) => setName(event.target.value)} />
          </div>
          <div className="field">
            <label htmlFor={`${ids}-method`}>How</label>
            <select
              id={`${ids}-method`}
              value={method}
              onChange={(event) => setMethod(event.target.value === 'in_person' ? 'in_person' : 'phone')}
            >
              <option value="phone">By phone</option>
              <option value="in_person">In person</option>
            </select>
          </div>
        </div>
        {error && (
          <p role="alert" className="form-error">
            {error}
          </p>
        )}
        <div className="record-actions">
          <button type="submit" disabled={record.isPending} aria-busy={record.isPending || undefined}>
            Save decisions
          </button>
          <button type="button" className="secondary" onClick={onDone}>
            Cancel
          </button>
        </div>
      </form>
    </section>
  );
}

/** Invoice: refused (409) while work is undecided, unfinished or on the clock; the reason is shown as the API says it. */
export function InvoiceButton({ order, onRefused }: { order: RepairOrder; onRefused: (why: string | null) => void }) {
  const invoice = useInvoice(order.id);
  const [asking, setAsking] = useState(false);
  return (
    <>
      <button type="button" onClick={() => setAsking(true)} disabled={invoice.isPending}>
        Invoice…
      </button>
      <ConfirmDialog
        open={asking}
        title="Invoice this repair order?"
        confirmLabel="Invoice"
        cancelLabel="Not yet"
        destructive={false}
        onConfirm={async () => {
          onRefused(null);
          try {
            await invoice.mutateAsync();
            toast.success(`Repair order ${order.id} invoiced`);
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
        <p>
          The invoice is {formatMoney(order.totals.total)} with tax. Once invoiced, the write-up, the lines and the
          prices can no longer change.
        </p>
      </ConfirmDialog>
    </>
  );
}

const methods: PaymentMethod[] = ['card', 'cash', 'check', 'other'];

/** Take payment: the amount starts at the balance; a part payment leaves the rest owed. */
export function TakePayment({ order }: { order: RepairOrder }) {
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
      return setError({ field: 'amount', message: 'An amount above 0, in dollars and cents: 120.50' });
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
          ? `Paid in full: repair order ${order.id} is closed`
          : `Payment taken; ${formatMoney(after.totals.balance)} still owed`,
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
      <h2 id={`${ids}-heading`}>Take payment</h2>
      <form onSubmit={submit} noValidate aria-label="Take payment">
        <div className="field">
          <label htmlFor={`${ids}-amount`}>Amount</label>
          <input
            id={`${ids}-amount`}
            inputMode="decimal"
            value={amount}
            aria-invalid={error?.field === 'amount' ? true : undefined}
            aria-describedby={error?.field === 'amount' ? `${ids}-amount-error` : `${ids}-amount-hint`}
            onChange={(event) => setAmount(event.target.value)}
          />
          {error?.field === 'amount' ? (
            <small id={`${ids}-amount-error`} className="field-error">
              {error.message}
            </small>
          ) : (
            <small id={`${ids}-amount-hint`}>Balance {formatMoney(order.totals.balance)}</small>
          )}
        </div>
        <div className="field">
          <label htmlFor={`${ids}-method`}>Method</label>
          <select
            id={`${ids}-method`}
            value={method}
            onChange={(event) => setMethod(methods.find((m) => m === event.target.value) ?? 'card')}
          >
            {methods.map((m) => (
              <option key={m} value={m}>
                {methodLabels[m]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${ids}-reference`}>Reference (optional)</label>
          <input
            id={`${ids}-reference`}
            value={reference}
            aria-describedby={`${ids}-reference-hint`}
            onChange={(event) => setReference(event.target.value)}
          />
          <small id={`${ids}-reference-hint`}>Check number or card slip</small>
        </div>
        {error && !error.field && (
          <p role="alert" className="form-error">
            {error.message}
          </p>
        )}
        {error?.field === 'reference' && (
          <p role="alert" className="form-error">
            {error.message}
          </p>
        )}
        <button type="submit" disabled={pay.isPending} aria-busy={pay.isPending || undefined}>
          Take payment
        </button>
      </form>
    </section>
  );
}

/** Void, with the reason kept on the order; only before it is invoiced. */
export function VoidOrder({ order }: { order: RepairOrder }) {
  const voidOrder = useVoidRepairOrder(order.id);
  const [asking, setAsking] = useState(false);
  return (
    <>
      <button type="button" className="secondary outline" onClick={() => setAsking(true)}>
        Void…
      </button>
      <ConfirmDialog
        open={asking}
        title="Void this repair order?"
        confirmLabel="Void repair order"
        cancelLabel="Keep it"
        reason={{
          label: 'Reason for voiding',
          required: true,
          maxLength: 500,
          hint: 'Kept with the order, e.g. “Customer took the car elsewhere”.',
          missing: 'Say why the order is voided: the reason is kept with it.',
        }}
        onConfirm={async (reason) => {
          await voidOrder.mutateAsync(reason);
          toast.success(`Repair order ${order.id} voided`);
        }}
        onClose={() => setAsking(false)}
      >
        <p>
          Repair order {order.id} for {order.customer.name} stays on record, marked void, with its lines. Approved parts
          go back on the shelf.
        </p>
      </ConfirmDialog>
    </>
  );
}
