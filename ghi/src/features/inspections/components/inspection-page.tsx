import '../inspections.css';
import {
  type InspectionCondition,
  type InspectionItem,
  inspectionConditions,
} from '@carcar/common/contract/inspections';
import type { RepairOrder } from '@carcar/common/contract/repair-orders';
import { type FormEvent, useId, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { toast } from 'sonner';
import { ErrorState, Loading, NotFound } from '../../../components/states';
import { ApiError, errorMessage, isMissingRecord } from '../../../lib/api-client';
import { useCan } from '../../../lib/auth';
import { useRepairOrder } from '../../repair-orders/api/get-repair-order';
import { useInspectionTemplate } from '../api/get-inspection-template';
import { useAddInspectionItem } from '../api/inspection';
import { conditionLabels, conditionMeaning } from '../conditions';
import { FindingCard } from './finding-card';

/** An order whose findings can no longer change. */
const closedOrder = (o: RepairOrder) => o.status === 'invoiced' || o.status === 'closed' || o.status === 'void';

/** Whether a finding is already a line: the line the API makes is named after it ("Front brakes: 2 mm"). */
export function lineFor(order: RepairOrder, item: InspectionItem): boolean {
  return order.lines.some((line) => line.description === item.name || line.description.startsWith(`${item.name}: `));
}

/**
 * Recording one checklist item: the three conditions as big chips, then a note and Save. The item
 * is written once (findings are not edited), so nothing is sent until Save.
 */
function RecordItem({ orderId, name, custom = false }: { orderId: number; name?: string; custom?: boolean }) {
  const add = useAddInspectionItem(orderId);
  const ids = useId();
  const [condition, setCondition] = useState<InspectionCondition | null>(null);
  const [note, setNote] = useState('');
  const [customName, setCustomName] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const itemName = custom ? customName.trim() : (name ?? '');
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!itemName) return setProblem('Name what you inspected');
    if (!condition) return setProblem('Choose green, yellow or red');
    setProblem(null);
    try {
      await add.mutateAsync({ name: itemName, condition, note: note.trim() || undefined });
      toast.success(`${itemName}: ${conditionLabels[condition].toLowerCase()}`);
      setCondition(null);
      setNote('');
      setCustomName('');
    } catch (error) {
      setProblem(
        error instanceof ApiError && error.fieldErrors[0] ? error.fieldErrors[0].message : errorMessage(error),
      );
    }
  };
  const legend = custom ? 'Something else you found' : itemName;
  return (
    <form className={`record-item${condition ? ` chosen ${condition}` : ''}`} onSubmit={submit} noValidate>
      <fieldset>
        <legend>{legend}</legend>
        {custom && (
          <>
            <label htmlFor={`${ids}-name`}>What you inspected</label>
            <input
              id={`${ids}-name`}
              value={customName}
              maxLength={100}
              autoComplete="off"
              onChange={(event) => setCustomName(event.target.value)}
            />
          </>
        )}
        <div className="condition-choices" role="radiogroup" aria-label={`Condition of ${legend}`}>
          {inspectionConditions.map((c) => (
            <label key={c} className={`condition-choice ${c}`} title={conditionMeaning[c]}>
              <input
                type="radio"
                name={`${ids}-condition`}
                value={c}
                checked={condition === c}
                onChange={() => setCondition(c)}
              />
              <span>{conditionLabels[c]}</span>
              <span className="visually-hidden"> ({c})</span>
            </label>
          ))}
        </div>
        {condition && (
          <>
            <label htmlFor={`${ids}-note`}>Note {condition === 'green' ? '(optional)' : '(what you saw)'}</label>
            <textarea
              id={`${ids}-note`}
              rows={2}
              maxLength={1000}
              value={note}
              onChange={(event) => setNote(event.target.value)}
            />
            <button type="submit" disabled={add.isPending} aria-busy={add.isPending || undefined}>
              Save {itemName || 'item'}
            </button>
          </>
        )}
        {problem && (
          <p role="alert" className="form-error">
            {problem}
          </p>
        )}
      </fieldset>
    </form>
  );
}

