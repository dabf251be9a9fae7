import { useQuery } from '@tanstack/react-query';
import { serviceApi } from '../../../lib/api-client';
import type { Technician } from '../types';

export const techniciansKey = ['service', 'technicians'];

/** Every technician (history keeps retired ones), or `{ active: true }` for pickers. */
export function useTechnicians(filters: { active?: true } = {}) {
  return useQuery({
    queryKey: [...techniciansKey, filters],
    queryFn: async () =>
      (await serviceApi.get<{ technicians: Technician[] }>('/api/technicians/', { params: filters })).data.technicians,
  });
}
