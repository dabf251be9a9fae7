import { pathTo, serviceApiRoutes } from '@carcar/common/contract/routes';
import { useQuery } from '@tanstack/react-query';
import { serviceApi } from '../../../lib/api-client';
import type { CsvRequest } from '../../../lib/export-csv';
import { serviceKeys } from '../../../lib/query-keys';
import { callRoute } from '../../../lib/route-call';

/** Every technician, retired ones too (the page's list), for "Export CSV". */
export const techniciansRequest: CsvRequest = { api: serviceApi, url: pathTo(serviceApiRoutes.technicians.list) };

/** Every technician (history keeps retired ones), or `{ active: true }` for pickers. */
export function useTechnicians(filters: { active?: true } = {}) {
  return useQuery({
    queryKey: serviceKeys.technicians.list(filters),
    queryFn: async () =>
      (await callRoute(serviceApi, serviceApiRoutes.technicians.list, { params: filters })).technicians,
  });
}