function Tally({ order, checklist }: { order: RepairOrder; checklist: string[] }) {
  const count = (c: InspectionCondition) => order.inspection.filter((i) => i.condition === c).length;
  const recorded = new Set(order.inspection.map((i) => i.name));
  const checked = checklist.filter((name) => recorded.has(name)).length;
  return (
    <p className="inspection-tally" aria-live="polite">
      <strong>
        {checked} of {checklist.length} checked
      </strong>
      {inspectionConditions.map((c) => (
        <span key={c} className={`tally ${c}`}>
          {count(c)} {conditionLabels[c].toLowerCase()}
        </span>
      ))}
    </p>
  );
}

/**
 * The technician's inspection sheet, made for a phone in one hand: the shop's checklist top to
 * bottom, each item a row of big condition chips; a recorded item shows its photos, a camera
 * button and, when yellow or red, "Add to estimate".
 */
export function InspectionPage() {
  const rawId = useParams().id ?? '';
  const id = Number(rawId);
  const order = useRepairOrder(id);
  const template = useInspectionTemplate();
  const mayPropose = useCan('repair_orders.propose');
  const mayChangeChecklist = useCan('shop.settings');
  if (isMissingRecord(id, order.error)) {
    return (
      <NotFound title="Repair order not found">
        There is no repair order {rawId}. <Link to="/">Back to the start</Link>.
      </NotFound>
    );
  }
  if (order.isLoading || template.isLoading) return <Loading label="Loading the inspection…" />;
  if (order.error || !order.data) return <ErrorState error={order.error} retry={() => order.refetch()} />;
  if (template.error || !template.data) return <ErrorState error={template.error} retry={() => template.refetch()} />;
  const o = order.data;
  const writable = mayPropose && !closedOrder(o);
  const checklist = template.data.items.map((i) => i.name);
  const onList = new Set(checklist);
  const others = o.inspection.filter((i) => !onList.has(i.name));
  const card = (item: InspectionItem) => (
    <FindingCard key={item.id} orderId={o.id} item={item} onEstimate={lineFor(o, item)} mayPropose={writable} />
  );
  return (
    <div className="inspection-sheet">
      <nav aria-label="breadcrumb">
        <ul>
          <li>
            <Link to={`/service/repair-orders/${o.id}`}>RO {o.id}</Link>
          </li>
          <li aria-current="page">Inspection</li>
        </ul>
      </nav>
      <h1>Inspection, RO {o.id}</h1>
      <p className="inspection-car">
        {o.customer.name} · <code>{o.vin}</code> · {o.mileage.toLocaleString('en-US')} miles
      </p>
      {!writable && (
        <p className="muted" role="status">
          {closedOrder(o)
            ? 'This order is closed: its inspection can no longer change.'
            : 'You may read this inspection.'}
        </p>
      )}
      <Tally order={o} checklist={checklist} />
      {mayChangeChecklist && (
        <p>
          <Link to="/service/inspection-checklist">Change the shop’s checklist</Link>
        </p>
      )}
      <ol className="inspection-list" aria-label="The shop's checklist">
        {checklist.map((name) => {
          const found = o.inspection.filter((i) => i.name === name);
          return (
            <li key={name}>
              {found.map(card)}
              {found.length === 0 && writable && <RecordItem orderId={o.id} name={name} />}
              {found.length === 0 && !writable && (
                <p className="finding unchecked">
                  <strong>{name}</strong> <span className="muted">not checked</span>
                </p>
              )}
            </li>
          );
        })}
      </ol>
      {(others.length > 0 || writable) && (
        <section aria-labelledby="other-findings">
          <h2 id="other-findings">Other findings</h2>
          {others.map(card)}
          {writable && <RecordItem orderId={o.id} custom />}
        </section>
      )}
      <p>
        <Link to={`/service/repair-orders/${o.id}`} role="button" className="secondary outline">
          Back to RO {o.id}
        </Link>
      </p>
    </div>
  );
}
