import { useQuery } from '@tanstack/react-query';
import { salesApi } from '../../../lib/api-client';

export interface DashboardSale {
  id: number;
  price: number;
  sold_at: string;
  salesperson: { id: number; first_name: string; last_name: string };
}

export function useDashboardSales(enabled = true) {
  return useQuery({
    enabled,
    queryKey: ['sales', 'sales', 'dashboard'],
    queryFn: async () => (await salesApi.get<{ sales: DashboardSale[] }>('/api/sales/')).data.sales,
  });
}
