import { normalizeVin } from '@carcar/common/contract/vin';
import { Button, Group, TextInput } from '@mantine/core';
import { useEffect, useMemo, useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { DataTable } from '../../../components/data-table';
import { ListPage, ViewLink } from '../../../components/list-page';
import { useCan } from '../../../lib/auth';
import { formatNumber } from '../../../lib/format';
import { useTranslation } from '../../../lib/i18n';
import { useListState } from '../../../lib/list-state';
import { type RepairOrderFilters, useRepairOrderCount, useRepairOrderPage } from '../api/get-repair-orders';
import { type RepairOrderStatus, repairOrderStatuses, statusLabel } from '../types';
import { repairOrderColumns, repairOrderPath } from './repair-order-columns';

const PAGE_SIZE = 25;

const isStatus = (value: string): value is RepairOrderStatus =>
  (repairOrderStatuses as readonly string[]).includes(value);

/** One status filter, with how many orders the search finds in it. */
function StatusFilter({
  label,
  status,
  current,
  filters,
  href,
}: {
  label: string;
  status: RepairOrderStatus | undefined;
  current: RepairOrderStatus | undefined;
  filters: RepairOrderFilters;
  href: string;
}) {
  const count = useRepairOrderCount({ ...filters, status });
  return (
    <ViewLink to={href} current={status === current} tapHeight={32}>
      {`${label} ${count.data ?? '…'}`}
    </ViewLink>
  );
}

/** The VIN filter: applied when a whole VIN is typed (or the box emptied), not on every key. */
function VinFilter({ vin, onVin }: { vin: string; onVin: (vin: string) => void }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState(vin);
  useEffect(() => setDraft(vin), [vin]);
  const normalized = normalizeVin(draft);
  const incomplete = normalized !== '' && normalized.length !== 17;
  useEffect(() => {
    if (!incomplete && normalized !== vin) onVin(normalized);
  }, [normalized, incomplete, vin, onVin]);
  return (
    <TextInput
      label={t('repairOrders:list.vin')}
      value={draft}
      spellCheck={false}
      autoCapitalize="characters"
      w={{ base: '100%', xs: '13rem' }}
      styles={{ input: { whiteSpace: 'nowrap' } }}
      // The hint in the box while it is empty keeps the toolbar one row; a part-typed VIN says how far it is.
      placeholder={t('repairOrders:list.vinHint')}
      title={t('repairOrders:list.vinHint')}
      description={incomplete ? t('repairOrders:list.vinIncomplete', { typed: normalized.length }) : undefined}
      inputWrapperOrder={['label', 'input', 'description']}
      onChange={(event) => setDraft(event.currentTarget.value)}
    />
  );
}

/** Every repair order, newest first: by status (each counted), searched, or one car's. */
export function RepairOrdersPage() {
  const { t } = useTranslation();
  const columns = useMemo(() => repairOrderColumns(t), [t]);
  const list = useListState('-id');
  const rawStatus = list.filter('status');
  const status = isStatus(rawStatus) ? rawStatus : undefined;
  const vin = list.filter('vin');
  const filters: RepairOrderFilters = { q: list.q || undefined, vin: vin || undefined };
  const page = useRepairOrderPage({ ...filters, status, limit: PAGE_SIZE, offset: list.page * PAGE_SIZE });
  const mayWrite = useCan('repair_orders.write');
  const navigate = useNavigate();
  const hrefFor = (s: RepairOrderStatus | undefined) => {
    const next = new URLSearchParams();
    if (list.q) next.set('q', list.q);
    if (vin) next.set('vin', vin);
    if (s) next.set('status', s);
    const query = next.toString();
    return query ? `?${query}` : '?';
  };
  return (
    <ListPage
      title={t('repairOrders:list.title')}
      actions={
        mayWrite && (
          <Button component={Link} to="/service/repair-orders/new" role="button">
            {t('repairOrders:list.new')}
          </Button>
        )
      }
    >
      <DataTable
        toolbar={
          <>
            <nav aria-label={t('repairOrders:list.byStatus')}>
              <Group gap={6} wrap="wrap">
                <StatusFilter
                  label={t('repairOrders:list.all')}
                  status={undefined}
                  current={status}
                  filters={filters}
                  href={hrefFor(undefined)}
                />
                {repairOrderStatuses.map((s) => (
                  <StatusFilter
                    key={s}
                    label={statusLabel(t, s)}
                    status={s}
                    current={status}
                    filters={filters}
                    href={hrefFor(s)}
                  />
                ))}
              </Group>
            </nav>
            <VinFilter vin={vin} onVin={(value) => list.update({ vin: value })} />
          </>
        }
        caption={
          status
            ? t('repairOrders:list.captionStatus', { status: statusLabel(t, status) })
            : t('repairOrders:list.caption')
        }
        rows={page.data?.items}
        isLoading={page.isLoading}
        error={page.error}
        retry={() => page.refetch()}
        rowKey={(o) => o.id}
        onRowClick={(o) => navigate(repairOrderPath(o.id))}
        empty={
          status
            ? vin
              ? t('repairOrders:list.emptyStatusForCar', { status: statusLabel(t, status).toLowerCase() })
              : t('repairOrders:list.emptyStatus', { status: statusLabel(t, status).toLowerCase() })
            : vin
              ? t('repairOrders:list.emptyForCar')
              : t('repairOrders:list.empty')
        }
        columns={columns}
        server={{
          total: page.data?.total ?? 0,
          count: (n) =>
            status
              ? t('repairOrders:list.countInStatus', {
                  count: n,
                  formatted: formatNumber(n),
                  status: statusLabel(t, status).toLowerCase(),
                })
              : t('repairOrders:list.count', { count: n, formatted: formatNumber(n) }),
          page: list.page,
          pageSize: PAGE_SIZE,
          onPage: (n) => list.update({ page: n }),
          query: list.q,
          onQuery: (q) => list.update({ q }),
          searchHint: t('repairOrders:list.searchHint'),
          isFetching: page.isFetching,
        }}
      />
    </ListPage>
  );
}
