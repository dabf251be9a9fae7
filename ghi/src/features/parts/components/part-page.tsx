import '../../../components/record.css';
import '../parts.css';
import type { MovementReason, Part, PartMovement } from '@carcar/common/contract/parts';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { type Column, DataTable } from '../../../components/data-table';
import { FormFooter, TextField } from '../../../components/form';
import { ErrorState, Loading, NotFound } from '../../../components/states';
import { ApiError } from '../../../lib/api-client';
import { actorName } from '../../../lib/audit-words';
import { useCan } from '../../../lib/auth';
import { formatDateTime, formatMoney } from '../../../lib/format';
import { useApiForm } from '../../../lib/use-api-form';
import { useAdjustStock, useMovements, usePart, useReceiveStock, useUpdatePart } from '../api/parts';
import { adjustForm, editPartForm, receiveForm, withPrefix } from '../schemas';
import { formatQuantity, StockLevel } from '../stock';

/** Movements read at once; the table pages through them. */
const LEDGER_LIMIT = 500;

const reasonLabels: Record<MovementReason, string> = {
  receipt: 'Received',
  repair_order: 'Repair order',
  adjustment: 'Adjustment',
  void: 'Order voided: put back',
};

const movementColumns: Column<PartMovement>[] = [
  { key: 'at', header: 'When', cell: (m) => formatDateTime(m.at) },
  {
    key: 'quantity',
    header: 'Quantity',
    cell: (m) => (
      <span className={`stock ${m.quantity < 0 ? 'movement-out' : 'movement-in'}`}>
        {m.quantity > 0 ? '+' : ''}
        {formatQuantity(m.quantity)}
      </span>
    ),
  },
  { key: 'reason', header: 'Why', cell: (m) => reasonLabels[m.reason] },
  {
    key: 'detail',
    header: 'Detail',
    // One element: on a phone the cell is its label and one value side by side.
    cell: (m) => (
      <span>
        {m.repair_order !== null && <Link to={`/service/repair-orders/${m.repair_order}`}>RO {m.repair_order}</Link>}
        {m.reference && <span>{m.reference}</span>}
        {m.cost !== null && <span> at {formatMoney(m.cost)}</span>}
        {m.note && <span>{m.note}</span>}
        {m.repair_order === null && !m.reference && m.cost === null && !m.note && '—'}
      </span>
    ),
  },
  { key: 'actor', header: 'By', cell: (m) => movedBy(m) },
];

/** Who moved the stock; a customer's approval through the link is the gateway's own credential. */
function movedBy(m: PartMovement): string {
  if ('service' in m.actor && m.actor.service === 'carcar-gateway') return 'The customer, through the approval link';
  return actorName(m.actor);
}

