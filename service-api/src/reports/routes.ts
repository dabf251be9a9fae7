import { reportMonthsQuery, reportRangeQuery } from '@carcar/common/contract/reports';
import type { Db } from '@carcar/common/db/database';
import { sendList } from '@carcar/common/http/list';
import { parseInput } from '@carcar/common/http/validation';
import { type Router as ExpressRouter, Router } from 'express';
import { serviceReportUseCases } from './use-cases.js';

/**
 * `/api/reports/...`: `{"rows": [...]}` (the repair order reports `{"months": [...]}`), or the same
 * rows as CSV for `Accept: text/csv`.
 */
export function serviceReportsRouter(db: Db, timezone: string): ExpressRouter {
  const reports = serviceReportUseCases(db, timezone);
  const router = Router();
  router.get('/technician-weeks', async (req, res) => {
    sendList(res, 'rows', await reports.technicianWeeks(parseInput(reportRangeQuery, req.query)));
  });
  router.get('/repair-orders-by-month', async (req, res) => {
    sendList(res, 'months', await reports.repairOrdersByMonth(parseInput(reportMonthsQuery, req.query)));
  });
  router.get('/technician-efficiency', async (req, res) => {
    sendList(res, 'months', await reports.technicianEfficiency(parseInput(reportMonthsQuery, req.query)));
  });
  return router;
}
