import { allowsOwn, can } from '@carcar/common/contract/permissions';
import { useState } from 'react';
import { toast } from 'sonner';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import { errorMessage } from '../../../lib/api-client';
import { useCurrentUser } from '../../../lib/auth';
import { useUpdateAppointmentStatus } from '../api/update-appointment-status';
import { formatWhen } from '../time-zone';
import type { Appointment } from '../types';

/**
 * Finish and Cancel of a booked appointment. Cancelling always asks why (the reason is kept with it);
 * finishing asks first where `confirmFinish` says so (the detail page). On the board, Finish is the
 * one-click end of a job, as the advisors use it all day.
 */
export function AppointmentActions({
  appointment,
  confirmFinish = false,
}: {
  appointment: Appointment;
  confirmFinish?: boolean;
}) {
  const update = useUpdateAppointmentStatus();
  const user = useCurrentUser();
  // A technician finishes only their own appointments (the service checks it too).
  const mayFinish = user !== null && allowsOwn(user, 'appointments.finish', appointment.technician.id);
  const mayCancel = user !== null && can(user, 'appointments.book');
  const [asking, setAsking] = useState<'cancel' | 'finish' | null>(null);
  if (appointment.status !== 'created' || (!mayFinish && !mayCancel)) return null;
  const who = `${appointment.customer} on ${formatWhen(appointment.date_time)}`;
  const finish = () =>
    update.mutate({ id: appointment.id, action: 'finish' }, { onError: (error) => toast.error(errorMessage(error)) });
  return (
    <div className="actions">
      {mayFinish && (
        <button
          type="button"
          className="small"
          disabled={update.isPending}
          onClick={() => (confirmFinish ? setAsking('finish') : finish())}
        >
          Finish{confirmFinish ? '…' : ''}
        </button>
      )}
      {mayCancel && (
        <button
          type="button"
          className="secondary outline small"
          disabled={update.isPending}
          onClick={() => setAsking('cancel')}
        >
          Cancel…
        </button>
      )}
      <ConfirmDialog
        open={asking === 'cancel'}
        title="Cancel this appointment?"
        confirmLabel="Cancel appointment"
        cancelLabel="Keep it"
        reason={{
          label: 'Reason for cancelling',
          required: true,
          maxLength: 500,
          hint: 'Kept with the appointment, for whoever looks at it later.',
          missing: 'Say why it is canceled: the reason is kept with the appointment.',
        }}
        onConfirm={(reason) => update.mutateAsync({ id: appointment.id, action: 'cancel', reason })}
        onClose={() => setAsking(null)}
      >
        <p>
          The appointment of {who} with {appointment.technician.first_name} {appointment.technician.last_name} (
          {appointment.reason}) will be canceled and the technician’s time freed.
        </p>
      </ConfirmDialog>
      {confirmFinish && (
        <ConfirmDialog
          open={asking === 'finish'}
          title="Finish this appointment?"
          confirmLabel="Finish appointment"
          cancelLabel="Not yet"
          onConfirm={() => update.mutateAsync({ id: appointment.id, action: 'finish' })}
          onClose={() => setAsking(null)}
        >
          <p>
            The work for {who} ({appointment.reason}) is done. A finished appointment stays in the car’s service history
            and cannot be deleted.
          </p>
        </ConfirmDialog>
      )}
    </div>
  );
}
