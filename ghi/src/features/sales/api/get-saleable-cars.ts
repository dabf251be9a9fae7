import { useQuery } from '@tanstack/react-query';
import { salesApi } from '../../../lib/api-client';
import type { SaleableCar } from '../types';

export const saleableCarsKey = ['sales', 'automobiles', 'unsold'];

export async function getSaleableCars(): Promise<SaleableCar[]> {
  return (await salesApi.get<{ autos: SaleableCar[] }>('/api/automobiles/', { params: { sold: false } })).data.autos;
}

/** Cars that can be sold: the sales service's copy of inventory, `?sold=false`. */
export function useSaleableCars() {
  return useQuery({ queryKey: saleableCarsKey, queryFn: getSaleableCars });
}
