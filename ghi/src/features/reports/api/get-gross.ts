import { pathTo, salesRoutes } from '@carcar/common/contract/routes';
import { useQuery } from '@tanstack/react-query';
import { salesApi } from '../../../lib/api-client';
import { salesKeys } from '../../../lib/query-keys';
import { callRoute } from '../../../lib/route-call';
import { csvName, downloadCsv, rangeParams } from './download-csv';

const byDealPath = pathTo(salesRoutes.reports.grossByDeal);
const bySalespersonPath = pathTo(salesRoutes.reports.grossBySalesperson);

/** Each live deal's front gross (price − the car's cost), over the range's days. */
export function useGrossByDeal(range: { from: string; to: string }, enabled = true) {
  return useQuery({
    enabled,
    queryKey: salesKeys.reports.grossByDeal(range),
    queryFn: async () =>
      (await callRoute(salesApi, salesRoutes.reports.grossByDeal, { params: rangeParams(range) })).rows,
  });
}

/** Each salesperson's front gross per month, over the range's days. */
export function useGrossBySalesperson(range: { from: string; to: string }, enabled = true) {
  return useQuery({
    enabled,
    queryKey: salesKeys.reports.grossBySalesperson(range),
    queryFn: async () =>
      (await callRoute(salesApi, salesRoutes.reports.grossBySalesperson, { params: rangeParams(range) })).rows,
  });
}

export const downloadGrossByDeal = (range: { from: string; to: string }) =>
  downloadCsv(salesApi, byDealPath, range, csvName('gross-by-deal', range));
export const downloadGrossBySalesperson = (range: { from: string; to: string }) =>
  downloadCsv(salesApi, bySalespersonPath, range, csvName('gross-by-salesperson', range));
