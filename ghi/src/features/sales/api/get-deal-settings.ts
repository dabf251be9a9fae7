import { salesRoutes } from '@carcar/common/contract/routes';
import { useQuery } from '@tanstack/react-query';
import { salesApi } from '../../../lib/api-client';
import { salesKeys } from '../../../lib/query-keys';
import { callRoute } from '../../../lib/route-call';

/** The dealership's deal settings: `tax_rate`, the percent a sale is taxed at unless it says otherwise. */
export function useDealSettings() {
  return useQuery({
    queryKey: salesKeys.dealSettings,
    queryFn: () => callRoute(salesApi, salesRoutes.dealSettings.get),
    staleTime: 5 * 60_000,
  });
}
