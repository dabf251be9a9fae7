import { salesRoutes } from '@carcar/common/contract/routes';
import { useQuery } from '@tanstack/react-query';
import { salesApi } from '../../../lib/api-client';
import { salesKeys } from '../../../lib/query-keys';
import { callRoute } from '../../../lib/route-call';

/** The sold car as the sales service knows it (year, make, model, color), by VIN. */
export function useSaleCar(vin: string | undefined) {
  return useQuery({
    queryKey: salesKeys.automobiles.byVin(vin),
    enabled: Boolean(vin),
    queryFn: async () =>
      (await callRoute(salesApi, salesRoutes.automobiles.list, { params: { vin } })).autos[0] ?? null,
  });
}
