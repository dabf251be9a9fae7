import '../service.css';
import { staffBody as technicianBody } from '@carcar/common/contract/people';
import { Link } from 'react-router-dom';
import { DataTable } from '../../../components/data-table';
import { ExportCsvButton } from '../../../components/export-csv-button';
import { StaffForm } from '../../../components/staff-form';
import { useCan } from '../../../lib/auth';
import { useApiForm } from '../../../lib/use-api-form';
import { useCreateTechnician } from '../api/create-technician';
import { techniciansRequest, useTechnicians } from '../api/get-technicians';
import { technicianName } from '../types';

/** Every technician, retired ones marked (their appointments keep their name), and a form to add one. */
export function TechniciansPage() {
  const create = useCreateTechnician();
  const technicians = useTechnicians();
  const mayWrite = useCan('technicians.write');
  const { form, onSubmit } = useApiForm({
    schema: technicianBody,
    defaultValues: { first_name: '', last_name: '', employee_id: '' },
    save: create.mutateAsync,
    success: 'Technician added',
  });
  return (
    <>
      <h1>Technicians</h1>
      {mayWrite && <StaffForm form={form} onSubmit={onSubmit} label="Add a technician" submit="Add technician" />}
      <div className="list-toolbar">
        <ExportCsvButton name="technicians" request={techniciansRequest} />
      </div>
      <DataTable
        caption="Technicians"
        rows={technicians.data}
        isLoading={technicians.isLoading}
        error={technicians.error}
        retry={() => technicians.refetch()}
        rowKey={(t) => t.id}
        searchText={(t) => `${t.first_name} ${t.last_name} ${t.employee_id} ${t.active === false ? 'retired' : ''}`}
        empty="No technicians yet."
        columns={[
          { key: 'employee_id', header: 'Employee ID', cell: (t) => t.employee_id, sortValue: (t) => t.employee_id },
          {
            key: 'name',
            header: 'Name',
            cell: (t) => <Link to={`/service/technicians/${t.id}`}>{technicianName(t)}</Link>,
            sortValue: (t) => technicianName(t),
          },
          {
            key: 'active',
            header: 'Status',
            cell: (t) => (t.active === false ? <span className="badge retired">Retired</span> : 'Active'),
            sortValue: (t) => (t.active === false ? 1 : 0),
          },
        ]}
      />
    </>
  );
}
