import { reportRangeQuery } from '@carcar/common/contract/reports';
import type { Db } from '@carcar/common/db/database';
import { sendList } from '@carcar/common/http/list';
import { parseInput } from '@carcar/common/http/validation';
import { type Router as ExpressRouter, Router } from 'express';
import { salesReportUseCases } from './use-cases.js';

/** `/api/reports/...`: `{"rows": [...]}`, or the same rows as CSV for `Accept: text/csv`. */
export function salesReportsRouter(db: Db, timezone: string): ExpressRouter {
  const reports = salesReportUseCases(db, timezone);
  const router = Router();
  router.get('/sales-by-month', async (req, res) => {
    sendList(res, 'rows', await reports.byMonth(parseInput(reportRangeQuery, req.query)));
  });
  router.get('/sales-by-salesperson', async (req, res) => {
    sendList(res, 'rows', await reports.bySalesperson(parseInput(reportRangeQuery, req.query)));
  });
  return router;
}
