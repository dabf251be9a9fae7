import { pathTo, salesRoutes } from '@carcar/common/contract/routes';
import type { Sale } from '@carcar/common/contract/sales';
import { useQuery } from '@tanstack/react-query';
import { salesApi } from '../../../lib/api-client';
import { salesKeys } from '../../../lib/query-keys';

/** Every deal made on the car, voided ones too, from the sales service. */
export function useCarSales(vin: string, enabled = true) {
  return useQuery({
    queryKey: salesKeys.sales.byCar(vin),
    enabled,
    queryFn: async () =>
      (
        await salesApi.get<{ sales: Sale[] }>(pathTo(salesRoutes.sales.list), {
          params: { vin, include_voided: true, sort: '-id' },
        })
      ).data.sales,
  });
}
