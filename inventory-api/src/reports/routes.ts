import { reportRangeQuery } from '@carcar/common/contract/reports';
import type { Db } from '@carcar/common/db/database';
import { sendList } from '@carcar/common/http/list';
import { parseInput } from '@carcar/common/http/validation';
import { type Router as ExpressRouter, Router } from 'express';
import { inventoryReportUseCases } from './use-cases.js';

/** `/api/reports/...`: `{"rows": [...]}`, or the same rows as CSV for `Accept: text/csv`. */
export function inventoryReportsRouter(db: Db): ExpressRouter {
  const reports = inventoryReportUseCases(db);
  const router = Router();
  router.get('/inventory-aging', async (req, res) => {
    sendList(res, 'rows', await reports.aging(parseInput(reportRangeQuery, req.query)));
  });
  return router;
}
