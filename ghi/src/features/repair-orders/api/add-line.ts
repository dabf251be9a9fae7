import { pathTo, serviceApiRoutes } from '@carcar/common/contract/routes';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { serviceApi } from '../../../lib/api-client';
import type { LineKind, RepairLine } from '../types';
import { refreshOrder } from './update-repair-order';

/** `POST /api/repair-orders/:id/lines/`: labor (hours × rate), a part or a fee (quantity × unit price). */
export interface LineBody {
  kind: LineKind;
  description?: string;
  hours?: number;
  rate?: number;
  part_number?: string;
  quantity?: number;
  unit_price?: number;
  technician?: number;
}

export function useAddLine(orderId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: LineBody) =>
      (await serviceApi.post<RepairLine>(pathTo(serviceApiRoutes.repairOrders.addLine, { id: orderId }), body)).data,
    onSuccess: () => refreshOrder(queryClient),
  });
}
