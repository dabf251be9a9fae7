import type { ReportRangeQuery } from '@carcar/common/contract/reports';
import type { Db } from '@carcar/common/db/database';
import type { Paged } from '@carcar/common/db/pagination';
import { inventoryReportStatements } from './statements.js';

/** The managers' inventory report: how long each unsold car has been in stock. */
export function inventoryReportUseCases(db: Db) {
  const statements = inventoryReportStatements(db);
  return {
    /** Every unsold car, or (`?from=&to=`) those that arrived on those days; oldest first. */
    async aging(query: ReportRangeQuery) {
      const rows = await statements.aging({ from: query.from ?? null, to: query.to ?? null });
      return { items: rows, total: rows.length } satisfies Paged<(typeof rows)[number]>;
    },
  };
}
