import { useMutation, useQueryClient } from '@tanstack/react-query';
import { serviceApi } from '../../../lib/api-client';
import type { ShopSettings } from '../types';
import { shopSettingsKey } from './get-shop-settings';

/** `PUT /api/shop-settings/` (managers): orders already written keep the rates they were given. */
export function useUpdateShopSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: ShopSettings) => (await serviceApi.put<ShopSettings>('/api/shop-settings/', body)).data,
    onSuccess: (settings) => queryClient.setQueryData(shopSettingsKey, settings),
  });
}
