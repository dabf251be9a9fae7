import { DataTable } from '../../../components/data-table';
import { useSales } from '../api/get-sales';
import { saleColumns, saleSearchText } from './sale-columns';

export function SalesPage() {
  const sales = useSales();
  return (
    <>
      <h1>Sales</h1>
      <DataTable
        caption="Sales"
        rows={sales.data}
        isLoading={sales.isLoading}
        error={sales.error}
        retry={() => sales.refetch()}
        rowKey={(s) => s.id}
        searchText={saleSearchText}
        empty="No sales recorded yet."
        columns={saleColumns}
      />
    </>
  );
}
