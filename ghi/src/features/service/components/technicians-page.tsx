import '../service.css';
import { staffBody as technicianBody } from '@carcar/common/contract/people';
import { Anchor } from '@mantine/core';
import { Link } from 'react-router-dom';
import { DataTable } from '../../../components/data-table';
import { ExportCsvMenuItem } from '../../../components/export-csv-button';
import { AddInDrawer, ListPage, MoreMenu } from '../../../components/list-page';
import { StaffForm } from '../../../components/staff-form';
import { StatusBadge } from '../../../components/status-badge';
import { useCan } from '../../../lib/auth';
import { useTranslation } from '../../../lib/i18n';
import { useApiForm } from '../../../lib/use-api-form';
import { useCreateTechnician } from '../api/create-technician';
import { techniciansRequest, useTechnicians } from '../api/get-technicians';
import { technicianName } from '../types';

function AddTechnicianForm({ onAdded }: { onAdded: () => void }) {
  const { t } = useTranslation();
  const create = useCreateTechnician();
  const { form, onSubmit } = useApiForm({
    schema: technicianBody,
    defaultValues: { first_name: '', last_name: '', employee_id: '' },
    save: create.mutateAsync,
    success: t('service:technicians.added'),
    onSaved: onAdded,
  });
  return (
    <StaffForm
      form={form}
      onSubmit={onSubmit}
      label={t('service:technicians.addForm')}
      submit={t('service:technicians.add')}
    />
  );
}

/** Every technician, retired ones marked (their appointments keep their name), and a form to add one. */
export function TechniciansPage() {
  const { t } = useTranslation();
  const technicians = useTechnicians();
  const mayWrite = useCan('technicians.write');
  return (
    <ListPage
      title={t('service:technicians.title')}
      actions={
        <>
          {mayWrite && (
            <AddInDrawer label={t('service:technicians.add')} title={t('service:technicians.addForm')}>
              {(close) => <AddTechnicianForm onAdded={close} />}
            </AddInDrawer>
          )}
          {/* Beside the primary action: a toolbar row of its own would push the list down. */}
          <MoreMenu>
            <ExportCsvMenuItem name="technicians" request={techniciansRequest} />
          </MoreMenu>
        </>
      }
    >
      <DataTable
        caption={t('service:technicians.title')}
        rows={technicians.data}
        isLoading={technicians.isLoading}
        error={technicians.error}
        retry={() => technicians.refetch()}
        rowKey={(tech) => tech.id}
        searchHint={t('service:technicians.searchHint')}
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
            nowrap: true,
          },
          {
            key: 'name',
            header: t('common:staff.name'),
            cell: (tech) => (
              <Anchor component={Link} to={`/service/technicians/${tech.id}`}>
                {technicianName(tech)}
              </Anchor>
            ),
            sortValue: (tech) => technicianName(tech),
          },
          {
            key: 'active',
            header: t('common:staff.status'),
            cell: (tech) =>
              tech.active === false ? (
                <StatusBadge tone="neutral">{t('common:staff.retired')}</StatusBadge>
              ) : (
                <StatusBadge tone="success">{t('common:staff.active')}</StatusBadge>
              ),
            sortValue: (tech) => (tech.active === false ? 1 : 0),
          },
        ]}
      />
    </ListPage>
  );
}
