import '../../service/service.css';
import '../my-work.css';
import { allowsOwn, canAtLeastOwn } from '@carcar/common/contract/permissions';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import { ErrorState, Loading } from '../../../components/states';
import { type User, useCurrentUser } from '../../../lib/auth';
import { carPath } from '../../../lib/paths';
import { useAppointmentPage } from '../../service/api/get-appointment-page';
import { useUpdateAppointmentStatus } from '../../service/api/update-appointment-status';
import { dealershipDate, dealershipToday, formatDay, formatTime, formatWhen } from '../../service/time-zone';
import type { Appointment } from '../../service/types';
import { RepairWork } from './repair-work';

const endOf = (a: Appointment) => new Date(new Date(a.date_time).getTime() + a.duration_minutes * 60_000).toISOString();

/** Finish, asked once more: a finished job is the car's service history and cannot be undone. */
function FinishButton({ appointment, user }: { appointment: Appointment; user: User }) {
  const update = useUpdateAppointmentStatus();
  const [asking, setAsking] = useState(false);
  if (appointment.status !== 'created' || !allowsOwn(user, 'appointments.finish', appointment.technician.id)) {
    return null;
  }
  return (
    <>
      <button type="button" onClick={() => setAsking(true)} disabled={update.isPending}>
        Finish…
      </button>
      <ConfirmDialog
        open={asking}
        title="Finish this job?"
        confirmLabel="Finish job"
        cancelLabel="Not yet"
        destructive={false}
        onConfirm={() => update.mutateAsync({ id: appointment.id, action: 'finish' })}
        onClose={() => setAsking(false)}
      >
        <p>
          {appointment.reason} for {appointment.customer}, {formatWhen(appointment.date_time)}, is done. It goes into
          the car’s service history and cannot be undone.
        </p>
      </ConfirmDialog>
    </>
  );
}

function Job({
  appointment: a,
  user,
  showDay,
  now,
}: {
  appointment: Appointment;
  user: User;
  showDay: boolean;
  now: number;
}) {
  const late = a.status === 'created' && new Date(endOf(a)).getTime() < now;
  return (
    <li className={`job job-${a.status}${late ? ' job-late' : ''}`} aria-labelledby={`job-${a.id}`}>
      <p className="job-time" id={`job-${a.id}`}>
        <time dateTime={a.date_time}>
          {showDay && `${formatDay(a.date_time)}, `}
          {formatTime(a.date_time)}–{formatTime(endOf(a))}
        </time>
        {a.status === 'finished' && <span className="badge finished">Finished</span>}
        {a.status === 'canceled' && <span className="badge canceled">Canceled</span>}
        {late && <span className="badge overdue">Not finished</span>}
        {a.vip && <span className="badge vip">VIP</span>}
      </p>
      <p className="job-what">
        <strong>{a.reason}</strong> for {a.customer}
      </p>
      <p>
        <code>{a.vin}</code>
      </p>
      <div className="job-actions">
        <Link to={carPath(a.vin)} role="button" className="secondary outline" aria-label={`Car history of ${a.vin}`}>
          Car history
        </Link>
        <FinishButton appointment={a} user={user} />
      </div>
    </li>
  );
}

function JobList({
  title,
  jobs,
  empty,
  user,
  showDay,
  now,
}: {
  title: string;
  jobs: Appointment[];
  empty?: string;
  user: User;
  showDay: boolean;
  now: number;
}) {
  if (jobs.length === 0 && !empty) return null;
  const id = `my-work-${title.toLowerCase().replace(/\W+/g, '-')}`;
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>
        {title} {jobs.length > 0 && <span className="muted">({jobs.length})</span>}
      </h2>
      {jobs.length === 0 ? (
        <p className="empty">{empty}</p>
      ) : (
        <ol className="my-work-list">
          {jobs.map((a) => (
            <Job key={a.id} appointment={a} user={user} showDay={showDay} now={now} />
          ))}
        </ol>
      )}
    </section>
  );
}

function Schedule({ user, technicianId }: { user: User; technicianId: number }) {
  const today = dealershipToday();
  // Today as it stands (done jobs too), and every job still open: late ones from earlier days and
  // the ones to come. Both in time order.
  const day = useAppointmentPage([], { technician: technicianId, date: today, sort: 'date_time', limit: 200 });
  const open = useAppointmentPage(['created'], { technician: technicianId, sort: 'date_time', limit: 200 });
  if (day.isLoading || open.isLoading) return <Loading label="Loading your appointments…" />;
  const error = day.error ?? open.error;
  if (error) {
    return (
      <ErrorState
        error={error}
        retry={() => {
          void day.refetch();
          void open.refetch();
        }}
      />
    );
  }
  const now = Date.now();
  const openJobs = open.data?.appointments ?? [];
  const earlier = openJobs.filter((a) => dealershipDate(a.date_time) < today);
  const upcoming = openJobs.filter((a) => dealershipDate(a.date_time) > today);
  const todays = day.data?.appointments ?? [];
  return (
    <>
      <JobList title="Still open from earlier days" jobs={earlier} user={user} showDay now={now} />
      <JobList
        title="Today"
        jobs={todays}
        empty="Nothing booked for you today."
        user={user}
        showDay={false}
        now={now}
      />
      <JobList
        title="Coming up"
        jobs={upcoming}
        empty="Nothing booked for you after today."
        user={user}
        showDay
        now={now}
      />
    </>
  );
}

/**
 * A technician's home page: their own jobs, today's first, each one tap from the car's history and
 * one confirmed tap from finished. It follows the account's technician link; without one there is
 * nothing to show but how to get it.
 */
export function MyWorkPage() {
  const user = useCurrentUser();
  if (!user) return null;
  return (
    <div className="my-work">
      <div className="page-heading">
        <h1>My work</h1>
        <p className="muted">
          {user.name} · {formatDay(new Date().toISOString())}
        </p>
      </div>
      {user.technician_id === null ? (
        <p role="status" className="form-error">
          Your account is not linked to a technician; ask an administrator to link it, and your appointments will show
          here.
        </p>
      ) : (
        <>
          {canAtLeastOwn(user, 'repair_orders.work') && <RepairWork technicianId={user.technician_id} />}
          <Schedule user={user} technicianId={user.technician_id} />
        </>
      )}
      <p>
        <Link to="/service/appointments">The whole service board</Link>
      </p>
    </div>
  );
}
