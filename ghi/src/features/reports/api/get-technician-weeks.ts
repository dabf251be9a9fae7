import { pathTo, serviceApiRoutes } from '@carcar/common/contract/routes';
import { useQuery } from '@tanstack/react-query';
import { serviceApi } from '../../../lib/api-client';
import { serviceKeys } from '../../../lib/query-keys';
import { callRoute } from '../../../lib/route-call';
import { csvName, downloadCsv, rangeParams } from './download-csv';

const path = pathTo(serviceApiRoutes.reports.technicianWeeks);

export function useTechnicianWeeks(range: { from: string; to: string }, enabled = true) {
  return useQuery({
    enabled,
    queryKey: serviceKeys.reports.technicianWeeks(range),
    queryFn: async () =>
      (await callRoute(serviceApi, serviceApiRoutes.reports.technicianWeeks, { params: rangeParams(range) })).rows,
  });
}

export const downloadTechnicianWeeks = (range: { from: string; to: string }) =>
  downloadCsv(serviceApi, path, range, csvName('technician-weeks', range));
