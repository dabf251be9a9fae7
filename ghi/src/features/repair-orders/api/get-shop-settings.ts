import { useQuery } from '@tanstack/react-query';
import { serviceApi } from '../../../lib/api-client';
import type { ShopSettings } from '../types';

export const shopSettingsKey = ['service', 'shop-settings'];

/** The labor rate new labor lines start from, and the tax rate on every invoice. */
export function useShopSettings() {
  return useQuery({
    queryKey: shopSettingsKey,
    queryFn: async () => (await serviceApi.get<ShopSettings>('/api/shop-settings/')).data,
  });
}
