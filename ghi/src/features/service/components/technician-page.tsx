import '../service.css';
import { Button } from '@mantine/core';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { toast } from 'sonner';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import { DataTable } from '../../../components/data-table';
import { DetailPage, DetailSection } from '../../../components/detail-page';
import { ErrorState, Loading } from '../../../components/states';
import { StatusBadge } from '../../../components/status-badge';
import { ApiError, errorMessage } from '../../../lib/api-client';
import { useCan } from '../../../lib/auth';
import { useTranslation } from '../../../lib/i18n';
import { useAppointmentPage } from '../api/get-appointment-page';
import { useTechnician } from '../api/get-technician';
import { useUpdateTechnician } from '../api/update-technician';
import { technicianName } from '../types';
import { AppointmentActions } from './appointment-actions';
import { boardColumns } from './appointment-columns';

const PAGE_SIZE = 25;

/** A technician: their appointments, newest first, and retiring or reinstating them. */
export function TechnicianPage() {
  const { t } = useTranslation();
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
        <h1>{t('service:technician.title')}</h1>
        {missing ? (
          <p>
            {t('service:technician.noSuch', { id })}{' '}
            <Link to="/service/technicians">{t('service:technician.backToList')}</Link>.
          </p>
        ) : (
          <ErrorState error={technician.error} retry={() => technician.refetch()} />
        )}
      </>
    );
  }
  const tech = technician.data;
  const name = technicianName(tech);
  const retired = tech.active === false;
  const setActive = async (active: boolean) => {
    await update.mutateAsync({ id, active });
    toast.success(active ? t('service:technician.reinstated', { name }) : t('service:technician.retired', { name }));
  };
  return (
    <DetailPage
      crumbs={[{ label: t('service:technicians.title'), to: '/service/technicians' }, { label: name }]}
      title={name}
      status={
        retired ? (
          <StatusBadge tone="neutral">{t('common:staff.retired')}</StatusBadge>
        ) : (
          <StatusBadge tone="success">{t('common:staff.active')}</StatusBadge>
        )
      }
      subtitle={`${t('service:technician.employeeId', { id: tech.employee_id })} ${
        retired ? t('service:technician.retiredNote') : t('service:technician.activeNote')
      }`}
      actions={
        !mayWrite ? null : retired ? (
          // Keyed apart: one button changing into the other would fade between their colors.
          <Button
            key="reinstate"
            disabled={update.isPending}
            onClick={() => setActive(true).catch((error) => toast.error(errorMessage(error)))}
          >
            {t('service:technician.reinstate')}
          </Button>
        ) : (
          <Button key="retire" variant="default" color="red" onClick={() => setAsking(true)}>
            {t('service:technician.retire')}
          </Button>
        )
      }
    >
      <ConfirmDialog
        open={asking}
        title={t('service:technician.retireTitle', { name })}
        confirmLabel={t('service:technician.retireConfirm')}
        cancelLabel={t('service:technician.retireKeep')}
        onConfirm={() => setActive(false)}
        onClose={() => setAsking(false)}
      >
        <p>{t('service:technician.retireText', { name })}</p>
      </ConfirmDialog>
      <DetailSection title={t('service:technician.appointments')}>
        <DataTable
          caption={t('service:technician.caption', { name })}
          rows={appointments.data?.appointments}
          isLoading={appointments.isLoading}
          error={appointments.error}
          retry={() => appointments.refetch()}
          rowKey={(a) => a.id}
          empty={t('service:technician.empty', { name })}
          columns={[
            ...boardColumns(t, { timeOnly: false, now: Date.now() }).filter((c) => c.key !== 'technician'),
            {
              key: 'actions',
              header: t('service:technician.actions'),
              cell: (a) => <AppointmentActions appointment={a} />,
            },
          ]}
          server={{
            total: appointments.data?.total ?? 0,
            count: (n) => t('service:board.count', { count: n }),
            page,
            pageSize: PAGE_SIZE,
            onPage: setPage,
            query,
            onQuery: (value) => {
              setQuery(value);
              setPage(0);
            },
            searchHint: t('service:technician.searchHint'),
            isFetching: appointments.isFetching,
          }}
        />
      </DetailSection>
    </DetailPage>
  );
}
