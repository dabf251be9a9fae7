import { serviceApiRoutes } from '@carcar/common/contract/routes';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { serviceApi } from '../../../lib/api-client';
import { callRoute } from '../../../lib/route-call';
import type { LineKind } from '../types';
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
    mutationFn: (body: LineBody) =>
      callRoute(serviceApi, serviceApiRoutes.repairOrders.addLine, { id: orderId }, { body }),
    onSuccess: () => refreshOrder(queryClient),
  });
}
