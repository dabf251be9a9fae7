import { pathTo, salesRoutes } from '@carcar/common/contract/routes';
import { useQuery } from '@tanstack/react-query';
import { salesApi } from '../../../lib/api-client';
import { salesKeys } from '../../../lib/query-keys';
import type { SaleableCar } from '../types';

export async function getSaleableCars(): Promise<SaleableCar[]> {
  return (
    await salesApi.get<{ autos: SaleableCar[] }>(pathTo(salesRoutes.automobiles.list), { params: { sold: false } })
  ).data.autos;
}

/** Cars that can be sold: the sales service's copy of inventory, `?sold=false`. */
export function useSaleableCars() {
  return useQuery({ queryKey: salesKeys.automobiles.unsold(), queryFn: getSaleableCars });
}
