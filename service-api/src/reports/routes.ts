import { reportRangeQuery } from '@carcar/common/contract/reports';
import type { Db } from '@carcar/common/db/database';
import { sendList } from '@carcar/common/http/list';
import { parseInput } from '@carcar/common/http/validation';
import { type Router as ExpressRouter, Router } from 'express';
import { serviceReportUseCases } from './use-cases.js';

/** `/api/reports/...`: `{"rows": [...]}`, or the same rows as CSV for `Accept: text/csv`. */
export function serviceReportsRouter(db: Db, timezone: string): ExpressRouter {
  const reports = serviceReportUseCases(db, timezone);
  const router = Router();
  router.get('/technician-weeks', async (req, res) => {
    sendList(res, 'rows', await reports.technicianWeeks(parseInput(reportRangeQuery, req.query)));
  });
  return router;
}
