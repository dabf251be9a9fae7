import {
  defaultWeeksRange,
  type ReportMonthsQuery,
  type ReportRangeQuery,
  resolveReportMonths,
  resolveReportRange,
  type TechnicianEfficiencyRow,
  todayIn,
} from '@carcar/common/contract/reports';
import type { Db } from '@carcar/common/db/database';
import type { Paged } from '@carcar/common/db/pagination';
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

    /** Invoiced orders per month: labor sales, billed hours, the effective labor rate, hours per order. */
    async repairOrdersByMonth(query: ReportMonthsQuery) {
      const rows = await statements.repairOrdersByMonth({
        ...resolveReportMonths(query, todayIn(timezone)),
        tz: timezone,
      });
      return { items: rows, total: rows.length } satisfies Paged<(typeof rows)[number]>;
    },

    /** Each technician's billed and clocked hours per month of invoice, and billed ÷ clocked. */
    async technicianEfficiency(query: ReportMonthsQuery) {
      const rows = await statements.technicianEfficiency({
        ...resolveReportMonths(query, todayIn(timezone)),
        tz: timezone,
      });
      const items = rows.map(
        (row): TechnicianEfficiencyRow => ({
          month: row.month,
          technician: { id: row.technician_id, first_name: row.first_name, last_name: row.last_name },
          billed_hours: row.billed_hours,
          clocked_hours: row.clocked_hours,
          efficiency: row.efficiency,
        }),
      );
      return { items, total: items.length } satisfies Paged<TechnicianEfficiencyRow>;
    },
  };
}
