import { useQuery } from '@tanstack/react-query';
import { getAuditPage, newestFirst, type SourcedEntry } from '../../../lib/audit-trail';
import { auditKeys } from '../../../lib/query-keys';

// A car's whole story fits in one page of each trail: a car is changed, serviced and sold a
// handful of times, not hundreds.
const LIMIT = 500;

/** Every audit entry about one VIN, from inventory, service and sales, merged newest first. */
export function useVehicleAudit(vin: string, enabled: boolean) {
  return useQuery({
    queryKey: auditKeys.byVin(vin),
    enabled,
    queryFn: async (): Promise<SourcedEntry[]> => {
      const pages = await Promise.all(
        (['inventory', 'service', 'sales'] as const).map((source) =>
          getAuditPage(source, { vin }, { limit: LIMIT, offset: 0 }),
        ),
      );
      return newestFirst(pages.flatMap((page) => page.items));
    },
  });
}