function EditPart({ part, onDone }: { part: Part; onDone: () => void }) {
  const update = useUpdatePart(part.number);
  const { form, onSubmit } = useApiForm({
    schema: editPartForm,
    defaultValues: {
      edit_description: part.description,
      edit_price: part.price.toFixed(2),
      edit_cost: part.cost === null ? '' : part.cost.toFixed(2),
      edit_reorder_point: String(part.reorder_point),
    },
    save: (body) => withPrefix('edit_', () => update.mutateAsync(body)),
    success: 'Part saved',
    keepValues: true,
    onSaved: onDone,
  });
  return (
    <form onSubmit={onSubmit} noValidate aria-label="Edit the part">
      <TextField form={form} name="edit_description" label="Description" autoComplete="off" />
      <div className="grid">
        <TextField form={form} name="edit_price" label="Price" />
        <TextField form={form} name="edit_cost" label="Cost (empty: not known)" />
        <TextField form={form} name="edit_reorder_point" label="Reorder at" />
      </div>
      <div className="record-actions">
        <FormFooter form={form} submit="Save part" />
        <button type="button" className="secondary" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}

function ReceiveStock({ part }: { part: Part }) {
  const receive = useReceiveStock(part.number);
  const { form, onSubmit } = useApiForm({
    schema: receiveForm,
    defaultValues: { receive_quantity: '', receive_cost: '', receive_reference: '' },
    save: (body) => withPrefix('receive_', () => receive.mutateAsync(body)),
    success: `Stock of ${part.number} received`,
  });
  return (
    <section aria-labelledby="receive-heading">
      <h2 id="receive-heading">Receive stock</h2>
      <form onSubmit={onSubmit} noValidate>
        <TextField form={form} name="receive_quantity" label="Quantity" hint="How many arrived" />
        <TextField form={form} name="receive_cost" label="Cost of one (optional)" hint="Becomes the part's cost" />
        <TextField
          form={form}
          name="receive_reference"
          label="Reference (optional)"
          hint="The supplier's invoice or packing slip"
          autoComplete="off"
        />
        <FormFooter form={form} submit="Receive" />
      </form>
    </section>
  );
}

function AdjustStock({ part }: { part: Part }) {
  const adjust = useAdjustStock(part.number);
  const { form, onSubmit } = useApiForm({
    schema: adjustForm,
    defaultValues: { adjust_quantity: '', adjust_reason: '' },
    save: (body) => withPrefix('adjust_', () => adjust.mutateAsync(body)),
    success: `Stock of ${part.number} adjusted`,
  });
  return (
    <section aria-labelledby="adjust-heading">
      <h2 id="adjust-heading">Adjust stock</h2>
      <form onSubmit={onSubmit} noValidate>
        <TextField
          form={form}
          name="adjust_quantity"
          label="Change"
          hint="Negative takes stock away: -2 for two damaged"
        />
        <TextField form={form} name="adjust_reason" label="Reason" hint="A count, damage, a loss" autoComplete="off" />
        <FormFooter form={form} submit="Adjust" />
      </form>
    </section>
  );
}

function Ledger({ number }: { number: string }) {
  const movements = useMovements(number, LEDGER_LIMIT, 0);
  const total = movements.data?.total ?? 0;
  return (
    <section aria-labelledby="ledger-heading">
      <h2 id="ledger-heading">Movements</h2>
      {total > LEDGER_LIMIT && (
        <p className="muted">
          The newest {LEDGER_LIMIT.toLocaleString('en-US')} of {total.toLocaleString('en-US')} movements.
        </p>
      )}
      <DataTable
        caption={`Stock movements of ${number}, newest first`}
        rows={movements.data?.items}
        isLoading={movements.isLoading}
        error={movements.error}
        retry={() => movements.refetch()}
        rowKey={(m) => m.id}
        empty="No stock has moved yet."
        columns={movementColumns}
        pageSize={20}
      />
    </section>
  );
}

/** One part: its figures, editing, receiving stock, a manager's adjustment and the ledger. */
export function PartPage() {
  const number = useParams().number ?? '';
  const part = usePart(number);
  const mayWrite = useCan('parts.write');
  const mayAdjust = useCan('parts.adjust');
  const [editing, setEditing] = useState(false);
  if (part.error instanceof ApiError && part.error.status === 404) {
    return (
      <NotFound title="Part not found">
        There is no part {number}. <Link to="/service/parts">Back to parts</Link>.
      </NotFound>
    );
  }
  if (part.isLoading) return <Loading />;
  if (part.error || !part.data) return <ErrorState error={part.error} retry={() => part.refetch()} />;
  const p = part.data;
  return (
    <>
      <nav aria-label="breadcrumb">
        <ul>
          <li>
            <Link to="/service/parts">Parts</Link>
          </li>
          <li aria-current="page">{p.number}</li>
        </ul>
      </nav>
      <header className="record-header">
        <h1>
          {p.number}: {p.description}
        </h1>
      </header>
      {editing ? (
        <EditPart part={p} onDone={() => setEditing(false)} />
      ) : (
        <>
          <dl className="facts">
            <dt>On hand</dt>
            <dd>
              <StockLevel part={p} />
            </dd>
            <dt>Reorder at</dt>
            <dd>{formatQuantity(p.reorder_point)}</dd>
            <dt>Price</dt>
            <dd className="money">{formatMoney(p.price)}</dd>
            <dt>Cost</dt>
            <dd className="money">{p.cost === null ? 'Not known' : formatMoney(p.cost)}</dd>
          </dl>
          {mayWrite && (
            <button type="button" className="secondary outline" onClick={() => setEditing(true)}>
              Edit part
            </button>
          )}
        </>
      )}
      {(mayWrite || mayAdjust) && (
        <div className="part-forms">
          {mayWrite && <ReceiveStock part={p} />}
          {mayAdjust && <AdjustStock part={p} />}
        </div>
      )}
      <Ledger number={p.number} />
    </>
  );
}
