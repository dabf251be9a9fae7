import '../service.css';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { ErrorState, Loading } from '../../../components/states';
import { VinLink } from '../../../components/vin-link';
import { ApiError } from '../../../lib/api-client';
import { useCan } from '../../../lib/auth';
import { useAppointment } from '../api/get-appointment';
import { dealershipZone, formatTime, formatWhen } from '../time-zone';
import { technicianName } from '../types';
import { AppointmentActions } from './appointment-actions';
import { StatusBadge } from './appointment-columns';
import { StartRepairOrder } from './start-repair-order';

export function AppointmentDetailPage() {
  const id = Number(useParams().id);
  const appointment = useAppointment(id);
  // `?start=1` (the board's "Start repair order") opens the repair order form at once.
  const [params] = useSearchParams();
  const mayStartOrder = useCan('repair_orders.write');
  if (appointment.isLoading) return <Loading />;
  if (appointment.error || !appointment.data) {
    const missing = appointment.error instanceof ApiError && appointment.error.status === 404;
    return (
      <>
        <h1>Appointment</h1>
        {missing ? (
          <p>
            There is no appointment {id}. <Link to="/service/appointments">Back to the service board</Link>.
          </p>
        ) : (
          <ErrorState error={appointment.error} retry={() => appointment.refetch()} />
        )}
      </>
    );
  }
  const a = appointment.data;
  const ends = new Date(new Date(a.date_time).getTime() + a.duration_minutes * 60_000).toISOString();
  const overdue = a.status === 'created' && new Date(a.date_time).getTime() < Date.now();
  return (
    <>
      <p>
        <Link to="/service/appointments">← Service board</Link>
      </p>
      <h1>
        {a.customer}: {a.reason}
      </h1>
      {a.status === 'finished' && (
        <p className="notice">
          Finished. It is kept in the car’s{' '}
          <Link to={`/service/history?vin=${encodeURIComponent(a.vin)}`}>service history</Link> and cannot be deleted.
        </p>
      )}
      {a.status === 'canceled' && (
        <p className="notice">Canceled{a.cancel_reason ? `: “${a.cancel_reason}”` : ', without a reason given'}.</p>
      )}
      <dl className="details">
        <dt>When</dt>
        <dd>
          {formatWhen(a.date_time)} to {formatTime(ends)} ({a.duration_minutes} minutes, {dealershipZone} time)
        </dd>
        <dt>Car</dt>
        <dd>
          <VinLink vin={a.vin} />
          {a.vip ? (
            <>
              {' '}
              <span className="badge vip">VIP</span> bought or stocked here
            </>
          ) : (
            ' (not from our inventory)'
          )}
        </dd>
        <dt>Customer</dt>
        <dd>{a.customer}</dd>
        <dt>Technician</dt>
        <dd>
          <Link to={`/service/technicians/${a.technician.id}`}>{technicianName(a.technician)}</Link>
          {a.technician.active === false && <span className="badge">Retired</span>}
        </dd>
        <dt>Reason</dt>
        <dd>{a.reason}</dd>
        <dt>Status</dt>
        <dd>
          <StatusBadge appointment={a} overdue={overdue} />
          {overdue && ' Its time has passed: finish or cancel it.'}
        </dd>
      </dl>
      {mayStartOrder && a.status !== 'canceled' && (
        <StartRepairOrder appointment={a} open={params.get('start') === '1'} />
      )}
      <AppointmentActions appointment={a} confirmFinish />
      <p>
        <Link to={`/service/appointments/${a.id}/print`} role="button" className="secondary outline">
          Print work order
        </Link>
      </p>
    </>
  );
}
