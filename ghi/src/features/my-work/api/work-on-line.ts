import type { RepairOrderLine } from '@carcar/common/contract/repair-orders';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { serviceApi } from '../../../lib/api-client';

export type LineWork = 'on' | 'off' | 'done';

/**
 * Clock on, clock off (`POST .../lines/:line/clock/`) or mark done (`.../done/`) one of your lines;
 * every list of repair orders refreshes. A 409 (a clock running on another line) is the caller's.
 */
export function useWorkOnLine() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ order, line, work }: { order: number; line: number; work: LineWork }) => {
      const base = `/api/repair-orders/${order}/lines/${line}`;
      return work === 'done'
        ? (await serviceApi.post<RepairOrderLine>(`${base}/done/`)).data
        : (await serviceApi.post<RepairOrderLine>(`${base}/clock/`, { action: work })).data;
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['service', 'repair-orders'] }),
  });
}
