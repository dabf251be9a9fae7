import { useQuery } from '@tanstack/react-query';
import { serviceApi } from '../../../lib/api-client';
import type { StaffLink } from '../types';

// Features do not import each other: the service feature has its own technicians query.

/** Technicians (`GET /service/api/technicians/`), to link a technician's account to. */
export function useLinkableTechnicians() {
  return useQuery({
    queryKey: ['admin', 'technicians'],
    queryFn: async () => (await serviceApi.get<{ technicians: StaffLink[] }>('/api/technicians/')).data.technicians,
  });
}
