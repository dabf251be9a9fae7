import { ConfirmButton } from '../../../components/confirm-button';
import { DataTable } from '../../../components/data-table';
import { useAppointments } from '../api/get-appointments';
import { useUpdateAppointmentStatus } from '../api/update-appointment-status';
import { appointmentColumns, appointmentSearchText } from './appointment-columns';

/** The upcoming work: `created` appointments, soonest first, with Cancel and Finish. */
export function AppointmentsPage() {
  const appointments = useAppointments({ status: 'created' });
  const update = useUpdateAppointmentStatus();
  const upcoming = appointments.data && [...appointments.data].reverse();
  return (
    <>
      <h1>Service appointments</h1>
      <DataTable
        caption="Upcoming service appointments"
        rows={upcoming}
        isLoading={appointments.isLoading}
        error={appointments.error}
        retry={() => appointments.refetch()}
        rowKey={(a) => a.id}
        searchText={appointmentSearchText}
        empty="No upcoming appointments."
        columns={[
          ...appointmentColumns,
          {
            key: 'actions',
            header: 'Actions',
            cell: (a) => (
              <div className="actions">
                <ConfirmButton
                  label="Cancel"
                  question={`Cancel the appointment of ${a.customer}?`}
                  confirm="Cancel appointment"
                  disabled={update.isPending}
                  onConfirm={() => update.mutate({ id: a.id, action: 'cancel' })}
                />
                <button
                  type="button"
                  className="small"
                  disabled={update.isPending}
                  onClick={() => update.mutate({ id: a.id, action: 'finish' })}
                >
                  Finish
                </button>
              </div>
            ),
          },
        ]}
      />
    </>
  );
}
