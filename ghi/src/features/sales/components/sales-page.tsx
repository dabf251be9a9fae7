import { type SaleSort, saleSorts } from '@carcar/common/contract/sales';
import { useId } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import '../../../components/record.css';
import { DataTable } from '../../../components/data-table';
import { ExportCsvButton } from '../../../components/export-csv-button';
import { useCan } from '../../../lib/auth';
import { useListState } from '../../../lib/list-state';
import { salesListRequest, useSalesPage } from '../api/get-sales';
import { saleColumns } from './sale-columns';

const PAGE_SIZE = 20;

const sortLabels: Record<SaleSort, string> = {
  '-id': 'Newest first',
  id: 'Oldest first',
  '-price': 'Price, highest first',
  price: 'Price, lowest first',
};

const salesCount = (n: number) => `${n.toLocaleString('en-US')} ${n === 1 ? 'sale' : 'sales'}`;

export function SalesPage() {
  const list = useListState('-id');
  const [params] = useSearchParams();
  // `?new=12` after recording a sale: that row is marked.
  const added = Number(params.get('new')) || null;
  const sort = (saleSorts as readonly string[]).includes(list.sort) ? (list.sort as SaleSort) : '-id';
  const withVoided = list.filter('voided') === 'shown';
  const filters = { q: list.q || undefined, include_voided: withVoided || undefined, sort };
  const page = useSalesPage({ ...filters, limit: PAGE_SIZE, offset: list.page * PAGE_SIZE });
  const sortId = useId();
  const voidedId = useId();
  const mayRecord = useCan('sales.record');
  return (
    <>
      <h1>Sales</h1>
      {mayRecord && (
        <p>
          <Link to="/sales/new" role="button">
            Record a sale
          </Link>
        </p>
      )}
      <div className="list-toolbar">
        <div>
          <label htmlFor={sortId}>Order</label>
          <select id={sortId} value={sort} onChange={(event) => list.update({ sort: event.target.value })}>
            {saleSorts.map((value) => (
              <option key={value} value={value}>
                {sortLabels[value]}
              </option>
            ))}
          </select>
        </div>
        <label htmlFor={voidedId}>
          <input
            id={voidedId}
            type="checkbox"
            checked={withVoided}
            onChange={(event) => list.update({ voided: event.target.checked ? 'shown' : '' })}
          />
          Show voided sales too
        </label>
        <div>
          <ExportCsvButton name="sales" request={salesListRequest(filters)} />
        </div>
      </div>
      <DataTable
        caption="Sales"
        rows={page.data?.items}
        isLoading={page.isLoading}
        error={page.error}
        retry={() => page.refetch()}
        rowKey={(s) => s.id}
        highlight={(s) => s.id === added}
        empty="No sales recorded yet."
        server={{
          total: page.data?.total ?? 0,
          count: (n) => (withVoided ? `${salesCount(n)}, voided ones included` : salesCount(n)),
          page: list.page,
          pageSize: PAGE_SIZE,
          onPage: (n) => list.update({ page: n }),
          query: list.q,
          onQuery: (q) => list.update({ q }),
          searchHint: 'VIN, customer or salesperson',
          isFetching: page.isFetching,
        }}
        columns={saleColumns}
      />
    </>
  );
}
