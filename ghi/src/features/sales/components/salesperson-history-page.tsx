import { NativeSelect, Text } from '@mantine/core';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { DataTable } from '../../../components/data-table';
import { ListPage } from '../../../components/list-page';
import { formatMoney } from '../../../lib/format';
import { useTranslation } from '../../../lib/i18n';
import { salePath } from '../../../lib/paths';
import { useSales } from '../api/get-sales';
import { useSalespeople } from '../api/get-salespeople';
import { personName } from '../types';
import { saleColumns, saleSearchText } from './sale-columns';

export function SalespersonHistoryPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const salespeople = useSalespeople();
  const [salesperson, setSalesperson] = useState<number | undefined>();
  const sales = useSales({ salesperson }, salesperson !== undefined);
  const total = (sales.data ?? []).reduce((sum, sale) => sum + sale.price, 0);
  return (
    <ListPage title={t('sales:history.title')}>
      {/* The table stands from the start: its toolbar holds the salesperson picker. */}
      <DataTable
        toolbar={
          <>
            <NativeSelect
              label={t('sales:history.salesperson')}
              value={salesperson === undefined ? '' : String(salesperson)}
              onChange={(event) =>
                setSalesperson(event.currentTarget.value ? Number(event.currentTarget.value) : undefined)
              }
              data={[
                { value: '', label: t('sales:history.choose') },
                ...(salespeople.data ?? []).map((p) => ({ value: String(p.id), label: personName(p) })),
              ]}
            />
            {salesperson !== undefined && sales.data && (
              <Text className="total" aria-live="polite" fw={600} pb={6}>
                {t('sales:total', { count: sales.data.length, total: formatMoney(total) })}
              </Text>
            )}
          </>
        }
        caption={t('sales:history.caption')}
        rows={salesperson === undefined ? [] : sales.data}
        isLoading={salesperson !== undefined && sales.isLoading}
        error={sales.error}
        retry={() => sales.refetch()}
        rowKey={(s) => s.id}
        onRowClick={(s) => navigate(salePath(s.id))}
        searchHint={t('sales:history.searchHint')}
        searchText={saleSearchText}
        empty={salesperson === undefined ? t('sales:history.choose') : t('sales:history.empty')}
        columns={saleColumns(t).filter((column) => column.key !== 'salesperson')}
      />
    </ListPage>
  );
}
