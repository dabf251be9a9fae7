import { useQuery } from '@tanstack/react-query';
import { serviceApi } from '../../../lib/api-client';
import type { CsvRequest } from '../../../lib/export-csv';
import type { Technician } from '../types';

export const techniciansKey = ['service', 'technicians'];

/** Every technician, retired ones too (the page's list), for "Export CSV". */
export const techniciansRequest: CsvRequest = { api: serviceApi, url: '/api/technicians/' };

/** Every technician (history keeps retired ones), or `{ active: true }` for pickers. */
export function useTechnicians(filters: { active?: true } = {}) {
  return useQuery({
    queryKey: [...techniciansKey, filters],
    queryFn: async () =>
      (await serviceApi.get<{ technicians: Technician[] }>(techniciansRequest.url, { params: filters })).data
        .technicians,
  });
}
