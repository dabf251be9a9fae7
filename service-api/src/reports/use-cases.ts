import { defaultWeeksRange, type ReportRangeQuery, resolveReportRange, todayIn } from '@carcar/common/contract/reports';
import type { Db } from '@carcar/common/db/database';
import type { Paged } from '@carcar/common/http/list';
import { serviceReportStatements } from './statements.js';

/** The managers' service reports, over days of the dealership's calendar (`timezone`). */
export function serviceReportUseCases(db: Db, timezone: string) {
  const statements = serviceReportStatements(db);
  return {
    async technicianWeeks(query: ReportRangeQuery) {
      const rows = await statements.technicianWeeks({
        ...resolveReportRange(query, todayIn(timezone), defaultWeeksRange),
        tz: timezone,
      });
      return { items: rows, total: rows.length } satisfies Paged<(typeof rows)[number]>;
    },
  };
}
