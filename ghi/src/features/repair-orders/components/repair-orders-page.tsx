import '../../../components/record.css';
import '../repair-orders.css';
import { normalizeVin } from '@carcar/common/contract/vin';
import { useEffect, useId, useMemo, useState } from 'react';
import { Link } from 'react-router-dom';
import { DataTable } from '../../../components/data-table';
import { useCan } from '../../../lib/auth';
import { formatNumber } from '../../../lib/format';
import { useTranslation } from '../../../lib/i18n';
import { useListState } from '../../../lib/list-state';
import { type RepairOrderFilters, useRepairOrderCount, useRepairOrderPage } from '../api/get-repair-orders';
import { type RepairOrderStatus, repairOrderStatuses, statusLabel } from '../types';
import { repairOrderColumns } from './repair-order-columns';

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
    <li>
      <Link to={href} aria-current={status === current ? 'page' : undefined}>
        {label} <span className="count">{count.data ?? '…'}</span>
      </Link>
    </li>
  );
}

/** The VIN filter: applied when a whole VIN is typed (or the box emptied), not on every key. */
function VinFilter({ vin, onVin }: { vin: string; onVin: (vin: string) => void }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState(vin);
  const id = useId();
  useEffect(() => setDraft(vin), [vin]);
  const normalized = normalizeVin(draft);
  const incomplete = normalized !== '' && normalized.length !== 17;
  useEffect(() => {
    if (!incomplete && normalized !== vin) onVin(normalized);
  }, [normalized, incomplete, vin, onVin]);
  return (
    <div className="field">
      <label htmlFor={id}>{t('repairOrders:list.vin')}</label>
      <input
        id={id}
        value={draft}
        spellCheck={false}
        autoCapitalize="characters"
        aria-describedby={`${id}-hint`}
        onChange={(event) => setDraft(event.target.value)}
      />
      <small id={`${id}-hint`}>
        {incomplete
          ? t('repairOrders:list.vinIncomplete', { typed: normalized.length })
          : t('repairOrders:list.vinHint')}
      </small>
    </div>
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
  const hrefFor = (s: RepairOrderStatus | undefined) => {
    const next = new URLSearchParams();
    if (list.q) next.set('q', list.q);
    if (vin) next.set('vin', vin);
    if (s) next.set('status', s);
    const query = next.toString();
    return query ? `?${query}` : '?';
  };
  return (
    <>
      <div className="page-heading">
        <h1>{t('repairOrders:list.title')}</h1>
        {mayWrite && (
          <Link to="/service/repair-orders/new" role="button">
            {t('repairOrders:list.new')}
          </Link>
        )}
      </div>
      <nav aria-label={t('repairOrders:list.byStatus')} className="ro-status-filters">
        <ul>
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
        </ul>
      </nav>
      <div className="ro-filters">
        <VinFilter vin={vin} onVin={(value) => list.update({ vin: value })} />
      </div>
      <DataTable
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
    </>
  );
}
