import { serviceApiRoutes } from '@carcar/common/contract/routes';
import { useQuery } from '@tanstack/react-query';
import { serviceApi } from '../../../lib/api-client';
import { serviceKeys } from '../../../lib/query-keys';
import { callRoute } from '../../../lib/route-call';

/** The labor rate new labor lines start from, and the tax rate on every invoice. */
export function useShopSettings() {
  return useQuery({
    queryKey: serviceKeys.shopSettings,
    queryFn: () => callRoute(serviceApi, serviceApiRoutes.shopSettings.get),
  });
}
