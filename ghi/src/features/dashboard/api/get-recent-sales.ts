import { pathTo, salesRoutes } from '@carcar/common/contract/routes';
import { useQuery } from '@tanstack/react-query';
import { salesApi } from '../../../lib/api-client';
import { salesKeys } from '../../../lib/query-keys';

export interface DashboardSale {
  id: number;
  price: number;
  sold_at: string;
  salesperson: { id: number; first_name: string; last_name: string };
  customer: { id: number; first_name: string; last_name: string };
  automobile: { vin: string };
}

export function useDashboardSales(enabled = true) {
  return useQuery({
    enabled,
    queryKey: salesKeys.sales.recent(),
    queryFn: async () => (await salesApi.get<{ sales: DashboardSale[] }>(pathTo(salesRoutes.sales.list))).data.sales,
  });
}
