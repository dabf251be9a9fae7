import { normalizeVin } from '@carcar/common/contract/vin';
import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { DataTable } from '../../../components/data-table';
import { ExportCsvButton } from '../../../components/export-csv-button';
import { appointmentsRequest, useAppointments } from '../api/get-appointments';
import { appointmentColumns, appointmentSearchText } from './appointment-columns';

/** A car's whole service history by VIN: every status, newest first. */
export function ServiceHistoryPage() {
  // `?vin=` opens a car's history straight away: the appointment page links here.
  const [params, setParams] = useSearchParams();
  const vin = normalizeVin(params.get('vin') ?? '');
  const [input, setInput] = useState(vin);
  const setVin = (value: string) => setParams(value ? { vin: value } : {});
  const history = useAppointments({ vin }, vin !== '');
  return (
    <>
      <h1>Service history</h1>
      <form
        aria-label="Service history by VIN"
        onSubmit={(event) => {
          event.preventDefault();
          setVin(normalizeVin(input));
        }}
      >
        {/* biome-ignore lint/a11y/noRedundantRoles: Pico CSS draws input and button as one control for role=group */}
        <fieldset role="group">
          <label htmlFor="history-vin" className="visually-hidden">
            VIN
          </label>
          <input id="history-vin" placeholder="VIN" value={input} onChange={(event) => setInput(event.target.value)} />
          <button type="submit">Search</button>
        </fieldset>
      </form>
      {vin && (
        <div className="list-toolbar">
          <ExportCsvButton name={`service-history-${vin}`} request={appointmentsRequest({ vin })} />
        </div>
      )}
      {vin && (
        <DataTable
          caption={`Service history of ${vin}`}
          rows={history.data}
          isLoading={history.isLoading}
          error={history.error}
          retry={() => history.refetch()}
          rowKey={(a) => a.id}
          searchText={appointmentSearchText}
          empty={`No appointments for ${vin}.`}
          columns={[
            ...appointmentColumns,
            {
              key: 'status',
              header: 'Status',
              cell: (a) => <span className={`badge ${a.status}`}>{a.status}</span>,
              sortValue: (a) => a.status,
            },
          ]}
        />
      )}
    </>
  );
}
