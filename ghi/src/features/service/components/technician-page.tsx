import '../service.css';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { toast } from 'sonner';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import { DataTable } from '../../../components/data-table';
import { ErrorState, Loading } from '../../../components/states';
import { ApiError, errorMessage } from '../../../lib/api-client';
import { useCan } from '../../../lib/auth';
import { useAppointmentPage } from '../api/get-appointment-page';
import { useTechnician } from '../api/get-technician';
import { useUpdateTechnician } from '../api/update-technician';
import { technicianName } from '../types';
import { AppointmentActions } from './appointment-actions';
import { boardColumns } from './appointment-columns';

const PAGE_SIZE = 25;

/** A technician: their appointments, newest first, and retiring or reinstating them. */
export function TechnicianPage() {
  const id = Number(useParams().id);
  const technician = useTechnician(id);
  const update = useUpdateTechnician();
  const mayWrite = useCan('technicians.write');
  const [page, setPage] = useState(0);
  const [query, setQuery] = useState('');
  const [asking, setAsking] = useState(false);
  const appointments = useAppointmentPage([], {
    technician: id,
    q: query || undefined,
    sort: '-date_time',
    limit: PAGE_SIZE,
    offset: page * PAGE_SIZE,
  });
  if (technician.isLoading) return <Loading />;
  if (technician.error || !technician.data) {
    const missing = technician.error instanceof ApiError && technician.error.status === 404;
    return (
      <>
        <h1>Technician</h1>
        {missing ? (
          <p>
            There is no technician {id}. <Link to="/service/technicians">Back to the technicians</Link>.
          </p>
        ) : (
          <ErrorState error={technician.error} retry={() => technician.refetch()} />
        )}
      </>
    );
  }
  const t = technician.data;
  const name = technicianName(t);
  const retired = t.active === false;
  const setActive = async (active: boolean) => {
    await update.mutateAsync({ id, active });
    toast.success(active ? `${name} reinstated` : `${name} retired`);
  };
  return (
    <>
      <p>
        <Link to="/service/technicians">← Technicians</Link>
      </p>
      <div className="page-heading">
        <h1>
          {name} {retired && <span className="badge retired">Retired</span>}
        </h1>
        {!mayWrite ? null : retired ? (
          // Keyed apart: one button changing into the other would fade between their colours.
          <button
            key="reinstate"
            type="button"
            className="secondary"
            disabled={update.isPending}
            onClick={() => setActive(true).catch((error) => toast.error(errorMessage(error)))}
          >
            Reinstate
          </button>
        ) : (
          <button key="retire" type="button" className="secondary outline" onClick={() => setAsking(true)}>
            Retire…
          </button>
        )}
      </div>
      <p className="muted">
        Employee ID {t.employee_id}.{' '}
        {retired
          ? 'Retired: not offered when booking; their past appointments keep their name.'
          : 'Active: offered when booking.'}
      </p>
      <ConfirmDialog
        open={asking}
        title={`Retire ${name}?`}
        confirmLabel="Retire technician"
        cancelLabel="Keep active"
        onConfirm={() => setActive(false)}
        onClose={() => setAsking(false)}
      >
        <p>
          {name} will no longer be offered when booking. Appointments already booked with them stay as they are: move or
          cancel them on the board. You can reinstate them later.
        </p>
      </ConfirmDialog>
      <h2>Appointments</h2>
      <DataTable
        caption={`Appointments of ${name}`}
        rows={appointments.data?.appointments}
        isLoading={appointments.isLoading}
        error={appointments.error}
        retry={() => appointments.refetch()}
        rowKey={(a) => a.id}
        empty={`${name} has no appointments.`}
        columns={[
          ...boardColumns({ timeOnly: false, now: Date.now() }).filter((c) => c.key !== 'technician'),
          { key: 'actions', header: 'Actions', cell: (a) => <AppointmentActions appointment={a} /> },
        ]}
        server={{
          total: appointments.data?.total ?? 0,
          count: (n) => `${n} appointment${n === 1 ? '' : 's'}`,
          page,
          pageSize: PAGE_SIZE,
          onPage: setPage,
          query,
          onQuery: (value) => {
            setQuery(value);
            setPage(0);
          },
          searchHint: 'VIN, customer or reason',
          isFetching: appointments.isFetching,
        }}
      />
    </>
  );
}
