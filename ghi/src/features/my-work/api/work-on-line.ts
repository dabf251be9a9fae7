import type { RepairOrderLine } from '@carcar/common/contract/repair-orders';
import { pathTo, serviceApiRoutes } from '@carcar/common/contract/routes';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ApiError, serviceApi } from '../../../lib/api-client';
import { i18n } from '../../../lib/i18n';
import { serviceKeys } from '../../../lib/query-keys';
import { callRoute } from '../../../lib/route-call';

export type LineWork = 'on' | 'off' | 'done';

/** The 409 of clocking on while the clock runs elsewhere: it names the line it runs on. */
export class ClockRunningElsewhere extends ApiError {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(message, 409, [], 'conflict');
    this.name = 'ClockRunningElsewhere';
  }
}

/**
 * Clock on, clock off (`POST .../lines/:line/clock/`) or mark done (`.../done/`, which also stops
 * the line's clock); every list of repair orders refreshes. Failures are the caller's to show.
 */
export function useWorkOnLine() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ order, line, work }: { order: number; line: number; work: LineWork }) => {
      const ids = { id: order, line };
      if (work === 'done') {
        return callRoute(serviceApi, serviceApiRoutes.repairOrders.markLineDone, ids);
      }
      // The 409 is read here: the shared error handler keeps only its message, not the line it names.
      const res = await serviceApi.post<RepairOrderLine | { message?: string; line?: number }>(
        pathTo(serviceApiRoutes.repairOrders.clock, ids),
        { action: work },
        { validateStatus: (status) => (status >= 200 && status < 300) || status === 409 },
      );
      if (res.status === 409) {
        const body = res.data as { message?: string; line?: number };
        const message = body.message ?? i18n.t('myWork:repairWork.clockUnchanged');
        throw typeof body.line === 'number'
          ? new ClockRunningElsewhere(message, body.line)
          : new ApiError(message, 409);
      }
      return res.data as RepairOrderLine;
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: serviceKeys.repairOrders.all }),
  });
}
