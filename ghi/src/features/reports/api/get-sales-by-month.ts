import { pathTo, salesRoutes } from '@carcar/common/contract/routes';
import { useQuery } from '@tanstack/react-query';
import { salesApi } from '../../../lib/api-client';
import { salesKeys } from '../../../lib/query-keys';
import { callRoute } from '../../../lib/route-call';
import { csvName, downloadCsv, rangeParams } from './download-csv';

const path = pathTo(salesRoutes.reports.salesByMonth);

export function useSalesByMonth(range: { from: string; to: string }, enabled = true) {
  return useQuery({
    enabled,
    queryKey: salesKeys.reports.byMonth(range),
    queryFn: async () =>
      (await callRoute(salesApi, salesRoutes.reports.salesByMonth, { params: rangeParams(range) })).rows,
  });
}

export const downloadSalesByMonth = (range: { from: string; to: string }) =>
  downloadCsv(salesApi, path, range, csvName('sales-by-month', range));
