import type { Technician } from '@carcar/common/contract/service';
import { useState } from 'react';
import { toast } from 'sonner';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import { Empty } from '../../../components/states';
import { errorMessage } from '../../../lib/api-client';
import { formatDateTime, formatMoney } from '../../../lib/format';
import { useAssignTechnician } from '../api/assign-technician';
import { useDeleteLine } from '../api/delete-line';
import { useMarkLineDone } from '../api/mark-line-done';
import { kindLabels, type LineStatus, lineStatusLabels, type RepairLine } from '../types';

export const hoursText = (hours: number) => `${hours.toLocaleString('en-US', { maximumFractionDigits: 2 })} h`;

/** "1.5 h × $120.00" or "2 × $45.00": how the amount was reached. */
export function lineFigures(line: RepairLine): string {
  if (line.kind === 'labor') return `${hoursText(line.hours ?? 0)} × ${formatMoney(line.rate ?? 0)}`;
  return `${line.quantity ?? 1} × ${formatMoney(line.unit_price ?? 0)}`;
}

export function LineStatusBadge({ status }: { status: LineStatus }) {
  return <span className={`badge line-${status}`}>{lineStatusLabels[status]}</span>;
}

const approvalMethods = { link: 'by the link', phone: 'by phone', in_person: 'in person' } as const;

export function approvalText(line: RepairLine): string {
  if (!line.approval) return '—';
  const a = line.approval;
  return `By ${a.name} ${approvalMethods[a.method]}, ${formatDateTime(a.at)}`;
}

export const technicianNameOf = (technicians: Technician[] | undefined, id: number | null) => {
  if (id === null) return '—';
  const t = technicians?.find((x) => x.id === id);
  return t ? `${t.first_name} ${t.last_name}` : `Technician ${id}`;
};

function DeleteLine({ orderId, line }: { orderId: number; line: RepairLine }) {
  const remove = useDeleteLine(orderId);
  const [asking, setAsking] = useState(false);
  return (
    <>
      <button
        type="button"
        className="secondary outline small"
        aria-label={`Remove ${line.description}`}
        onClick={() => setAsking(true)}
      >
        Remove…
      </button>
      <ConfirmDialog
        open={asking}
        title="Remove this line?"
        confirmLabel="Remove line"
        cancelLabel="Keep it"
        onConfirm={async () => {
          await remove.mutateAsync(line.id);
          toast.success('Line removed');
        }}
        onClose={() => setAsking(false)}
      >
        <p>
          {kindLabels[line.kind]}: {line.description} ({formatMoney(line.amount)}). Only proposed lines can be removed;
          the customer has not decided on it yet.
        </p>
      </ConfirmDialog>
    </>
  );
}

/** Who works a labor line, changed in place (the API allows it until the line is done). */
function TechnicianPicker({
  orderId,
  line,
  technicians,
}: {
  orderId: number;
  line: RepairLine;
  technicians: Technician[] | undefined;
}) {
  const assign = useAssignTechnician(orderId);
  const offered = (technicians ?? []).filter((t) => t.active !== false || t.id === line.technician);
  return (
    <select
      className="line-technician"
      aria-label={`Technician for ${line.description}`}
      value={line.technician ?? ''}
      disabled={assign.isPending}
      onChange={(event) =>
        assign.mutate(
          { line: line.id, technician: event.target.value ? Number(event.target.value) : null },
          {
            onSuccess: () => toast.success(`Technician changed for ${line.description}`),
            onError: (error) => toast.error(errorMessage(error)),
          },
        )
      }
    >
      <option value="">Not assigned</option>
      {offered.map((t) => (
        <option key={t.id} value={t.id}>
          {t.first_name} {t.last_name}
        </option>
      ))}
    </select>
  );
}

function MarkDone({ orderId, line }: { orderId: number; line: RepairLine }) {
  const done = useMarkLineDone(orderId);
  return (
    <button
      type="button"
      className="secondary small"
      disabled={done.isPending}
      aria-busy={done.isPending || undefined}
      aria-label={`Mark done: ${line.description}`}
      onClick={() =>
        done.mutate(line.id, {
          onSuccess: () => toast.success(`${line.description} done`),
          onError: (error) => toast.error(errorMessage(error)),
        })
      }
    >
      Mark done
    </button>
  );
}

/** The order's lines: what, how the amount is reached, who does it, where it stands. */
export function LinesTable({
  orderId,
  lines,
  technicians,
  mayRemove,
  mayFinish,
  mayAssign,
}: {
  orderId: number;
  lines: RepairLine[];
  technicians: Technician[] | undefined;
  mayRemove: boolean;
  /** Whether this person may mark this approved line done (theirs, or anyone's for an advisor). */
  mayFinish: (line: RepairLine) => boolean;
  /** Whether who works the lines may be changed here (an advisor, before the invoice). */
  mayAssign: boolean;
}) {
  const withActions = mayRemove || lines.some((line) => line.status === 'approved' && mayFinish(line));
  if (lines.length === 0) return <Empty>No lines yet: add the labor, parts and fees below.</Empty>;
  return (
    <div className="ro-lines">
      <div className="overflow-auto">
        <table className="striped">
          <caption className="visually-hidden">Lines of this repair order</caption>
          <thead>
            <tr>
              <th scope="col">Kind</th>
              <th scope="col">Description</th>
              <th scope="col" className="num">
                Hours or qty × price
              </th>
              <th scope="col" className="num">
                Amount
              </th>
              <th scope="col">Technician</th>
              <th scope="col">Status and approval</th>
              <th scope="col" className="num">
                Clocked
              </th>
              {withActions && <th scope="col">Actions</th>}
            </tr>
          </thead>
          <tbody>
            {lines.map((line) => (
              <tr key={line.id} className={`line-${line.status}`} data-testid={`line-${line.id}`}>
                <td data-label="Kind">{kindLabels[line.kind]}</td>
                <td data-label="Description">
                  {line.description}
                  {line.part_number && <span className="line-meta">Part {line.part_number}</span>}
                  {line.backordered && <span className="badge overdue">Backordered</span>}
                </td>
                <td data-label="Figures" className="num">
                  {lineFigures(line)}
                </td>
                <td data-label="Amount" className="num">
                  <span className="line-amount">{formatMoney(line.amount)}</span>
                </td>
                <td data-label="Technician">
                  {line.kind !== 'labor' ? (
                    '—'
                  ) : mayAssign && (line.status === 'proposed' || line.status === 'approved') ? (
                    <TechnicianPicker orderId={orderId} line={line} technicians={technicians} />
                  ) : (
                    technicianNameOf(technicians, line.technician)
                  )}
                </td>
                <td data-label="Status">
                  <span>
                    <LineStatusBadge status={line.status} />
                    {line.approval && <span className="line-meta">{approvalText(line)}</span>}
                  </span>
                </td>
                <td data-label="Clocked" className="num">
                  {line.kind === 'labor' ? hoursText(line.clocked_hours) : '—'}
                </td>
                {withActions && (
                  <td data-label="Actions">
                    {mayRemove && line.status === 'proposed' && <DeleteLine orderId={orderId} line={line} />}
                    {line.status === 'approved' && mayFinish(line) && <MarkDone orderId={orderId} line={line} />}
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
