import type { RepairOrder, RepairOrderLine } from '@carcar/common/contract/repair-orders';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { toast } from 'sonner';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import { ErrorState, Loading } from '../../../components/states';
import { errorMessage } from '../../../lib/api-client';
import { formatTime } from '../../../lib/time-zone';
import { useMyRepairOrders } from '../api/get-my-repair-orders';
import { type LineWork, useWorkOnLine } from '../api/work-on-line';

/** A line as answered, with when its running clock started if the API says (null: not running). */
type Line = RepairOrderLine & { clock_started_at?: string | null; clock_running?: boolean };

interface Job {
  order: RepairOrder;
  line: Line;
}

const hours = (h: number | null) => `${(h ?? 0).toLocaleString('en-US', { maximumFractionDigits: 2 })} h`;

/** Orders still in the workshop: not yet invoiced, not void. */
const inWorkshop = (order: RepairOrder) =>
  order.status !== 'invoiced' && order.status !== 'closed' && order.status !== 'void';

function isRunning(line: Line, clockedHere: number | null): boolean {
  if (line.clock_running !== undefined) return line.clock_running;
  if (line.clock_started_at !== undefined) return line.clock_started_at !== null;
  // The answer does not say: the clock this page started, until it is stopped.
  return clockedHere === line.id;
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
  onWork: (work: LineWork) => void;
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
              onClick={() => onWork('off')}
              aria-label={`Clock off ${label}`}
            >
              Clock off
            </button>
          ) : (
            <button
              type="button"
              disabled={busy || otherRunning}
              onClick={() => onWork('on')}
              aria-label={`Clock on ${label}`}
              aria-describedby={otherRunning ? `line-${line.id}-other` : undefined}
            >
              Clock on
            </button>
          )}
          <button
            type="button"
            className="secondary outline"
            disabled={busy || running}
            onClick={() => setAsking(true)}
            aria-label={`Done: ${label}`}
          >
            Done…
          </button>
          {otherRunning && !running && (
            <small id={`line-${line.id}-other`} className="muted job-hint">
              Clock off the other line first: one clock runs at a time.
            </small>
          )}
          {running && <small className="muted job-hint">Clock off before marking it done.</small>}
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
          {line.description} on RO {order.id} ({order.customer.name}) is finished. The advisor can then invoice it.
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
  const [clockedHere, setClockedHere] = useState<number | null>(null);
  if (orders.isLoading) return <Loading label="Loading your repair-order work…" />;
  if (orders.error) return <ErrorState error={orders.error} retry={() => orders.refetch()} />;
  const jobs: Job[] = (orders.data ?? [])
    .filter(inWorkshop)
    .flatMap((order) =>
      order.lines
        .filter((line) => line.technician === technicianId && (line.status === 'approved' || line.status === 'done'))
        .map((line) => ({ order, line: line as Line })),
    );
  const runningJob = jobs.find((job) => isRunning(job.line, clockedHere));
  const act = (job: Job) => (action: LineWork) =>
    work.mutateAsync({ order: job.order.id, line: job.line.id, work: action }).then(
      () => {
        if (action === 'on') setClockedHere(job.line.id);
        if (action === 'off') setClockedHere(null);
        toast.success(
          action === 'on'
            ? `Clocked on ${job.line.description}`
            : action === 'off'
              ? `Clocked off ${job.line.description}`
              : `${job.line.description} done`,
        );
      },
      (error: unknown) => {
        toast.error(errorMessage(error));
        if (action === 'done') throw error;
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
          <strong>On the clock:</strong> {runningJob.line.description}, RO {runningJob.order.id}
          {runningJob.line.clock_started_at ? ` since ${formatTime(runningJob.line.clock_started_at)}` : ''}
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
