import { normalizeVin } from '@carcar/common/contract/vin';
import { Button, Group, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { DataTable } from '../../../components/data-table';
import { ExportCsvMenuItem } from '../../../components/export-csv-button';
import { ListPage, MoreMenu } from '../../../components/list-page';
import { formatNumber } from '../../../lib/format';
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
  const count = vin && history.data ? history.data.length : undefined;
  return (
    <ListPage
      title={t('service:history.title')}
      count={count === undefined ? undefined : t('service:history.count', { count, formatted: formatNumber(count) })}
      actions={
        vin && (
          <MoreMenu>
            <ExportCsvMenuItem name={`service-history-${vin}`} request={appointmentsRequest({ vin })} />
          </MoreMenu>
        )
      }
    >
      {/* The table stands from the start, as the salesperson history's does: its toolbar holds the VIN. */}
      <DataTable
        toolbar={
          <form
            aria-label={t('service:history.form')}
            onSubmit={(event) => {
              event.preventDefault();
              setVin(normalizeVin(input));
            }}
          >
            <Group gap="xs" align="end" wrap="nowrap">
              <TextInput
                label={t('service:history.vin')}
                value={input}
                onChange={(event) => setInput(event.currentTarget.value)}
                autoComplete="off"
                spellCheck={false}
                // Room for a whole VIN (17 characters) and no more: a VIN is never cut or wrapped.
                w="14rem"
                maw="100%"
                styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
              />
              <Button type="submit">{t('service:history.search')}</Button>
            </Group>
          </form>
        }
        caption={vin ? t('service:history.caption', { vin }) : t('service:history.title')}
        rows={vin ? history.data : []}
        isLoading={vin !== '' && history.isLoading}
        error={vin ? history.error : null}
        retry={() => history.refetch()}
        rowKey={(a) => a.id}
        searchHint={t('service:history.searchHint')}
        searchText={appointmentSearchText(t)}
        empty={vin ? t('service:history.empty', { vin }) : t('service:history.enterVin')}
        columns={[
          // The shared columns, the VIN kept on one line: split, it reads as two values.
          ...appointmentColumns(t).map((column) => (column.key === 'vin' ? { ...column, nowrap: true } : column)),
          {
            key: 'status',
            header: t('service:history.status'),
            cell: (a) => <StatusBadge appointment={a} />,
            sortValue: (a) => a.status,
            nowrap: true,
          },
        ]}
      />
    </ListPage>
  );
}
