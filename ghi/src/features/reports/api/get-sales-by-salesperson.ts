import { pathTo, salesRoutes } from '@carcar/common/contract/routes';
import { useQuery } from '@tanstack/react-query';
import { salesApi } from '../../../lib/api-client';
import { salesKeys } from '../../../lib/query-keys';
import { callRoute } from '../../../lib/route-call';
import { csvName, downloadCsv, rangeParams } from './download-csv';

const path = pathTo(salesRoutes.reports.salesBySalesperson);

export function useSalesBySalesperson(range: { from: string; to: string }, enabled = true) {
  return useQuery({
    enabled,
    queryKey: salesKeys.reports.bySalesperson(range),
    queryFn: async () =>
      (await callRoute(salesApi, salesRoutes.reports.salesBySalesperson, { params: rangeParams(range) })).rows,
  });
}

export const downloadSalesBySalesperson = (range: { from: string; to: string }) =>
  downloadCsv(salesApi, path, range, csvName('sales-by-salesperson', range));
