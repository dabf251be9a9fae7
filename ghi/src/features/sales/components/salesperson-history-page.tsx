import { useId, useState } from 'react';
import { DataTable } from '../../../components/data-table';
import { formatMoney } from '../../../lib/format';
import { useSales } from '../api/get-sales';
import { useSalespeople } from '../api/get-salespeople';
import { personName } from '../types';
import { saleColumns, saleSearchText } from './sale-columns';

export function SalespersonHistoryPage() {
  const salespeople = useSalespeople();
  const [salesperson, setSalesperson] = useState<number | undefined>();
  const sales = useSales({ salesperson }, salesperson !== undefined);
  const selectId = useId();
  const total = (sales.data ?? []).reduce((sum, sale) => sum + sale.price, 0);
  return (
    <>
      <h1>Salesperson history</h1>
      <label htmlFor={selectId}>Salesperson</label>
      <select
        id={selectId}
        value={salesperson ?? ''}
        onChange={(event) => setSalesperson(event.target.value ? Number(event.target.value) : undefined)}
      >
        <option value="">Choose a salesperson</option>
        {(salespeople.data ?? []).map((p) => (
          <option key={p.id} value={p.id}>
            {personName(p)}
          </option>
        ))}
      </select>
      {salesperson !== undefined && (
        <>
          {sales.data && (
            <p className="total" aria-live="polite">
              {sales.data.length} {sales.data.length === 1 ? 'sale' : 'sales'}, total {formatMoney(total)}
            </p>
          )}
          <DataTable
            caption="Sales of the salesperson"
            rows={sales.data}
            isLoading={sales.isLoading}
            error={sales.error}
            retry={() => sales.refetch()}
            rowKey={(s) => s.id}
            searchText={saleSearchText}
            empty="No sales yet."
            columns={saleColumns.filter((column) => column.key !== 'salesperson')}
          />
        </>
      )}
    </>
  );
}
