import { useQuery } from '@tanstack/react-query';
import { inventoryApi } from '../../../lib/api-client';
import type { Manufacturer } from '../types';

export const manufacturersKey = ['inventory', 'manufacturers'];

export async function getManufacturers(): Promise<Manufacturer[]> {
  return (await inventoryApi.get<{ manufacturers: Manufacturer[] }>('/api/manufacturers/')).data.manufacturers;
}

export function useManufacturers() {
  return useQuery({ queryKey: manufacturersKey, queryFn: getManufacturers });
}
