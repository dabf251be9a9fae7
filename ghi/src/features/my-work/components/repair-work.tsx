import type { RepairOrder, RepairOrderLine } from '@carcar/common/contract/repair-orders';
import { useCallback, useState } from 'react';
import { Link } from 'react-router-dom';
import { toast } from 'sonner';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import { ErrorState, Loading } from '../../../components/states';
import { ApiError, errorMessage } from '../../../lib/api-client';
import { useMyRepairOrders } from '../api/get-my-repair-orders';
import { ClockRunningElsewhere, type LineWork, useWorkOnLine } from '../api/work-on-line';

interface Job {
  order: RepairOrder;
  line: RepairOrderLine;
}

const hours = (h: number | null) => `${(h ?? 0).toLocaleString('en-US', { maximumFractionDigits: 2 })} h`;

/** Orders still in the workshop: not yet invoiced, not void. */
const inWorkshop = (order: RepairOrder) =>
  order.status !== 'invoiced' && order.status !== 'closed' && order.status !== 'void';

/**
 * The line this technician's clock runs on. The answers do not say, so it is kept on this device
 * from the clock's own answers: set by Clock on, cleared by Clock off or Done, and corrected by the
 * API's 409s ("already running on line 12", "not running on ...").
 */
function useRunningLine(technicianId: number): [number | null, (line: number | null) => void] {
  const key = `carcar.clock.${technicianId}`;
  const [line, setLine] = useState<number | null>(() => {
    const stored = Number(globalThis.localStorage?.getItem(key));
    return Number.isInteger(stored) && stored > 0 ? stored : null;
  });
  const set = useCallback(
    (next: number | null) => {
      setLine(next);
      if (next === null) globalThis.localStorage?.removeItem(key);
      else globalThis.localStorage?.setItem(key, String(next));
    },
    [key],
  );
  return [line, set];
}

function JobCard({
  job,
  running,
  otherRunning,
  busy,
  onWork,
}: {
  job: Job;
  running: boolean;
  otherRunning: boolean;
  busy: boolean;
  onWork: (work: LineWork) => Promise<void>;
}) {
  const { order, line } = job;
  const [asking, setAsking] = useState(false);
  const done = line.status === 'done';
  const label = `${line.description}, RO ${order.id}`;
  return (
    <li
      className={`job ${done ? 'job-finished' : ''} ${running ? 'job-running' : ''}`}
      aria-labelledby={`line-${line.id}`}
      data-testid={`my-line-${line.id}`}
    >
      <p className="job-time" id={`line-${line.id}`}>
        {line.description}
        {done && <span className="badge finished">Done</span>}
        {running && <span className="badge clock-running">On the clock</span>}
      </p>
      <p className="job-what">
        <Link to={`/service/repair-orders/${order.id}`}>RO {order.id}</Link> for {order.customer.name}
      </p>
      <p>
        <Link to={`/service/repair-orders/${order.id}/inspection`} className="job-inspection">
          Inspection ({order.inspection.length} checked)
        </Link>
      </p>
      <p>
        <code>{order.vin}</code>
      </p>
      <p>
        Billed {hours(line.hours)} · clocked {hours(line.clocked_hours)}
      </p>
      {!done && (
        <div className="job-actions">
          {running ? (
            <button
              type="button"
              className="secondary"
              disabled={busy}
              onClick={() => void onWork('off')}
              aria-label={`Clock off ${label}`}
            >
              Clock off
            </button>
          ) : (
            <button
              type="button"
              disabled={busy}
              onClick={() => void onWork('on')}
              aria-label={`Clock on ${label}`}
              aria-describedby={otherRunning ? `line-${line.id}-other` : undefined}
            >
              Clock on
            </button>
          )}
          <button
            type="button"
            className="secondary outline"
            disabled={busy}
            onClick={() => setAsking(true)}
            aria-label={`Done: ${label}`}
          >
            Done…
          </button>
          {otherRunning && !running && (
            <small id={`line-${line.id}-other`} className="muted job-hint">
              Your clock runs on another line: clock off there first, one clock runs at a time.
            </small>
          )}
        </div>
      )}
      <ConfirmDialog
        open={asking}
        title="Mark this line done?"
        confirmLabel="Mark done"
        cancelLabel="Not yet"
        destructive={false}
        onConfirm={() => onWork('done')}
        onClose={() => setAsking(false)}
      >
        <p>
          {line.description} on RO {order.id} ({order.customer.name}) is finished
          {running ? '; its clock stops' : ''}. The advisor can then invoice it.
        </p>
      </ConfirmDialog>
    </li>
  );
}

/**
 * A technician's repair-order lines: the approved ones to work on, each with Clock on / Clock off
 * and Done, and the one clock that runs shown above them.
 */
export function RepairWork({ technicianId }: { technicianId: number }) {
  const orders = useMyRepairOrders(technicianId);
  const work = useWorkOnLine();
  const [runningLine, setRunningLine] = useRunningLine(technicianId);
  if (orders.isLoading) return <Loading label="Loading your repair-order work…" />;
  if (orders.error) return <ErrorState error={orders.error} retry={() => orders.refetch()} />;
  const jobs: Job[] = (orders.data ?? [])
    .filter(inWorkshop)
    .flatMap((order) =>
      order.lines
        .filter((line) => line.technician === technicianId && (line.status === 'approved' || line.status === 'done'))
        .map((line) => ({ order, line })),
    );
  const runningJob = jobs.find((job) => job.line.id === runningLine && job.line.status === 'approved');
  const act = (job: Job) => (action: LineWork) =>
    work.mutateAsync({ order: job.order.id, line: job.line.id, work: action }).then(
      () => {
        if (action === 'on') setRunningLine(job.line.id);
        else if (runningLine === job.line.id) setRunningLine(null);
        toast.success(
          action === 'on'
            ? `Clocked on ${job.line.description}`
            : action === 'off'
              ? `Clocked off ${job.line.description}`
              : `${job.line.description} done`,
        );
      },
      (error: unknown) => {
        if (error instanceof ClockRunningElsewhere) setRunningLine(error.line);
        else if (action === 'off' && error instanceof ApiError && error.status === 409) setRunningLine(null);
        // Done asks in a dialog, which shows the failure itself.
        if (action === 'done') throw error;
        toast.error(errorMessage(error));
      },
    );
  const todo = jobs.filter((job) => job.line.status === 'approved');
  const done = jobs.filter((job) => job.line.status === 'done');
  return (
    <section aria-labelledby="repair-work-heading">
      <h2 id="repair-work-heading">
        Repair-order work {todo.length > 0 && <span className="muted">({todo.length} to do)</span>}
      </h2>
      {runningJob && (
        <p className="clock-banner" role="status">
          <strong>On the clock:</strong> {runningJob.line.description}, RO {runningJob.order.id} (
          {hours(runningJob.line.clocked_hours)} so far)
        </p>
      )}
      {jobs.length === 0 ? (
        <p className="empty">No approved repair-order work for you right now.</p>
      ) : (
        <ol className="my-work-list">
          {[...todo, ...done].map((job) => (
            <JobCard
              key={job.line.id}
              job={job}
              running={runningJob?.line.id === job.line.id}
              otherRunning={runningJob !== undefined && runningJob.line.id !== job.line.id}
              busy={work.isPending}
              onWork={act(job)}
            />
          ))}
        </ol>
      )}
    </section>
  );
}
