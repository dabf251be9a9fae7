import { salesRoutes } from '@carcar/common/contract/routes';
import { useQuery } from '@tanstack/react-query';
import { salesApi } from '../../../lib/api-client';
import { salesKeys } from '../../../lib/query-keys';
import { callRoute } from '../../../lib/route-call';

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
    // What the dashboard reads of a sale: the row's answer (Sale) is checked to hold it.
    queryFn: async (): Promise<DashboardSale[]> => (await callRoute(salesApi, salesRoutes.sales.list)).sales,
  });
}
