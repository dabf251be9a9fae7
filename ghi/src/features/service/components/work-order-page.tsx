import '../service.css';
import { Link, useParams } from 'react-router-dom';
import { Paper, SignatureLines, VinFacts } from '../../../components/paper';
import { ErrorState, Loading } from '../../../components/states';
import { ApiError } from '../../../lib/api-client';
import { useAppointment } from '../api/get-appointment';
import { dealershipZone, formatTime, formatWhen } from '../time-zone';
import { technicianName } from '../types';

const statusWords = { created: 'Booked', finished: 'Finished', canceled: 'Canceled' } as const;

/** The work order of one appointment, to print for the workshop: the car, the work, who does it. */
export function WorkOrderPage() {
  const id = Number(useParams().id);
  const appointment = useAppointment(id);
  if (appointment.isLoading) return <Loading />;
  if (appointment.error || !appointment.data) {
    return appointment.error instanceof ApiError && appointment.error.status === 404 ? (
      <>
        <h1>Appointment not found</h1>
        <p>
          There is no appointment {id}. <Link to="/service/appointments">Back to the service board</Link>.
        </p>
      </>
    ) : (
      <ErrorState error={appointment.error} retry={() => appointment.refetch()} />
    );
  }
  const a = appointment.data;
  const ends = new Date(new Date(a.date_time).getTime() + a.duration_minutes * 60_000).toISOString();
  return (
    <Paper
      title="Service work order"
      number={`Work order ${a.id}`}
      date={formatWhen(a.date_time)}
      back={{ to: `/service/appointments/${a.id}`, label: `Back to appointment ${a.id}` }}
    >
      <div className="paper-parties">
        <section aria-label="Customer">
          <h2>Customer</h2>
          <dl>
            <dt>Name</dt>
            <dd>{a.customer}</dd>
            <dt>VIP</dt>
            <dd>{a.vip ? 'Yes: bought or stocked here' : 'No'}</dd>
          </dl>
        </section>
        <section aria-label="Technician">
          <h2>Technician</h2>
          <dl>
            <dt>Name</dt>
            <dd>{technicianName(a.technician)}</dd>
            <dt>Employee ID</dt>
            <dd>{a.technician.employee_id}</dd>
          </dl>
        </section>
      </div>
      <section aria-label="Vehicle">
        <h2>Vehicle</h2>
        <dl>
          <VinFacts vin={a.vin} />
        </dl>
      </section>
      <section aria-label="Work">
        <h2>Work</h2>
        <dl>
          <dt>Reason</dt>
          <dd>{a.reason}</dd>
          <dt>When</dt>
          <dd>
            {formatWhen(a.date_time)} to {formatTime(ends)} ({dealershipZone} time)
          </dd>
          <dt>Duration</dt>
          <dd>{a.duration_minutes} minutes</dd>
          <dt>Status</dt>
          <dd>
            {statusWords[a.status]}
            {a.status === 'canceled' && a.cancel_reason ? `: ${a.cancel_reason}` : ''}
          </dd>
        </dl>
        <h2>Work done and parts used</h2>
        <p className="paper-notes" aria-hidden="true" />
      </section>
      <SignatureLines signers={['technician', 'customer']} />
    </Paper>
  );
}
