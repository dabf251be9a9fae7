import { useQuery } from '@tanstack/react-query';
import { serviceApi } from '../../../lib/api-client';
import type { RepairOrder } from '../types';
import { repairOrdersKey } from './get-repair-orders';

export const repairOrderKey = (id: number) => [...repairOrdersKey, 'one', id];

export function useRepairOrder(id: number) {
  return useQuery({
    queryKey: repairOrderKey(id),
    enabled: Number.isInteger(id) && id > 0,
    queryFn: async () => (await serviceApi.get<RepairOrder>(`/api/repair-orders/${id}/`)).data,
  });
}
