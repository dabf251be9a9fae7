import type { UseQueryResult } from '@tanstack/react-query';
import { useNavigate } from 'react-router-dom';
import { DataTable } from '../../../components/data-table';
import { useTranslation } from '../../../lib/i18n';
import { salePath } from '../../../lib/paths';
import type { Sale } from '../types';
import { saleColumns } from './sale-columns';

/**
 * The sales on one person's page (a customer's, a salesperson's): each row opens the sale, and the
 * column naming that person is left out, since every row would say the same name.
 */
export function PersonSalesTable({
  sales,
  person,
  caption,
  empty,
}: {
  sales: UseQueryResult<Sale[]>;
  /** Whose page it is: their column goes. */
  person: 'customer' | 'salesperson';
  caption: string;
  empty: string;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <DataTable
      caption={caption}
      rows={sales.data}
      isLoading={sales.isLoading}
      error={sales.error}
      retry={() => sales.refetch()}
      rowKey={(s) => s.id}
      onRowClick={(s) => navigate(salePath(s.id))}
      empty={empty}
      columns={saleColumns(t).filter((column) => column.key !== person)}
    />
  );
}
