import '../service.css';
import { staffBody as technicianBody } from '@carcar/common/contract/people';
import { Link } from 'react-router-dom';
import { DataTable } from '../../../components/data-table';
import { ExportCsvButton } from '../../../components/export-csv-button';
import { StaffForm } from '../../../components/staff-form';
import { useCan } from '../../../lib/auth';
import { useTranslation } from '../../../lib/i18n';
import { useApiForm } from '../../../lib/use-api-form';
import { useCreateTechnician } from '../api/create-technician';
import { techniciansRequest, useTechnicians } from '../api/get-technicians';
import { technicianName } from '../types';

/** Every technician, retired ones marked (their appointments keep their name), and a form to add one. */
export function TechniciansPage() {
  const { t } = useTranslation();
  const create = useCreateTechnician();
  const technicians = useTechnicians();
  const mayWrite = useCan('technicians.write');
  const { form, onSubmit } = useApiForm({
    schema: technicianBody,
    defaultValues: { first_name: '', last_name: '', employee_id: '' },
    save: create.mutateAsync,
    success: t('service:technicians.added'),
  });
  return (
    <>
      <h1>{t('service:technicians.title')}</h1>
      {mayWrite && (
        <StaffForm
          form={form}
          onSubmit={onSubmit}
          label={t('service:technicians.addForm')}
          submit={t('service:technicians.add')}
        />
      )}
      <div className="list-toolbar">
        <ExportCsvButton name="technicians" request={techniciansRequest} />
      </div>
      <DataTable
        caption={t('service:technicians.title')}
        rows={technicians.data}
        isLoading={technicians.isLoading}
        error={technicians.error}
        retry={() => technicians.refetch()}
        rowKey={(tech) => tech.id}
        searchText={(tech) =>
          `${tech.first_name} ${tech.last_name} ${tech.employee_id} ${tech.active === false ? t('common:staff.retired') : ''}`
        }
        empty={t('service:technicians.empty')}
        columns={[
          {
            key: 'employee_id',
            header: t('common:staff.employeeId'),
            cell: (tech) => tech.employee_id,
            sortValue: (tech) => tech.employee_id,
          },
          {
            key: 'name',
            header: t('common:staff.name'),
            cell: (tech) => <Link to={`/service/technicians/${tech.id}`}>{technicianName(tech)}</Link>,
            sortValue: (tech) => technicianName(tech),
          },
          {
            key: 'active',
            header: t('common:staff.status'),
            cell: (tech) =>
              tech.active === false ? (
                <span className="badge retired">{t('common:staff.retired')}</span>
              ) : (
                t('common:staff.active')
              ),
            sortValue: (tech) => (tech.active === false ? 1 : 0),
          },
        ]}
      />
    </>
  );
}
