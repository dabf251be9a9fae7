import type { Automobile } from '@carcar/common/contract/inventory';
import { inventoryRoutes, pathTo } from '@carcar/common/contract/routes';
import { useQuery } from '@tanstack/react-query';
import { ApiError, inventoryApi } from './api-client';
import { inventoryKeys } from './query-keys';

/**
 * A car as inventory knows it (year, make, model, color, list price, days in stock, condition,
 * odometer), by VIN; null when inventory has no such car (a customer's car or trade-in bought
 * elsewhere), which is an answer, not a failure. One query for the sales desk and the printed papers,
 * so either fills the other's cache.
 */
export function useInventoryCar(vin: string | undefined) {
  return useQuery({
    queryKey: inventoryKeys.automobiles.byVinOrNone(vin),
    enabled: Boolean(vin),
    queryFn: async (): Promise<Automobile | null> => {
      try {
        return (await inventoryApi.get<Automobile>(pathTo(inventoryRoutes.automobiles.get, { vin: vin ?? '' }))).data;
      } catch (error) {
        if (error instanceof ApiError && error.status === 404) return null;
        throw error;
      }
    },
    retry: (failures, error) =>
      failures < 1 && !(error instanceof ApiError && error.status !== null && error.status < 500),
  });
}
