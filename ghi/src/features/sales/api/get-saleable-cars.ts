import { salesRoutes } from '@carcar/common/contract/routes';
import { useQuery } from '@tanstack/react-query';
import { salesApi } from '../../../lib/api-client';
import { salesKeys } from '../../../lib/query-keys';
import { callRoute } from '../../../lib/route-call';
import type { SaleableCar } from '../types';

export async function getSaleableCars(): Promise<SaleableCar[]> {
  return (await callRoute(salesApi, salesRoutes.automobiles.list, { params: { sold: false } })).autos;
}

/** Cars that can be sold: the sales service's copy of inventory, `?sold=false`. */
export function useSaleableCars() {
  return useQuery({ queryKey: salesKeys.automobiles.unsold(), queryFn: getSaleableCars });
}
