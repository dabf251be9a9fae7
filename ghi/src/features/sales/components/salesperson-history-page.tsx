import { useId, useState } from 'react';
import { DataTable } from '../../../components/data-table';
import { formatMoney } from '../../../lib/format';
import { useTranslation } from '../../../lib/i18n';
import { useSales } from '../api/get-sales';
import { useSalespeople } from '../api/get-salespeople';
import { personName } from '../types';
import { saleColumns, saleSearchText } from './sale-columns';

export function SalespersonHistoryPage() {
  const { t } = useTranslation();
  const salespeople = useSalespeople();
  const [salesperson, setSalesperson] = useState<number | undefined>();
  const sales = useSales({ salesperson }, salesperson !== undefined);
  const selectId = useId();
  const total = (sales.data ?? []).reduce((sum, sale) => sum + sale.price, 0);
  return (
    <>
      <h1>{t('sales:history.title')}</h1>
      <label htmlFor={selectId}>{t('sales:history.salesperson')}</label>
      <select
        id={selectId}
        value={salesperson ?? ''}
        onChange={(event) => setSalesperson(event.target.value ? Number(event.target.value) : undefined)}
      >
        <option value="">{t('sales:history.choose')}</option>
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
              {t('sales:total', { count: sales.data.length, total: formatMoney(total) })}
            </p>
          )}
          <DataTable
            caption={t('sales:history.caption')}
            rows={sales.data}
            isLoading={sales.isLoading}
            error={sales.error}
            retry={() => sales.refetch()}
            rowKey={(s) => s.id}
            searchText={saleSearchText}
            empty={t('sales:history.empty')}
            columns={saleColumns(t).filter((column) => column.key !== 'salesperson')}
          />
        </>
      )}
    </>
  );
}
