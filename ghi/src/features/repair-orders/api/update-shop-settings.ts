import { serviceApiRoutes } from '@carcar/common/contract/routes';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { serviceApi } from '../../../lib/api-client';
import { serviceKeys } from '../../../lib/query-keys';
import { callRoute } from '../../../lib/route-call';
import type { ShopSettings } from '../types';

/** `PUT /api/shop-settings/` (managers): orders already written keep the rates they were given. */
export function useUpdateShopSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ShopSettings) => callRoute(serviceApi, serviceApiRoutes.shopSettings.update, { body }),
    onSuccess: (settings) => queryClient.setQueryData(serviceKeys.shopSettings, settings),
  });
}
