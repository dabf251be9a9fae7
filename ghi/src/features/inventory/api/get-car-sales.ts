import { salesRoutes } from '@carcar/common/contract/routes';
import { useQuery } from '@tanstack/react-query';
import { salesApi } from '../../../lib/api-client';
import { salesKeys } from '../../../lib/query-keys';
import { callRoute } from '../../../lib/route-call';

/** Every deal made on the car, voided ones too, from the sales service. */
export function useCarSales(vin: string, enabled = true) {
  return useQuery({
    queryKey: salesKeys.sales.byCar(vin),
    enabled,
    queryFn: async () =>
      (
        await callRoute(salesApi, salesRoutes.sales.list, {
          params: { vin, include_voided: true, sort: '-id' },
        })
      ).sales,
  });
}
