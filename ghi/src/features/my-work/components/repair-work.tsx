import type { RepairOrder, RepairOrderLine } from '@carcar/common/contract/repair-orders';
import { Button } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useCallback, useState } from 'react';
import { Link } from 'react-router-dom';
import { toast } from 'sonner';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import { ErrorState, Loading } from '../../../components/states';
import { StatusBadge } from '../../../components/status-badge';
import { ApiError, errorMessage } from '../../../lib/api-client';
import { formatNumber } from '../../../lib/format';
import { useTranslation } from '../../../lib/i18n';
import { useMyRepairOrders } from '../api/get-my-repair-orders';
import { ClockRunningElsewhere, type LineWork, useWorkOnLine } from '../api/work-on-line';

interface Job {
  order: RepairOrder;
  line: RepairOrderLine;
}

const hours = (t: TFunction, h: number | null) => t('myWork:line.hours', { hours: formatNumber(h ?? 0) });

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
  const { t } = useTranslation('myWork');
  const { order, line } = job;
  const [asking, setAsking] = useState(false);
  const done = line.status === 'done';
  const label = t('myWork:line.label', { description: line.description, id: order.id });
  return (
    <li
      className={`job ${done ? 'job-finished' : ''} ${running ? 'job-running' : ''}`}
      aria-labelledby={`line-${line.id}`}
      data-testid={`my-line-${line.id}`}
    >
      <p className="job-time" id={`line-${line.id}`}>
        {line.description}
        {done && <StatusBadge tone="success">{t('myWork:line.done')}</StatusBadge>}
        {running && <StatusBadge tone="info">{t('myWork:line.onTheClock')}</StatusBadge>}
      </p>
      <p className="job-what">
        <Link to={`/service/repair-orders/${order.id}`} className="my-work-link">
          {t('myWork:line.repairOrder', { id: order.id })}
        </Link>{' '}
        {t('myWork:line.forCustomer', { customer: order.customer.name })}
      </p>
      <p>
        <Link to={`/service/repair-orders/${order.id}/inspection`} className="job-inspection my-work-link">
          {t('myWork:line.inspection', { count: order.inspection.length })}
        </Link>
      </p>
      <p>
        <code>{order.vin}</code>
      </p>
      <p>{t('myWork:line.billed', { billed: hours(t, line.hours), clocked: hours(t, line.clocked_hours) })}</p>
      {!done && (
        <div className="job-actions">
          {running ? (
            <Button
              size="lg"
              variant="light"
              disabled={busy}
              onClick={() => void onWork('off')}
              aria-label={t('myWork:line.clockOffLabel', { line: label })}
            >
              {t('myWork:line.clockOff')}
            </Button>
          ) : (
            <Button
              size="lg"
              disabled={busy}
              onClick={() => void onWork('on')}
              aria-label={t('myWork:line.clockOnLabel', { line: label })}
              aria-describedby={otherRunning ? `line-${line.id}-other` : undefined}
            >
              {t('myWork:line.clockOn')}
            </Button>
          )}
          <Button
            size="lg"
            variant="default"
            disabled={busy}
            onClick={() => setAsking(true)}
            aria-label={t('myWork:line.markDoneLabel', { line: label })}
          >
            {t('myWork:line.markDone')}
          </Button>
          {otherRunning && !running && (
            <small id={`line-${line.id}-other`} className="muted job-hint">
              {t('myWork:line.otherRunning')}
            </small>
          )}
        </div>
      )}
      <ConfirmDialog
        open={asking}
        title={t('myWork:line.doneTitle')}
        confirmLabel={t('myWork:line.doneConfirm')}
        cancelLabel={t('myWork:line.notYet')}
        destructive={false}
        onConfirm={() => onWork('done')}
        onClose={() => setAsking(false)}
      >
        <p>
          {running
            ? t('myWork:line.doneBodyRunning', {
                description: line.description,
                id: order.id,
                customer: order.customer.name,
              })
            : t('myWork:line.doneBody', { description: line.description, id: order.id, customer: order.customer.name })}
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
  const { t } = useTranslation('myWork');
  const orders = useMyRepairOrders(technicianId);
  const work = useWorkOnLine();
  const [runningLine, setRunningLine] = useRunningLine(technicianId);
  if (orders.isLoading) return <Loading label={t('myWork:repairWork.loading')} />;
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
        const description = job.line.description;
        toast.success(
          action === 'on'
            ? t('myWork:repairWork.clockedOn', { description })
            : action === 'off'
              ? t('myWork:repairWork.clockedOff', { description })
              : t('myWork:repairWork.done', { description }),
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
        {t('myWork:repairWork.heading')}{' '}
        {todo.length > 0 && <span className="muted">{t('myWork:repairWork.toDo', { count: todo.length })}</span>}
      </h2>
      {runningJob && (
        <p className="clock-banner" role="status">
          <strong>{t('myWork:repairWork.onTheClock')}</strong>{' '}
          {t('myWork:repairWork.running', {
            description: runningJob.line.description,
            id: runningJob.order.id,
            hours: hours(t, runningJob.line.clocked_hours),
          })}
        </p>
      )}
      {jobs.length === 0 ? (
        <p className="empty">{t('myWork:repairWork.empty')}</p>
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
