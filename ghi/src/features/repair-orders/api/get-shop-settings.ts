import { pathTo, serviceApiRoutes } from '@carcar/common/contract/routes';
import { useQuery } from '@tanstack/react-query';
import { serviceApi } from '../../../lib/api-client';
import { serviceKeys } from '../../../lib/query-keys';
import type { ShopSettings } from '../types';

/** The labor rate new labor lines start from, and the tax rate on every invoice. */
export function useShopSettings() {
  return useQuery({
    queryKey: serviceKeys.shopSettings,
    queryFn: async () => (await serviceApi.get<ShopSettings>(pathTo(serviceApiRoutes.shopSettings.get))).data,
  });
}
