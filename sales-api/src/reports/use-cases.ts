import { type ReportRangeQuery, resolveReportRange, todayIn } from '@carcar/common/contract/reports';
import type { Db } from '@carcar/common/db/database';
import type { Paged } from '@carcar/common/db/pagination';
import { salesReportStatements } from './statements.js';

const all = <T>(rows: T[]): Paged<T> => ({ items: rows, total: rows.length });

/** The managers' sales reports, over days of the dealership's calendar (`timezone`). */
export function salesReportUseCases(db: Db, timezone: string) {
  const statements = salesReportStatements(db);
  const rangeOf = (query: ReportRangeQuery) => ({ ...resolveReportRange(query, todayIn(timezone)), tz: timezone });
  return {
    byMonth: async (query: ReportRangeQuery) => all(await statements.byMonth(rangeOf(query))),
    bySalesperson: async (query: ReportRangeQuery) => all(await statements.bySalesperson(rangeOf(query))),
  };
}
