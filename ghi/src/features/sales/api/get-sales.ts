import { useQuery } from '@tanstack/react-query';
import { salesApi } from '../../../lib/api-client';
import type { Sale } from '../types';

export const salesKey = ['sales', 'sales'];

export function useSales(filters: { salesperson?: number } = {}, enabled = true) {
  return useQuery({
    queryKey: [...salesKey, filters],
    enabled,
    queryFn: async () => (await salesApi.get<{ sales: Sale[] }>('/api/sales/', { params: filters })).data.sales,
  });
}
