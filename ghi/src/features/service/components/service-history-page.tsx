import { normalizeVin } from '@carcar/common/contract/vin';
import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { DataTable } from '../../../components/data-table';
import { ExportCsvButton } from '../../../components/export-csv-button';
import { useTranslation } from '../../../lib/i18n';
import { appointmentsRequest, useAppointments } from '../api/get-appointments';
import { appointmentColumns, appointmentSearchText, StatusBadge } from './appointment-columns';

/** A car's whole service history by VIN: every status, newest first. */
export function ServiceHistoryPage() {
  const { t } = useTranslation();
  // `?vin=` opens a car's history straight away: the appointment page links here.
  const [params, setParams] = useSearchParams();
  const vin = normalizeVin(params.get('vin') ?? '');
  const [input, setInput] = useState(vin);
  const setVin = (value: string) => setParams(value ? { vin: value } : {});
  const history = useAppointments({ vin }, vin !== '');
  return (
    <>
      <h1>{t('service:history.title')}</h1>
      <form
        aria-label={t('service:history.form')}
        onSubmit={(event) => {
          event.preventDefault();
          setVin(normalizeVin(input));
        }}
      >
        {/* biome-ignore lint/a11y/noRedundantRoles: Pico CSS draws input and button as one control for role=group */}
        <fieldset role="group">
          <label htmlFor="history-vin" className="visually-hidden">
            {t('service:history.vin')}
          </label>
          <input
            id="history-vin"
            placeholder={t('service:history.vin')}
            value={input}
            onChange={(event) => setInput(event.target.value)}
          />
          <button type="submit">{t('service:history.search')}</button>
        </fieldset>
      </form>
      {vin && (
        <div className="list-toolbar">
          <ExportCsvButton name={`service-history-${vin}`} request={appointmentsRequest({ vin })} />
        </div>
      )}
      {vin && (
        <DataTable
          caption={t('service:history.caption', { vin })}
          rows={history.data}
          isLoading={history.isLoading}
          error={history.error}
          retry={() => history.refetch()}
          rowKey={(a) => a.id}
          searchText={appointmentSearchText(t)}
          empty={t('service:history.empty', { vin })}
          columns={[
            ...appointmentColumns(t),
            {
              key: 'status',
              header: t('service:history.status'),
              cell: (a) => <StatusBadge appointment={a} />,
              sortValue: (a) => a.status,
            },
          ]}
        />
      )}
    </>
  );
}
