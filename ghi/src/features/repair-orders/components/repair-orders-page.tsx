import '../../../components/record.css';
import '../repair-orders.css';
import { normalizeVin } from '@carcar/common/contract/vin';
import { useEffect, useId, useState } from 'react';
import { Link } from 'react-router-dom';
import { DataTable } from '../../../components/data-table';
import { useCan } from '../../../lib/auth';
import { useListState } from '../../../lib/list-state';
import { type RepairOrderFilters, useRepairOrderCount, useRepairOrderPage } from '../api/get-repair-orders';
import { type RepairOrderStatus, repairOrderStatuses, statusLabels } from '../types';
import { repairOrderColumns } from './repair-order-columns';

const PAGE_SIZE = 25;

const isStatus = (value: string): value is RepairOrderStatus =>
  (repairOrderStatuses as readonly string[]).includes(value);

const ordersCount = (n: number) => `${n.toLocaleString('en-US')} repair order${n === 1 ? '' : 's'}`;

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
      <label htmlFor={id}>VIN</label>
      <input
        id={id}
        value={draft}
        spellCheck={false}
        autoCapitalize="characters"
        aria-describedby={`${id}-hint`}
        onChange={(event) => setDraft(event.target.value)}
      />
      <small id={`${id}-hint`}>
        {incomplete ? `${normalized.length} of 17 characters` : 'One car’s orders: its whole 17-character VIN'}
      </small>
    </div>
  );
}

/** Every repair order, newest first: by status (each counted), searched, or one car's. */
export function RepairOrdersPage() {
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
        <h1>Repair orders</h1>
        {mayWrite && (
          <Link to="/service/repair-orders/new" role="button">
            New repair order
          </Link>
        )}
      </div>
      <nav aria-label="Repair orders by status" className="ro-status-filters">
        <ul>
          <StatusFilter label="All" status={undefined} current={status} filters={filters} href={hrefFor(undefined)} />
          {repairOrderStatuses.map((s) => (
            <StatusFilter
              key={s}
              label={statusLabels[s]}
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
        caption={status ? `${statusLabels[status]} repair orders` : 'Repair orders'}
        rows={page.data?.items}
        isLoading={page.isLoading}
        error={page.error}
        retry={() => page.refetch()}
        rowKey={(o) => o.id}
        empty={
          status
            ? `No repair orders are ${statusLabels[status].toLowerCase()}${vin ? ' for this car' : ''}.`
            : vin
              ? 'No repair orders for this car yet.'
              : 'No repair orders yet.'
        }
        columns={repairOrderColumns}
        server={{
          total: page.data?.total ?? 0,
          count: (n) => `${ordersCount(n)}${status ? `, ${statusLabels[status].toLowerCase()}` : ''}`,
          page: list.page,
          pageSize: PAGE_SIZE,
          onPage: (n) => list.update({ page: n }),
          query: list.q,
          onQuery: (q) => list.update({ q }),
          searchHint: 'Customer, VIN, concern or order number',
          isFetching: page.isFetching,
        }}
      />
    </>
  );
}
